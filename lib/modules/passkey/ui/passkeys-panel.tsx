import { Badge } from "@/components/ui/badge";
import { timeValue } from "@/components/ui/format";
import { tableClass } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { UserPanelProps } from "../../types";
import { listUserPasskeys } from "../queries";

/** The user's passkeys: name, device type, synced or not, when added. Never key material. */
export default async function PasskeysPanel({ q, userId, now }: UserPanelProps) {
  const passkeys = await listUserPasskeys(q, userId);
  return (
    <section className="flex min-w-0 flex-col gap-3 rounded-md border bg-card p-4 shadow-xs" aria-labelledby="passkeys-title" data-testid="passkeys-panel">
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
