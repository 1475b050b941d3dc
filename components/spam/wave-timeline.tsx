import { extent } from "@/lib/extent";
import { formatDate, formatDateTime } from "../ui/format";
import { panelClass } from "@/components/ui/panel";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * Bucket width by the wave's span, so the chart has between a handful and ~60 bars: a scripted wave
 * over minutes needs 5-minute buckets to show its rhythm, one over weeks needs days.
 */
function bucketOf(spanMs: number): { ms: number; unit: string; withTime: boolean } {
  if (spanMs <= 3 * HOUR) return { ms: 5 * MIN, unit: "5 minutes", withTime: true };
  if (spanMs <= 2 * DAY) return { ms: HOUR, unit: "hour", withTime: true };
  if (spanMs <= 60 * DAY) return { ms: DAY, unit: "day", withTime: false };
  return { ms: 7 * DAY, unit: "week", withTime: false };
}

/** Buckets aligned to UTC (like every time in the dashboard), first to last sign-up inclusive. */
export function histogram(times: readonly number[]) {
  const [first, last] = extent(times);
  const bucket = bucketOf(last - first);
  const start = Math.floor(first / bucket.ms) * bucket.ms;
  const counts = new Array<number>(Math.floor((last - start) / bucket.ms) + 1).fill(0);
  for (const t of times) {
    const i = Math.floor((t - start) / bucket.ms);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return { bucket, start, counts };
}

/**
 * When the wave's members signed up, as a server-rendered CSS bar chart (no chart library, no
 * client JavaScript). Each bar's tooltip has its count; the summary is in the accessible name.
 */
export function WaveTimeline({ times }: { times: readonly number[] }) {
  if (times.length === 0) return null;
  const { bucket, start, counts } = histogram(times);
  const max = extent(counts)[1];
  const peak = counts.indexOf(max);
  const label = (i: number) => {
    const d = new Date(start + i * bucket.ms);
    return bucket.withTime ? formatDateTime(d) : formatDate(d);
  };
  const summary = `${times.length} sign-ups per ${bucket.unit} from ${label(0)} to ${label(counts.length - 1)}; at most ${max} in one ${bucket.unit}, from ${label(peak)}.`;
  return (
    <section className={panelClass} aria-labelledby="timeline-title">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="timeline-title">Sign-ups over time</h2>
        <span className="text-muted-foreground">
          per {bucket.unit} (UTC) · peak {max} from {label(peak)}
        </span>
      </div>
      <div className="flex h-[140px] items-end gap-0.5 border-b border-input pt-1" role="img" aria-label={summary}>
        {counts.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: bar i is time bucket i; the buckets never reorder
          <span key={i} className="flex h-full min-w-0.5 flex-[1_1_0] items-end hover:bg-muted" title={`${label(i)}: ${c} sign-up${c === 1 ? "" : "s"}`}>
            {c > 0 ? <span className="w-full rounded-t-[2px] bg-primary" style={{ height: `${Math.max(4, (c / max) * 100)}%` }} /> : null}
          </span>
        ))}
      </div>
      <div className="-mt-1.5 flex justify-between text-xs text-muted-foreground">
        <span>{label(0)}</span>
        <span>{label(counts.length - 1)}</span>
      </div>
    </section>
  );
}
