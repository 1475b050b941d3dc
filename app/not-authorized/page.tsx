import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { checkStaff } from "@/lib/auth/staff";
import { signOutAction } from "@/lib/auth/actions";

export const metadata = { title: "Not authorized · Better Auth Admin" };

/** Signed in, but not (or no longer) staff: say so, show no data, offer to sign out. */
export default async function NotAuthorizedPage() {
  const check = await checkStaff(await headers());
  if (check.kind === "anonymous") redirect("/sign-in");
  if (check.kind === "staff") redirect("/users");
  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1>Not authorized</h1>
        <p>
          <strong>{check.email}</strong> has no staff role in this dashboard. Ask an admin to grant one
          (<code>npm run staff -- grant {check.email} support</code>).
        </p>
        <form action={signOutAction}>
          <button type="submit" className="btn">Sign out</button>
        </form>
      </div>
    </main>
  );
}
