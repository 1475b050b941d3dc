"use client";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * Runs one server action call with a pending state and an error message, never failing silently:
 * a refusal shows the server's own message; a crash (network, 500) shows what the browser got.
 * The transition stays pending until the revalidated page has rendered, so the UI never shows the
 * result next to stale data.
 */
export function useServerCall() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run<T>(call: () => Promise<ActionResult<T>>, onOk: (data: T) => void) {
    setError(null);
    startTransition(async () => {
      try {
        const result = await call();
        if (result.ok) onOk(result.data);
        else setError(result.error.message);
      } catch (err) {
        setError(`The request failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  }

  return { pending, error, run, clearError: () => setError(null) };
}
