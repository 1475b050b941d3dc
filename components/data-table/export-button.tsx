"use client";
import { useSearchParams } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { withBasePath } from "@/lib/base-path.mjs";
import { recordCounter } from "@/lib/export/csv";

type State =
  | { kind: "idle" }
  | { kind: "running"; rows: number; bytes: number }
  | { kind: "done"; rows: number }
  | { kind: "failed"; message: string };

const count = (n: number) => n.toLocaleString("en-US");
const size = (bytes: number) => (bytes < 1_048_576 ? `${count(Math.ceil(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`);

/**
 * Exports the table as CSV with the URL's current filters (and sort), not its page: only `keys`
 * (the export schema's, from the server) are sent, since the export API is strict and a tracking
 * parameter the page tolerates would be a 400. The response is read through a stream reader to show
 * rows and bytes as they arrive; the file is offered only once it is complete, so a failure
 * half-way never leaves a truncated file that looks whole.
 */
export function ExportButton({ endpoint, keys, label = "Export CSV" }: { endpoint: string; keys: readonly string[]; label?: string }) {
  const search = useSearchParams();
  const [state, setState] = useState<State>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function run() {
    const query = new URLSearchParams();
    for (const k of keys) {
      const v = search.get(k);
      if (v) query.set(k, v);
    }
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "running", rows: 0, bytes: 0 });
    try {
      // fetch() is one of the few URLs Next does not prefix with BASE_PATH itself (lib/base-path.mjs).
      const res = await fetch(withBasePath(`${endpoint}${query.size ? `?${query}` : ""}`), { signal: controller.signal, cache: "no-store" });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The export failed (HTTP ${res.status}).`);
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const counter = recordCounter();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        counter.feed(decoder.decode(value, { stream: true }));
        // The header row is a record too: it is not counted as a row.
        setState({ kind: "running", rows: Math.max(counter.records - 1, 0), bytes });
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "export.csv";
      const url = URL.createObjectURL(new Blob(chunks, { type: "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: "done", rows: Math.max(counter.records - 1, 0) });
    } catch (err) {
      if (controller.signal.aborted) setState({ kind: "idle" });
      else setState({ kind: "failed", message: err instanceof Error ? err.message : String(err) });
    } finally {
      abort.current = null;
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-[13px]" data-testid="export">
      {state.kind === "running" ? (
        <>
          <span className="text-muted-foreground tabular-nums" aria-live="polite">
            Exporting… {count(state.rows)} rows · {size(state.bytes)}
          </span>
          <Button type="button" variant="ghost" size="xs" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        </>
      ) : (
        <>
          {state.kind === "done" ? <span className="text-muted-foreground tabular-nums" aria-live="polite">Exported {count(state.rows)} rows</span> : null}
          {state.kind === "failed" ? <span role="alert" className="text-danger-fg">{state.message}</span> : null}
          <Button type="button" variant="outline" size="xs" onClick={run}>
            {label}
          </Button>
        </>
      )}
    </div>
  );
}
