import { cn } from "@/lib/ui/cn";
import { Badge, type BadgeTone, badgeClass } from "../ui/badge";
import type { UserListItem } from "./user-list-item";

type StatusFields = Pick<UserListItem, "banStatus" | "banReason" | "banExpires" | "emailVerified">;

/**
 * Ban and verification state. An expired ban is shown apart from a live one because Better Auth
 * only lifts it at the next sign-in: `banned` is still true in the row, but nothing blocks the user.
 */
export function UserStatusBadges({ user, showVerified = false }: { user: StatusFields; showVerified?: boolean }) {
  const banTitle = [user.banReason ? `Reason: ${user.banReason}` : "No reason recorded", user.banExpires ? `until ${user.banExpires.absolute}` : "permanent"].join(", ");
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {user.banStatus === "banned" ? (
        <Badge tone="danger" title={banTitle}>
          Banned
        </Badge>
      ) : null}
      {user.banStatus === "expired" ? (
        <Badge tone="neutral" title={user.banExpires ? `Ban ended ${user.banExpires.absolute}` : undefined}>
          Ban expired
        </Badge>
      ) : null}
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
