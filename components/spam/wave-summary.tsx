import type { Wave } from "@/lib/spam/types";
import { timeValue } from "../ui/format";
import { Time } from "../ui/time";
import { waveKindLabels } from "./spam-format";

/** What the members share and what the score saw in most of them. */
export function WaveSummary({ wave, members, now }: { wave: Wave; members: number; now: Date }) {
  return (
    <section className="panel" aria-labelledby="wave-summary-title">
      <h2 id="wave-summary-title">About this wave</h2>
      <dl className="props">
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
          <ul className="reason-list">
            {wave.topReasons.map((r) => (
              <li key={r.code} title={r.code}>
                <span className="points">{r.count}×</span>
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
