import Link from "next/link";
import { notFound } from "next/navigation";
import { Avatar } from "@/components/ui/avatar";
import { SignInFindings } from "@/components/users/sign-in-findings";
import { UserAccountsTable } from "@/components/users/user-accounts-table";
import { UserStatusBadges } from "@/components/users/user-badges";
import { toUserListItem } from "@/components/users/user-list-item";
import { UserProfile } from "@/components/users/user-profile";
import { UserSessionsTable } from "@/components/users/user-sessions-table";
import { requireStaff } from "@/lib/auth/staff";
import { getDatabase } from "@/lib/db";
import { getUserDetail } from "@/lib/users/detail";

export const metadata = { title: "User · Better Auth Admin" };

/** One user: the sign-in diagnosis first (the usual reason to open this page), then the facts. */
export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff("users.read");
  const [{ id }, d] = await Promise.all([params, getDatabase()]);
  const now = new Date();
  const detail = await getUserDetail(d, id, now);
  if (!detail) notFound();
  const { user, accounts, sessions, total, activeTotal, findings } = detail;
  const bansTracked = d.caps.modules.has("admin");
  const item = toUserListItem(user, now, bansTracked);

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/users">Users</Link> <span aria-hidden="true">/</span> <span aria-current="page">{user.email}</span>
      </nav>
      <header className="page-header user-header">
        <Avatar name={user.name} email={user.email} image={user.image} size="lg" />
        <div>
          <h1>{user.name || user.email}</h1>
          <p className="muted">
            {user.email} <UserStatusBadges user={item} showVerified />
          </p>
        </div>
      </header>
      <SignInFindings findings={findings} />
      <div className="detail-grid">
        <UserProfile user={user} item={item} enabledModules={d.caps.modules} now={now} />
        <UserAccountsTable accounts={accounts} now={now} />
      </div>
      <UserSessionsTable sessions={sessions} total={total} activeTotal={activeTotal} now={now} showImpersonation={bansTracked} />
    </div>
  );
}
