import Link from "next/link";
import type { ReactNode } from "react";
import { CommandPalette } from "@/components/shell/command-palette";
import { MobileNav } from "@/components/shell/mobile-nav";
import { Button } from "@/components/ui/button";
import { NavLink } from "@/components/ui/nav-link";
import { NoticeArea, NoticeProvider } from "@/components/ui/notice";
import { StaffRoleBadge } from "@/components/ui/staff-role-badge";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { signOutAction } from "@/lib/auth/actions";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/staff";
import { getDatabase } from "@/lib/db";
import { type NavEntry, navEntries, paletteEntries } from "@/lib/modules";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Every page checks again with its own permission; this only decides what the frame shows.
  const staff = await requireStaff();
  // Sections and palette shortcuts come from the modules that are on (lib/modules/*/index.ts `ui`).
  const { caps } = await getDatabase();
  const allowed = (entries: readonly NavEntry[]) =>
    entries.filter((e) => can(staff.role, e.permission as Permission)).map(({ href, label }) => ({ href, label }));
  const items = allowed(navEntries(caps.modules));
  const actions = allowed(paletteEntries(caps.modules));
  return (
    <div className="min-h-dvh">
      <a href="#main" className="absolute -top-10 left-2 z-10 rounded-md border border-input bg-card px-2.5 py-1.5 focus:top-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-40 flex h-12 items-center gap-2 border-b bg-card px-3 md:gap-6 md:px-5">
        <MobileNav items={items} email={staff.email} />
        <Link href="/users" className="font-semibold whitespace-nowrap text-foreground hover:text-foreground hover:no-underline">
          Better Auth Admin
        </Link>
        <nav aria-label="Main" className="hidden h-full flex-1 items-stretch gap-1 md:flex">
          {items.map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2">
          <CommandPalette pages={items} actions={actions} />
          <span className="hidden max-w-[28ch] truncate lg:inline" title={staff.name}>
            {staff.email}
          </span>
          <span className="hidden sm:inline-flex">
            <StaffRoleBadge role={staff.role} />
          </span>
          <ThemeToggle />
          <form action={signOutAction}>
            <Button type="submit" variant="ghost" size="sm">
              Sign out
            </Button>
          </form>
        </div>
      </header>
      {/* Action results live here, above the pages, so they survive the page re-render they cause. */}
      <NoticeProvider>
        <main id="main" className="mx-auto max-w-[1440px] p-3 md:p-5">
          <NoticeArea />
          {children}
        </main>
      </NoticeProvider>
    </div>
  );
}
