import { tableClass } from "@/components/ui/table";
import type { AccountRow } from "@/lib/accounts/queries";
import { timeValue } from "../ui/format";
import { Time } from "../ui/time";
import { ProviderBadge } from "./user-badges";
import { panelClass } from "@/components/ui/panel";

/** Sign-in methods: provider, the provider's account id and when it was linked. Never tokens. */
export function UserAccountsTable({ accounts, now }: { accounts: readonly AccountRow[]; now: Date }) {
  return (
    <section className={panelClass} aria-labelledby="accounts-title">
      <h2 id="accounts-title">Sign-in methods</h2>
      {accounts.length === 0 ? (
        <p className="text-muted-foreground">No password and no linked provider.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Account id</th>
                <th scope="col">Linked</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id}>
                  <td>
                    <ProviderBadge provider={a.providerId} />
                  </td>
                  <td>
                    <code className="inline-block max-w-[28ch] truncate align-bottom" title={a.accountId}>
                      {a.accountId}
                    </code>
                  </td>
                  <td className="whitespace-nowrap">
                    <Time value={timeValue(a.createdAt, now)} mode="absolute" />
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
