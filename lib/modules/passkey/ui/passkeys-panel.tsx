import { Badge } from "@/components/ui/badge";
import { timeValue } from "@/components/ui/format";
import { tableClass } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/auth/permissions";
import type { UserPanelProps } from "../../types";
import { listUserPasskeys } from "../queries";
import { RemovePasskeyButton } from "./remove-passkey-button";
import { panelClass } from "@/components/ui/panel";

/** The user's passkeys: name, device type, synced or not, when added. Never key material. */
export default async function PasskeysPanel({ q, userId, email, role, now }: UserPanelProps) {
  const passkeys = await listUserPasskeys(q, userId);
  const mayRemove = can(role, "passkeys.remove");
  return (
    <section className={panelClass} aria-labelledby="passkeys-title" data-testid="passkeys-panel">
      <h2 id="passkeys-title">Passkeys</h2>
      {passkeys.length === 0 ? (
        <p className="text-muted-foreground">No passkey registered.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Device</th>
                <th scope="col">Added</th>
                {mayRemove ? (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {passkeys.map((p) => (
                <tr key={p.id}>
                  <td>{p.name || <span className="text-muted-foreground">unnamed</span>}</td>
                  <td>
                    {/* WebAuthn's deviceType: "multiDevice" credentials can be synced, "singleDevice" are bound to one authenticator. */}
                    {p.deviceType === "multiDevice" ? "Multi-device" : p.deviceType === "singleDevice" ? "Single device" : p.deviceType}{" "}
                    {p.backedUp ? <Badge>Backed up</Badge> : null}
                  </td>
                  <td className="whitespace-nowrap">
                    <Time value={p.createdAt ? timeValue(p.createdAt, now) : null} mode="absolute" />
                  </td>
                  {mayRemove ? (
                    <td className="text-right">
                      <RemovePasskeyButton userId={userId} email={email} passkey={{ id: p.id, name: p.name }} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
