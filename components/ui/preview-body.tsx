import type { ReactNode } from "react";
import type { PreviewState } from "./use-preview";

/** The body of a confirmation dialog while its preview loads, fails, or is ready to show. */
export function PreviewBody<T>({ preview, loading, children }: { preview: PreviewState<T>; loading: string; children: (data: T) => ReactNode }) {
  if (preview.kind === "error") {
    return (
      <p role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 px-3.5 py-3 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg">
        {preview.message}
      </p>
    );
  }
  if (preview.kind === "loading") return <p className="text-muted-foreground">{loading}</p>;
  return <>{children(preview.data)}</>;
}
