import { Time } from "../ui/time";
import type { UserListItem } from "./user-list-item";

/**
 * The users table's "Last active": the latest session activity; with no session left, the activity
 * the audit kept when the sessions were ended; otherwise only what is known, "no session recorded"
 * (never "never": bans, revokes and Better Auth's expiry all delete session rows).
 */
export function LastActive({ item }: { item: Pick<UserListItem, "lastActiveAt" | "keptActivity"> }) {
  if (item.lastActiveAt) return <Time value={item.lastActiveAt} />;
  const k = item.keptActivity;
  if (!k) {
    return (
      <span className="text-muted-foreground" title="No session row is left, and no audit record kept a last activity">
        No session recorded
      </span>
    );
  }
  return (
    <span title={`Last active ${k.lastActive.absolute}, kept when sessions were ended by ${k.action} on ${k.endedAt}`}>
      <span className="text-muted-foreground">No session now · </span>
      <time dateTime={k.lastActive.iso}>{k.lastActive.relative}</time>
    </span>
  );
}
