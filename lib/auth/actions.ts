"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import * as z from "zod";
import { getConfig } from "../config";
import { resolveClientIp, withClientIp } from "../http/client-ip";
import { getAuth, getSignInThrottle } from "./index";
import { safeReturnPath } from "./return-path";
import { guardedSignIn, throttledMessage } from "./sign-in";

export type SignInState = { error: string | null; email: string };

const signInSchema = z.object({
  email: z.email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
});

/**
 * Sign-in for staff, through the same throttle as the API (lib/auth/sign-in.ts). A non-staff user
 * gets the wrong-password answer and no session (see createDashboardAuth).
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const parsed = signInSchema.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid input", email };
  const h = await headers();
  const ip = resolveClientIp(h, { trustedProxyHops: getConfig().trustedProxyHops });
  const auth = await getAuth();
  const outcome = await guardedSignIn(getSignInThrottle(), { email, ip, userAgent: h.get("user-agent") }, () =>
    // asResponse: the answer is read from the status, not by `instanceof APIError`, which fails when
    // the instance was created by another bundle's copy of Better Auth (the /api/auth route's).
    auth.api.signInEmail({ body: parsed.data, headers: withClientIp(h, ip), asResponse: true }),
  );
  if (outcome.kind === "throttled") return { error: throttledMessage(outcome.retryAfterSeconds), email };
  const { status } = outcome.response;
  if (status === 401) return { error: "Wrong email or password.", email };
  // Better Auth's own input checks (e.g. a password over its maximum length): its message is for the user.
  if (status === 400) return { error: ((await outcome.response.json()) as { message?: string }).message ?? "Invalid input", email };
  if (status !== 200) throw new Error(`sign-in: Better Auth answered ${status}: ${await outcome.response.text()}`);
  // The page that was asked for, if it is one of ours (never an open redirect: see return-path.ts);
  // otherwise `/`, which knows the new session and sends the role to its landing page (landing.ts).
  redirect(safeReturnPath(form.get("next")) ?? "/");
}

export async function signOutAction(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
