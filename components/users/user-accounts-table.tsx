import type { AccountRow } from "@/lib/accounts/queries";
import { timeValue } from "../ui/format";
import { Time } from "../ui/time";
import { ProviderBadge } from "./user-badges";

/** Sign-in methods: provider, the provider's account id and when it was linked. Never tokens. */
export function UserAccountsTable({ accounts, now }: { accounts: readonly AccountRow[]; now: Date }) {
  return (
    <section className="panel" aria-labelledby="accounts-title">
      <h2 id="accounts-title">Sign-in methods</h2>
      {accounts.length === 0 ? (
        <p className="muted">No password and no linked provider.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
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
                    <code className="truncate" title={a.accountId}>
                      {a.accountId}
                    </code>
                  </td>
                  <td className="nowrap">
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
