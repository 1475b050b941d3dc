import type { SignalInfo } from "@/lib/spam/types";
import { Badge } from "../ui/badge";

/**
 * Which signals scored this result and which are off, with the engine's own reason: the signals
 * calibrate themselves on the app's data (no IPs recorded, too few users to learn from…), so a
 * moderator must be able to see what the score could not look at. Off signals come first.
 */
export function SignalsPanel({ signals }: { signals: readonly SignalInfo[] }) {
  const off = signals.filter((s) => !s.active);
  const on = signals.filter((s) => s.active);
  return (
    <section className="flex min-w-0 flex-col gap-3 rounded-md border bg-card p-4 shadow-xs" aria-labelledby="signals-title">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="signals-title">Signals</h2>
        <span className="text-muted-foreground">
          {on.length} on, {off.length} off
        </span>
      </div>
      <ul className="m-0 grid list-none grid-cols-[repeat(auto-fill,minmax(min(300px,100%),1fr))] gap-x-5 gap-y-2 p-0">
        {[...off, ...on].map((s) => (
          <li key={s.id} className="group/signal grid grid-cols-[36px_1fr] items-start gap-2 text-[13px]" data-active={s.active ? "" : undefined}>
            <Badge tone={s.active ? "success" : "neutral"}>{s.active ? "On" : "Off"}</Badge>
            <div>
              <p className="group-not-data-active/signal:text-muted-foreground">{s.label}</p>
              {s.why ? <p className="text-[12.5px] text-muted-foreground">{s.why}</p> : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
