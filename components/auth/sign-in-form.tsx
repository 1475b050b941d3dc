"use client";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/auth/actions";

const initial: SignInState = { error: null, email: "" };

export function SignInForm() {
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className="stack">
      <label className="field">
        <span>Email</span>
        {/* biome-ignore lint/a11y/noAutofocus: the page has one purpose, signing in; its first field takes the focus */}
        <input name="email" type="email" autoComplete="username" required defaultValue={state.email} autoFocus />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {state.error ? (
        <p role="alert" className="alert alert-error">
          {state.error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
