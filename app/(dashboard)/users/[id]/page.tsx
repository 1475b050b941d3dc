import type { Metadata } from "next";
import { buttonVariants } from "@/components/ui/button";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ModuleAccountFix, ModulePanel, ModulePanelFallback, ModuleUserAction } from "@/components/users/module-panel";
import { revokeNotes } from "@/components/moderation/revoke-notes";
import { ScoringPanelFallback } from "@/components/spam/scoring-fallback";
import { AccountFixesPanel } from "@/components/users/account-fixes/account-fixes-panel";
import { RecoveryPanel } from "@/components/users/account-fixes/recovery-panel";
import { SpamScorePanel } from "@/components/spam/spam-score-panel";
import { Avatar } from "@/components/ui/avatar";
import { SignInFindings } from "@/components/users/sign-in-findings";
import { UserAccountsTable } from "@/components/users/user-accounts-table";
import { UserActions } from "@/components/users/user-actions";
import { UserStatusBadges } from "@/components/users/user-badges";
import { toUserListItem } from "@/components/users/user-list-item";
import { userPermissions } from "@/components/users/user-permissions";
import { UserProfile } from "@/components/users/user-profile";
import { UserSessionsTable } from "@/components/users/user-sessions-table";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireStaff, staffOfRequest } from "@/lib/auth/staff";
import { getConfig } from "@/lib/config";
import { getReadDatabase } from "@/lib/db";
import { getSessionStore } from "@/lib/sessions/store-config";
import { accountFixes, editFields, sessionColumns, userActions, userPanels } from "@/lib/modules";
import { getUserDetail } from "@/lib/users/detail";
import { getUser } from "@/lib/users/queries";
import { textProblem } from "@/lib/input-guard";

const FALLBACK_TITLE = "User · Better Auth Admin";

/**
 * The user in the tab title, so several open users can be told apart. Checks staff itself: Next may
 * render metadata alongside a page that redirects, and a title must not tell an outsider an email.
 */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { headers: h, check } = await staffOfRequest();
  const { id } = await params;
  if (check.kind !== "staff" || !can(check.staff.role, "users.read") || textProblem(id)) return { title: FALLBACK_TITLE };
  const user = await getUser(await getReadDatabase(h), id);
  return { title: user ? `${user.name ? `${user.name} (${user.email})` : user.email} · Better Auth Admin` : FALLBACK_TITLE };
}

/** One user: the sign-in diagnosis first (the usual reason to open this page), then the facts. */
export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff("users.read");
  const [{ id }, d] = await Promise.all([params, getReadDatabase(await headers())]);
  const now = new Date();
  const detail = await getUserDetail(d, id, now, getSessionStore());
  if (!detail) notFound();
  const { user, accounts, sessions, total, activeTotal, findings } = detail;
  const item = toUserListItem(user, now, { on: d.caps.modules, may: (p) => can(staff.role, p as Permission) });
  const config = getConfig();
  const notes = revokeNotes(config);
  // The UI offers only what this role may do; the server checks again on every action.
  const permissions = userPermissions(staff.role, d.caps.modules);
  const fixes = {
    edit: can(staff.role, "users.edit"),
    unlink: can(staff.role, "users.unlinkAccount"),
  };
  // What the modules that are on add to the header and to "Account fixes" (for roles allowed them).
  const moduleActions = userActions(d.caps.modules).filter((a) => can(staff.role, a.permission as Permission));
  // What the modules that are on add to "Account fixes" (their own controls, for roles allowed them).
  const moduleFixes = accountFixes(d.caps.modules).filter((f) => can(staff.role, f.permission as Permission));
  // Only plain values reach the client: the modules' editable fields exist only while their columns do.
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  const editable = {
    id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified, image: user.image,
    moduleFields: editFields(d.caps).map((f) => ({ ...f, value: text(user.extra[f.field]) })),
  };

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-[13px] text-muted-foreground">
        <Link href="/users">Users</Link> <span aria-hidden="true">/</span> <span aria-current="page">{user.email}</span>
      </nav>
      <header className="page-header flex flex-wrap items-baseline gap-3 user-header !items-center [&_p]:mt-0.5">
        <Avatar name={user.name} email={user.email} image={user.image} size="lg" />
        <div>
          <h1>{user.name || user.email}</h1>
          <p className="text-muted-foreground">
            {user.email} <UserStatusBadges user={item} showVerified />
          </p>
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <UserActions
            user={{ id: user.id, email: user.email, role: user.role ?? "", emailVerified: user.emailVerified }}
            activeSessions={activeTotal}
            can={permissions}
            notes={notes}
            moduleActions={moduleActions.map((a) => (
              <Suspense key={a.id} fallback={null}>
                <ModuleUserAction action={a} q={d} userId={user.id} email={user.email} role={staff.role} now={now} activeSessions={activeTotal} />
              </Suspense>
            ))}
          />
          {can(staff.role, "audit.read") ? (
            <Link href={`/audit?target=${encodeURIComponent(user.id)}`} className={buttonVariants({ variant: "ghost", size: "xs" })}>
              Audit log
            </Link>
          ) : null}
        </div>
      </header>
      <SignInFindings findings={findings} />
      {can(staff.role, "users.recover") || fixes.edit || fixes.unlink || moduleFixes.length ? (
        <div className="grid gap-4 md:grid-cols-2">
          {can(staff.role, "users.recover") ? <RecoveryPanel user={editable} configured={config.appAuth !== null} /> : null}
          {fixes.edit || fixes.unlink || moduleFixes.length ? (
            <AccountFixesPanel
              user={editable}
              accounts={accounts.map((a) => ({ id: a.id, providerId: a.providerId }))}
              can={fixes}
              moduleFixes={moduleFixes.map((f) => (
                <Suspense key={f.id} fallback={null}>
                  <ModuleAccountFix fix={f} q={d} userId={user.id} email={user.email} role={staff.role} now={now} />
                </Suspense>
              ))}
            />
          ) : null}
        </div>
      ) : null}
      {can(staff.role, "spam.review") ? (
        // Streams in on its own: the rest of the page never waits for a scoring run.
        <Suspense fallback={<ScoringPanelFallback title="Spam score" />}>
          <SpamScorePanel q={d} user={user} canClear={d.caps.audit} now={now} />
        </Suspense>
      ) : null}
      <div className="grid grid-cols-[repeat(auto-fit,minmax(min(360px,100%),1fr))] items-start gap-4">
        <UserProfile user={user} item={item} enabledModules={d.caps.modules} now={now} />
        <UserAccountsTable accounts={accounts} now={now} />
      </div>
      {/* Panels the modules that are on contribute (each module's `ui.userPanels`). */}
      {userPanels(d.caps.modules)
        .filter((p) => can(staff.role, p.permission as Permission))
        .map((p) => (
          <Suspense key={p.id} fallback={<ModulePanelFallback title={p.title} />}>
            <ModulePanel panel={p} q={d} userId={user.id} email={user.email} role={staff.role} now={now} />
          </Suspense>
        ))}
      <UserSessionsTable
        sessions={sessions}
        total={total}
        activeTotal={activeTotal}
        now={now}
        moduleColumns={sessionColumns(d.caps.modules)}
        revoke={permissions.revokeSessions ? notes : null}
      />
    </div>
  );
}
