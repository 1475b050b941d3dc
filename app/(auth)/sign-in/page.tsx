import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { SignInForm } from "@/components/auth/sign-in-form";
import { landingPath } from "@/lib/auth/landing";
import { safeReturnPath } from "@/lib/auth/return-path";
import { checkStaff } from "@/lib/auth/staff";

export const metadata = { title: "Sign in · Better Auth Admin" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeReturnPath(Array.isArray(raw) ? raw[0] : raw);
  const check = await checkStaff(await headers());
  if (check.kind === "staff") redirect(next ?? landingPath(check.staff.role));
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="flex w-full max-w-[400px] flex-col gap-3.5 rounded-lg border bg-card p-7 shadow-xs">
        <h1>Better Auth Admin</h1>
        <p className="text-muted-foreground">Sign in with your staff account. There is no sign-up: an admin grants staff roles.</p>
        <SignInForm next={next} />
      </div>
    </main>
  );
}
