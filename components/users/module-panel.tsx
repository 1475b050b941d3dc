import type { AccountFix, ProfileRow, ProfileRowProps, UserAction, UserActionProps, UserPanel, UserPanelProps } from "@/lib/modules";
import { Card, CardTitle } from "@/components/ui/card";

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

/** A module's rows on the Profile card (its `ui.profileRows`): a `<dt>`/`<dd>` pair from the row's facts. */
export async function ModuleProfileRow({ row, ...props }: ProfileRowProps & { row: ProfileRow }) {
  const { default: Row } = await row.load();
  return <Row {...props} />;
}

/** What a module's panel shows while its query runs. */
export function ModulePanelFallback({ title }: { title: string }) {
  return (
    <Card aria-busy="true">
      <CardTitle>{title}</CardTitle>
      <p className="text-muted-foreground">Loading…</p>
    </Card>
  );
}
