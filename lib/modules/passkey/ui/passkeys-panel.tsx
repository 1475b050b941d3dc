import { Badge } from "@/components/ui/badge";
import { timeValue } from "@/components/ui/format";
import { SimpleTable } from "@/components/ui/simple-table";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/auth/permissions";
import type { UserPanelProps } from "../../types";
import { listUserPasskeys } from "../queries";
import { RemovePasskeyButton } from "./remove-passkey-button";
import { Card, CardTitle } from "@/components/ui/card";

/** The user's passkeys: name, device type, synced or not, when added. Never key material. */
export default async function PasskeysPanel({ q, userId, email, role, now }: UserPanelProps) {
  const passkeys = await listUserPasskeys(q, userId);
  const mayRemove = can(role, "passkeys.remove");
  return (
    <Card aria-labelledby="passkeys-title" data-testid="passkeys-panel">
      <CardTitle id="passkeys-title">Passkeys</CardTitle>
      <SimpleTable
        rows={passkeys}
        rowKey={(p) => p.id}
        empty="No passkey registered."
        columns={[
          { header: "Name", cell: (p) => p.name || <span className="text-muted-foreground">unnamed</span> },
          {
            header: "Device",
            cell: (p) => (
              <>
                {/* WebAuthn's deviceType: "multiDevice" credentials can be synced, "singleDevice" are bound to one authenticator. */}
                {p.deviceType === "multiDevice" ? "Multi-device" : p.deviceType === "singleDevice" ? "Single device" : p.deviceType}{" "}
                {p.backedUp ? <Badge>Backed up</Badge> : null}
              </>
            ),
          },
          { header: "Added", className: "whitespace-nowrap", cell: (p) => <Time value={p.createdAt ? timeValue(p.createdAt, now) : null} mode="absolute" /> },
          mayRemove && {
            header: "Actions",
            srOnlyHeader: true,
            className: "text-right",
            cell: (p) => <RemovePasskeyButton userId={userId} email={email} passkey={{ id: p.id, name: p.name }} />,
          },
        ]}
      />
    </Card>
  );
}
