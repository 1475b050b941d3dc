"use client";
import { updateUserAction } from "@/lib/modules/core/actions/update-user.action";
import { Fragment, useId, useState } from "react";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { useNotify } from "../../ui/notice";
import { Field, Input } from "../../ui/input";
import { mutedClass } from "./styles";

export interface EditableUser {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  /** the fields modules let staff fix (ui.editFields), with their current values */
  moduleFields: readonly { field: string; label: string; value: string | null }[];
}

/** Fix a user's name, email, image or a module's field; only what changed is sent (and audited). */
export function EditUserDialog({ user, onClose }: { user: EditableUser; onClose: () => void }) {
  const notify = useNotify();
  const id = useId();
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email);
  const [keepVerified, setKeepVerified] = useState(false);
  const [image, setImage] = useState(user.image ?? "");
  const [moduleValues, setModuleValues] = useState<Record<string, string>>(() => Object.fromEntries(user.moduleFields.map((f) => [f.field, f.value ?? ""])));

  const patch: Parameters<typeof updateUserAction>[0] = { userId: user.id };
  if (name.trim() !== user.name) patch.name = name;
  const emailChanged = email.trim().toLowerCase() !== user.email.toLowerCase();
  if (emailChanged) {
    patch.email = email;
    if (keepVerified) patch.keepEmailVerified = true;
  }
  if (image.trim() !== (user.image ?? "")) patch.image = image.trim() || null;
  for (const f of user.moduleFields) {
    const v = (moduleValues[f.field] ?? "").trim();
    // the update action's strict schema names the fields it accepts; an unknown one is a 400
    if (v !== (f.value ?? "")) (patch as Record<string, unknown>)[f.field] = v || null;
  }
  const changed = Object.keys(patch).length > 1;

  const field = (key: string, label: string, value: string, set: (v: string) => void, type = "text") => (
    <Field label={label} htmlFor={`${id}-${key}`}>
      <Input id={`${id}-${key}`} type={type} value={value} autoComplete="off" spellCheck={false} onChange={(e) => set(e.target.value)} />
    </Field>
  );

  return (
    <ConfirmDialog
      title={`Edit ${user.email}`}
      confirmLabel="Save changes"
      pendingLabel="Saving…"
      tone="primary"
      ready={changed}
      run={() => updateUserAction(patch)}
      onDone={(r) => {
        notify(r.changed.length ? `Saved: ${r.changed.join(", ")}.` : "Nothing changed.");
        onClose();
      }}
      onClose={onClose}
    >
      <div className="flex flex-col gap-3">
        {field("name", "Name", name, setName)}
        {field("email", "Email", email, setEmail, "email")}
        {emailChanged ? (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5" checked={keepVerified} onChange={(e) => setKeepVerified(e.target.checked)} />
            <span>
              Keep it verified {user.emailVerified ? "" : "(it is not verified now)"} — only if you know the new address is theirs. Otherwise it is marked
              unverified and the user verifies it again.
            </span>
          </label>
        ) : null}
        {field("image", "Image URL", image, setImage, "url")}
        {user.moduleFields.map((f) => (
          <Fragment key={f.field}>{field(`m-${f.field}`, f.label, moduleValues[f.field] ?? "", (v) => setModuleValues((old) => ({ ...old, [f.field]: v })))}</Fragment>
        ))}
        <p className={mutedClass}>An email{user.moduleFields.length ? ` or ${user.moduleFields[0]?.label.toLowerCase()}` : ""} another user holds is refused. Every change is recorded in the audit log, before and after.</p>
      </div>
    </ConfirmDialog>
  );
}
