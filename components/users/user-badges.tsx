import { cn } from "@/lib/ui/cn";
import { Badge, type BadgeTone, badgeClass } from "../ui/badge";
import type { UserListItem } from "./user-list-item";

type StatusFields = Pick<UserListItem, "badges" | "emailVerified">;

/** The state the modules report (their `userRow.badges`, decided on the server), then verification. */
export function UserStatusBadges({ user, showVerified = false }: { user: StatusFields; showVerified?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {user.badges.map((b) => (
        <Badge key={b.label} tone={b.tone} {...(b.title ? { title: b.title } : {})}>
          {b.label}
        </Badge>
      ))}
      {user.emailVerified ? (showVerified ? <Badge tone="success">Verified</Badge> : null) : <Badge tone="warning">Unverified</Badge>}
    </span>
  );
}

const providerLabels: Record<string, string> = {
  credential: "Password",
  google: "Google",
  github: "GitHub",
  apple: "Apple",
  discord: "Discord",
  microsoft: "Microsoft",
  facebook: "Facebook",
  twitter: "X / Twitter",
};

export const providerLabel = (id: string) => providerLabels[id] ?? id;

export function ProviderBadge({ provider }: { provider: string }) {
  return (
    // Outlined, so they read as "methods", not as states.
    <span className={cn(badgeClass, "rounded-sm border-input bg-card text-secondary-foreground", provider === "credential" && "border-info-fg/40 text-info-fg")} data-provider={provider} title={provider}>
      {providerLabel(provider)}
    </span>
  );
}

export function ProviderBadges({ providers }: { providers: readonly string[] }) {
  if (providers.length === 0) return <span className="text-muted-foreground">None</span>;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {providers.map((p) => (
        <ProviderBadge key={p} provider={p} />
      ))}
    </span>
  );
}

const roleTones: Record<string, BadgeTone> = { admin: "accent", moderator: "warning", support: "info" };

/** The user's role(s) in the app (Better Auth `user.role`), not their dashboard role. */
export function RoleBadges({ roles }: { roles: readonly string[] }) {
  if (roles.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {roles.map((r) => (
        <Badge key={r} tone={roleTones[r] ?? "neutral"}>
          {r}
        </Badge>
      ))}
    </span>
  );
}
