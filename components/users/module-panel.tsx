import type { AccountFix, UserAction, UserActionProps, UserPanel, UserPanelProps } from "@/lib/modules";
import { panelClass } from "@/components/ui/panel";

/** Loads a module's user-page panel (its server component, imported on demand) and renders it. */
export async function ModulePanel({ panel, ...props }: UserPanelProps & { panel: UserPanel }) {
  const { default: Panel } = await panel.load();
  return <Panel {...props} />;
}

/** Loads a module's control for the "Account fixes" panel (ui.accountFixes) and renders it. */
export async function ModuleAccountFix({ fix, ...props }: UserPanelProps & { fix: AccountFix }) {
  const { default: Fix } = await fix.load();
  return <Fix {...props} />;
}

/** Loads a module's action for the user page's header (ui.userActions) and renders it. */
export async function ModuleUserAction({ action, ...props }: UserActionProps & { action: UserAction }) {
  const { default: Action } = await action.load();
  return <Action {...props} />;
}

/** What a module's panel shows while its query runs. */
export function ModulePanelFallback({ title }: { title: string }) {
  return (
    <section className={panelClass} aria-busy="true">
      <h2>{title}</h2>
      <p className="text-muted-foreground">Loading…</p>
    </section>
  );
}
