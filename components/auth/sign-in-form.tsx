"use client";
import { buttonVariants } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { cn } from "@/lib/ui/cn";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/auth/actions";

const initial: SignInState = { error: null, email: "" };

/** `next`: where to go after signing in, already validated by the page (and again by the action). */
export function SignInForm({ next }: { next: string | null }) {
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className="flex flex-col gap-3.5">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label className="flex min-w-0 flex-col gap-1 [&>label]:text-xs [&>label]:font-medium [&>label]:text-muted-foreground [&>span]:text-xs [&>span]:font-medium [&>span]:text-muted-foreground">
        <span>Email</span>
        {/* biome-ignore lint/a11y/noAutofocus: the page has one purpose, signing in; its first field takes the focus */}
        <input name="email" type="email" className={cn(inputClass, "h-9")} autoComplete="username" required defaultValue={state.email} autoFocus />
      </label>
      <label className="flex min-w-0 flex-col gap-1 [&>label]:text-xs [&>label]:font-medium [&>label]:text-muted-foreground [&>span]:text-xs [&>span]:font-medium [&>span]:text-muted-foreground">
        <span>Password</span>
        <input name="password" type="password" className={cn(inputClass, "h-9")} autoComplete="current-password" required />
      </label>
      {state.error ? (
        <p role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">
          {state.error}
        </p>
      ) : null}
      <button type="submit" className={buttonVariants({ variant: "default" })} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
