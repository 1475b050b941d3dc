"use client";
import { updateUserAction } from "@/lib/modules/core/actions/update-user.action";
import { useId, useState } from "react";
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
  /** undefined: the username plugin is off */
  username?: string | null;
  displayUsername?: string | null;
}

/** Fix a user's name, email, image or username; only what changed is sent (and audited). */
export function EditUserDialog({ user, onClose }: { user: EditableUser; onClose: () => void }) {
  const notify = useNotify();
  const id = useId();
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email);
  const [keepVerified, setKeepVerified] = useState(false);
  const [image, setImage] = useState(user.image ?? "");
  const [username, setUsername] = useState(user.username ?? "");
  const [displayUsername, setDisplayUsername] = useState(user.displayUsername ?? "");
  const usernameOn = user.username !== undefined;

  const patch: Parameters<typeof updateUserAction>[0] = { userId: user.id };
  if (name.trim() !== user.name) patch.name = name;
  const emailChanged = email.trim().toLowerCase() !== user.email.toLowerCase();
  if (emailChanged) {
    patch.email = email;
    if (keepVerified) patch.keepEmailVerified = true;
  }
  if (image.trim() !== (user.image ?? "")) patch.image = image.trim() || null;
  if (usernameOn && username.trim() !== (user.username ?? "")) patch.username = username.trim() || null;
  if (usernameOn && displayUsername.trim() !== (user.displayUsername ?? "")) patch.displayUsername = displayUsername.trim() || null;
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
        {usernameOn ? (
          <>
            {field("username", "Username", username, setUsername)}
            {field("display", "Display username", displayUsername, setDisplayUsername)}
          </>
        ) : null}
        <p className={mutedClass}>An email or username another user holds is refused. Every change is recorded in the audit log, before and after.</p>
      </div>
    </ConfirmDialog>
  );
}
