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
    <section className="panel" aria-labelledby="signals-title">
      <div className="panel-header">
        <h2 id="signals-title">Signals</h2>
        <span className="muted">
          {on.length} on, {off.length} off
        </span>
      </div>
      <ul className="signal-list">
        {[...off, ...on].map((s) => (
          <li key={s.id} className="signal" data-active={s.active ? "" : undefined}>
            <Badge tone={s.active ? "success" : "neutral"}>{s.active ? "On" : "Off"}</Badge>
            <div>
              <p className="signal-label">{s.label}</p>
              {s.why ? <p className="signal-why">{s.why}</p> : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
