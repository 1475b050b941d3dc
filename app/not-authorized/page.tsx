import { buttonVariants } from "@/components/ui/button";
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
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="flex w-full max-w-[400px] flex-col gap-3.5 rounded-lg border bg-card p-7 shadow-xs">
        <h1>Not authorized</h1>
        <p>
          <strong>{check.email}</strong> has no staff role in this dashboard. Ask an admin to grant one
          (<code>npm run staff -- grant {check.email} support</code>).
        </p>
        <form action={signOutAction}>
          <button type="submit" className={buttonVariants({ variant: "outline", size: "sm" })}>Sign out</button>
        </form>
      </div>
    </main>
  );
}
