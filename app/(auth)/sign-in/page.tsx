import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { SignInForm } from "@/components/auth/sign-in-form";
import { checkStaff } from "@/lib/auth/staff";

export const metadata = { title: "Sign in · Better Auth Admin" };

export default async function SignInPage() {
  const check = await checkStaff(await headers());
  if (check.kind === "staff") redirect("/users");
  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1>Better Auth Admin</h1>
        <p className="muted">Sign in with your staff account. There is no sign-up: an admin grants staff roles.</p>
        <SignInForm />
      </div>
    </main>
  );
}
