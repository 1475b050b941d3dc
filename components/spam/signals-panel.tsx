import type { SignalInfo } from "@/lib/spam/types";
import { Badge } from "../ui/badge";

/**
 * Which signals scored this result and which are off, with the engine's own reason: the signals
 * calibrate themselves on the app's data (no IPs recorded, too few users to learn from…), so a
 * moderator must be able to see what the score could not look at. Off signals come first.
 * Collapsed by default (its summary says how many are on and off): the queue below is the work.
 */
export function SignalsPanel({ signals }: { signals: readonly SignalInfo[] }) {
  const off = signals.filter((s) => !s.active);
  const on = signals.filter((s) => s.active);
  return (
    <section aria-labelledby="signals-title" className="rounded-lg border bg-card">
      <details>
        <summary className="flex cursor-pointer items-baseline gap-3 px-4 py-2 select-none">
          <h2 id="signals-title" className="text-base font-semibold">
            Signals
          </h2>
          <span className="text-sm text-muted-foreground">
            {on.length} on, {off.length} off{off.length ? ` (${off.map((s) => s.label).join(", ")})` : ""}
          </span>
        </summary>
      <ul className="grid gap-2 px-4 pb-3 sm:grid-cols-2">
        {[...off, ...on].map((s) => (
          <li key={s.id} className="flex items-start gap-2" data-active={s.active ? "" : undefined}>
            <Badge tone={s.active ? "success" : "neutral"}>{s.active ? "On" : "Off"}</Badge>
            <div>
              <p className="text-sm font-medium">{s.label}</p>
              {s.why ? <p className="text-xs text-muted-foreground">{s.why}</p> : null}
            </div>
          </li>
        ))}
      </ul>
      </details>
    </section>
  );
}
