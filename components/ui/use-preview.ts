"use client";
import { useEffect, useState } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

export type PreviewState<T> = { kind: "loading" } | { kind: "ready"; data: T } | { kind: "error"; message: string };

/**
 * Loads a preview (a server action that changes nothing) once, when a confirmation dialog opens.
 * `load` is read on mount only: the dialog previews the selection it was opened with.
 */
export function usePreview<T>(load: () => Promise<ActionResult<T>>): PreviewState<T> {
  const [state, setState] = useState<PreviewState<T>>({ kind: "loading" });
  // The load the dialog opened with, kept for its lifetime: a new closure on each render of the
  // parent must not start another preview.
  const [first] = useState(() => load);
  useEffect(() => {
    let live = true;
    first().then(
      (r) => live && setState(r.ok ? { kind: "ready", data: r.data } : { kind: "error", message: r.error.message }),
      (err: unknown) => live && setState({ kind: "error", message: `The preview failed: ${err instanceof Error ? err.message : String(err)}` }),
    );
    return () => {
      live = false;
    };
  }, [first]);
  return state;
}
