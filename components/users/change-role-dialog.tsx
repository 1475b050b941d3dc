"use client";
import { normalizeRoles } from "@/lib/auth/roles";
import { inputClass } from "@/components/ui/input";
import { setRoleAction } from "@/lib/modules/core/actions/set-role.action";
import { useId, useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";

/**
 * Better Auth's role string, edited as text ("user,moderator"), since apps define their own roles.
 * Empty clears it. Staff roles give dashboard access: the server refuses demoting the last admin.
 */
export function ChangeRoleDialog({ userId, email, role, onClose }: { userId: string; email: string; role: string; onClose: () => void }) {
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
      ready={next !== role}
      run={() => setRoleAction({ userId, role: next || null })}
      onDone={(r) => {
        notify(r.role ? `Role set to “${r.role}”.` : "Role cleared.");
        onClose();
      }}
      onClose={onClose}
    >
      <div className="flex min-w-0 flex-col gap-1 [&>label]:text-xs [&>label]:font-medium [&>label]:text-muted-foreground [&>span]:text-xs [&>span]:font-medium [&>span]:text-muted-foreground">
        <label htmlFor={id}>Roles, separated by commas</label>
        <input id={id} className={inputClass} value={value} placeholder="user" autoComplete="off" spellCheck={false} onChange={(e) => setValue(e.target.value)} />
      </div>
      <p className="text-muted-foreground">
        Roles mapped to staff (admin, moderator, support by default) open this dashboard. Leave empty to remove every role.
      </p>
    </ConfirmDialog>
  );
}
