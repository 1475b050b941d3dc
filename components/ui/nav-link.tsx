"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

/** A nav entry that marks itself current for its section (/users and /users/123 alike). */
export function NavLink({ href, children, variant = "bar", onClick }: { href: string; children: ReactNode; variant?: "bar" | "sheet"; onClick?: () => void }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      onClick={onClick}
      aria-current={current ? "page" : undefined}
      className={cn(
        "font-medium text-muted-foreground hover:text-foreground hover:no-underline aria-[current=page]:text-foreground",
        variant === "bar"
          ? "flex items-center border-b-2 border-transparent px-2.5 aria-[current=page]:border-primary"
          : "rounded-md px-3 py-2 hover:bg-accent aria-[current=page]:bg-accent",
      )}
    >
      {children}
    </Link>
  );
}
