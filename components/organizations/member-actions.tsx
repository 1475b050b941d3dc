"use client";
import { normalizeRoles } from "@/lib/auth/roles";
import { useId, useState } from "react";
import { cancelInvitationAction } from "@/lib/modules/organization/actions/cancel-invitation.action";
import { removeMemberAction } from "@/lib/modules/organization/actions/remove-member.action";
import { setMemberRoleAction } from "@/lib/modules/organization/actions/set-member-role.action";
import { Button } from "../ui/button";
import { inputClass } from "../ui/input";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";

interface MemberTarget {
  organizationId: string;
  memberId: string;
  email: string;
  role: string;
}

/** Change role / Remove for one member; the server refuses leaving the organization without an owner. */
export function MemberActions(target: MemberTarget) {
  const [open, setOpen] = useState<"role" | "remove" | null>(null);
  const close = () => setOpen(null);
  return (
    <span className="flex gap-2">
      <Button type="button" variant="outline" size="sm" onClick={() => setOpen("role")}>
        Change role
      </Button>
      <Button type="button" variant="outline" size="sm" onClick={() => setOpen("remove")} aria-label={`Remove ${target.email}`}>
        Remove
      </Button>
      {open === "role" ? <MemberRoleDialog {...target} onClose={close} /> : null}
      {open === "remove" ? <RemoveMemberDialog {...target} onClose={close} /> : null}
    </span>
  );
}

function RemoveMemberDialog({ organizationId, memberId, email, onClose }: MemberTarget & { onClose: () => void }) {
  const notify = useNotify();
  return (
    <ConfirmDialog
      title={`Remove ${email} from this organization`}
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      run={() => removeMemberAction({ organizationId, memberId })}
      onDone={() => {
        notify(`${email} is no longer a member.`);
        onClose();
      }}
      onClose={onClose}
    >
      <p>The membership and the member’s places in this organization’s teams are deleted. The user account stays.</p>
    </ConfirmDialog>
  );
}

function MemberRoleDialog({ organizationId, memberId, email, role, onClose }: MemberTarget & { onClose: () => void }) {
  const notify = useNotify();
  const id = useId();
  const [value, setValue] = useState(role);
  const next = normalizeRoles(value);
  return (
    <ConfirmDialog
      title={`Change the role of ${email}`}
      confirmLabel="Save role"
      pendingLabel="Saving…"
      tone="primary"
      ready={next !== "" && next !== role}
      run={() => setMemberRoleAction({ organizationId, memberId, role: next })}
      onDone={(r) => {
        notify(`Role set to “${r.role}”.`);
        onClose();
      }}
      onClose={onClose}
    >
      <div className="flex min-w-0 flex-col gap-1 [&>label]:text-xs [&>label]:font-medium [&>label]:text-muted-foreground">
        <label htmlFor={id}>Roles, separated by commas</label>
        <input id={id} className={inputClass} value={value} placeholder="member" autoComplete="off" spellCheck={false} onChange={(e) => setValue(e.target.value)} />
      </div>
      <p className="text-muted-foreground">Better Auth’s built-in roles are owner, admin and member; an organization always keeps at least one owner.</p>
    </ConfirmDialog>
  );
}

/** Cancel one pending invitation (its status becomes "canceled", as Better Auth does). */
export function CancelInvitationButton({ organizationId, invitationId, email }: { organizationId: string; invitationId: string; email: string }) {
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  return (
    <>
      <Button type="button" variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`Cancel the invitation of ${email}`}>
        Cancel
      </Button>
      {open ? (
        <ConfirmDialog
          title={`Cancel the invitation of ${email}`}
          confirmLabel="Cancel invitation"
          pendingLabel="Canceling…"
          run={() => cancelInvitationAction({ organizationId, invitationId })}
          onDone={() => {
            notify("Invitation canceled.");
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        >
          <p>The invitation link stops working. It can be sent again from the app.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
