import type { Wave } from "@/lib/spam/types";
import { timeValue } from "../ui/format";
import { Time } from "../ui/time";
import { waveKindLabels } from "./spam-format";
import { panelClass } from "@/components/ui/panel";

/** What the members share and what the score saw in most of them. */
export function WaveSummary({ wave, members, now }: { wave: Wave; members: number; now: Date }) {
  return (
    <section className={panelClass} aria-labelledby="wave-summary-title">
      <h2 id="wave-summary-title">About this wave</h2>
      <dl className="m-0 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 [&_dd]:m-0 [&_dd]:min-w-0 [&_dd]:wrap-anywhere [&_dt]:text-[13px] [&_dt]:text-muted-foreground">
        <dt>Shared</dt>
        <dd>
          {waveKindLabels[wave.kind]}: <strong>{wave.label}</strong>
        </dd>
        <dt>Members</dt>
        <dd>{members}</dd>
        <dt>Sign-ups</dt>
        <dd>
          <Time value={timeValue(wave.firstAt, now)} mode="absolute" /> to <Time value={timeValue(wave.lastAt, now)} mode="absolute" />
        </dd>
        <dt>Average score</dt>
        <dd>{Math.round(wave.avgScore)}</dd>
        <dt>Most common</dt>
        <dd>
          <ul className="m-0 flex list-none flex-col gap-[3px] p-0 text-[13px] [&_li]:grid [&_li]:grid-cols-[3.2em_1fr] [&_li]:items-baseline [&_li]:gap-1.5">
            {wave.topReasons.map((r) => (
              <li key={r.code} title={r.code}>
                <span className="text-right font-semibold text-secondary-foreground tabular-nums">{r.count}×</span>
                <span>{r.text}</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Key</dt>
        <dd>
          <code>{wave.key}</code>
        </dd>
      </dl>
    </section>
  );
}
