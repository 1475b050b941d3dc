import { SimpleTable } from "@/components/ui/simple-table";
import type { AccountRow } from "@/lib/accounts/queries";
import { timeValue } from "../ui/format";
import { Time } from "../ui/time";
import { ProviderBadge } from "./user-badges";
import { Card, CardTitle } from "@/components/ui/card";

/** Sign-in methods: provider, the provider's account id and when it was linked. Never tokens. */
export function UserAccountsTable({ accounts, now }: { accounts: readonly AccountRow[]; now: Date }) {
  return (
    <Card aria-labelledby="accounts-title">
      <CardTitle id="accounts-title">Sign-in methods</CardTitle>
      <SimpleTable
        rows={accounts}
        rowKey={(a) => a.id}
        empty="No password and no linked provider."
        columns={[
          { header: "Provider", cell: (a) => <ProviderBadge provider={a.providerId} /> },
          {
            header: "Account id",
            cell: (a) => (
              <code className="inline-block max-w-[28ch] truncate align-bottom" title={a.accountId}>
                {a.accountId}
              </code>
            ),
          },
          { header: "Linked", className: "whitespace-nowrap", cell: (a) => <Time value={timeValue(a.createdAt, now)} mode="absolute" /> },
        ]}
      />
    </Card>
  );
}
