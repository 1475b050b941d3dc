import type { UserPanel, UserPanelProps } from "@/lib/modules";
import { Card, CardTitle } from "@/components/ui/card";

/** Loads a module's user-page panel (its server component, imported on demand) and renders it. */
export async function ModulePanel({ panel, ...props }: UserPanelProps & { panel: UserPanel }) {
  const { default: Panel } = await panel.load();
  return <Panel {...props} />;
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
