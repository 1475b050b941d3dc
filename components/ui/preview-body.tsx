import type { ReactNode } from "react";
import type { PreviewState } from "./use-preview";

/** The body of a confirmation dialog while its preview loads, fails, or is ready to show. */
export function PreviewBody<T>({ preview, loading, children }: { preview: PreviewState<T>; loading: string; children: (data: T) => ReactNode }) {
  if (preview.kind === "error") {
    return (
      <p role="alert" className="alert alert-error">
        {preview.message}
      </p>
    );
  }
  if (preview.kind === "loading") return <p className="muted">{loading}</p>;
  return <>{children(preview.data)}</>;
}
