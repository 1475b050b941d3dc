import { Fragment, type ReactNode } from "react";
import type { ModuleId } from "@/lib/modules";
import { modules, type ProfileField, profileRows } from "@/lib/modules";
import { userFacts } from "@/lib/users/facts";
import type { UserRow } from "@/lib/users/queries";
import { Badge } from "../ui/badge";
import { CopyButton } from "../ui/copy-button";
import { formatDateTime, timeValue } from "../ui/format";
import { Time } from "../ui/time";
import { ModuleProfileRow } from "./module-panel";
import { Avatar } from "../ui/avatar";
import { RoleBadges } from "./user-badges";
import type { UserListItem } from "./user-list-item";
import { Card, CardTitle } from "@/components/ui/card";

/** A module's extra field, by its declared kind; absent columns (optional fields) are skipped. */
function fieldValue(kind: ProfileField["kind"], value: unknown): ReactNode {
  if (value === null || value === "") return <span className="text-muted-foreground">—</span>;
  if (kind === "boolean") return value === true ? <Badge tone="success">Yes</Badge> : <Badge>No</Badge>;
  if (kind === "date") return value instanceof Date ? formatDateTime(value) : String(value);
  return String(value);
}

interface Props {
  user: UserRow;
  item: UserListItem;
  enabledModules: ReadonlySet<ModuleId>;
  now: Date;
}

/**
 * The profile: core fields, the rows enabled modules render themselves (`ui.profileRows`), then
 * their profile fields, generically, so supporting a plugin needs no change here.
 */
export function UserProfile({ user, item, enabledModules, now }: Props) {
  const extra = modules.filter((m) => enabledModules.has(m.id as ModuleId)).flatMap((m) => m.profileFields ?? []).filter((p) => p.field in user.extra);
  return (
    <Card aria-labelledby="profile-title">
      <CardTitle id="profile-title">Profile</CardTitle>
      <dl className="m-0 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 [&_dd]:m-0 [&_dd]:min-w-0 [&_dd]:wrap-anywhere [&_dt]:text-[13px] [&_dt]:text-muted-foreground">
        <dt>User id</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <code>{user.id}</code> <CopyButton value={user.id} label="Copy id" />
        </dd>
        <dt>Name</dt>
        <dd>{user.name || <span className="text-muted-foreground">(no name)</span>}</dd>
        <dt>Email</dt>
        <dd>
          {user.email} {user.emailVerified ? <Badge tone="success">Verified</Badge> : <Badge tone="warning">Unverified</Badge>}
        </dd>
        <dt>Image</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {user.image ? (
            <>
              <Avatar name={user.name} email={user.email} image={user.image} />
              <span className="inline-block max-w-[28ch] truncate align-bottom" title={user.image}>
                {user.image}
              </span>
            </>
          ) : (
            <span className="text-muted-foreground">None</span>
          )}
        </dd>
        <dt>Role</dt>
        <dd>
          <RoleBadges roles={item.roles} />
        </dd>
        <dt>Created</dt>
        <dd>
          <Time value={item.createdAt} mode="absolute" /> <span className="text-muted-foreground">({item.createdAt.relative})</span>
        </dd>
        <dt>Updated</dt>
        <dd>
          <Time value={timeValue(user.updatedAt, now)} mode="absolute" />
        </dd>
        {profileRows(enabledModules).map((r) => (
          <ModuleProfileRow key={r.id} row={r} user={userFacts(user)} now={now} />
        ))}
        {extra.map((p) => (
          <Fragment key={p.field}>
            <dt>{p.label}</dt>
            <dd>{fieldValue(p.kind, user.extra[p.field])}</dd>
          </Fragment>
        ))}
      </dl>
    </Card>
  );
}
