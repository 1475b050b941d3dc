import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "@/components/ui/nav-link";
import { NoticeArea, NoticeProvider } from "@/components/ui/notice";
import { StaffRoleBadge } from "@/components/ui/staff-role-badge";
import { signOutAction } from "@/lib/auth/actions";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/staff";

/** Sections of the dashboard; each appears only for roles that may open it. */
const nav: { href: string; label: string; permission: Permission }[] = [
  { href: "/users", label: "Users", permission: "users.read" },
  { href: "/sessions", label: "Sessions", permission: "sessions.read" },
  { href: "/spam", label: "Spam", permission: "spam.review" },
  { href: "/audit", label: "Audit", permission: "audit.read" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Every page checks again with its own permission; this only decides what the frame shows.
  const staff = await requireStaff();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/users" className="brand">
          Better Auth Admin
        </Link>
        <nav aria-label="Main" className="nav">
          {nav
            .filter((item) => can(staff.role, item.permission))
            .map((item) => (
              <NavLink key={item.href} href={item.href}>
                {item.label}
              </NavLink>
            ))}
        </nav>
        <div className="topbar-user">
          <span className="topbar-email" title={staff.name}>
            {staff.email}
          </span>
          <StaffRoleBadge role={staff.role} />
          <form action={signOutAction}>
            <button type="submit" className="btn btn-sm btn-ghost">
              Sign out
            </button>
          </form>
        </div>
      </header>
      {/* Action results live here, above the pages, so they survive the page re-render they cause. */}
      <NoticeProvider>
        <main id="main" className="content">
          <NoticeArea />
          {children}
        </main>
      </NoticeProvider>
    </div>
  );
}
