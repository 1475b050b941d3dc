"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import * as z from "zod";
import { getAuth } from "./index";

export type SignInState = { error: string | null; email: string };

const signInSchema = z.object({
  email: z.email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
});

/** Sign-in for staff. Non-staff get a clear refusal and no session (see createDashboardAuth). */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const parsed = signInSchema.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid input", email };
  const auth = await getAuth();
  try {
    await auth.api.signInEmail({ body: parsed.data, headers: await headers() });
  } catch (err) {
    if (err instanceof APIError) {
      const notStaff = err.body?.code === "NOT_STAFF";
      const banned = err.body?.code === "BANNED_USER";
      return {
        error: notStaff
          ? "This account is not a staff member of this dashboard."
          : banned
            ? "This account is banned."
            : err.status === "TOO_MANY_REQUESTS"
              ? "Too many attempts; wait a minute and try again."
              : "Wrong email or password.",
        email,
      };
    }
    throw err;
  }
  redirect("/users");
}

export async function signOutAction(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
