import Link from "next/link";
import type { Wave } from "@/lib/spam/types";
import { Badge } from "../ui/badge";
import { timeValue } from "../ui/format";
import { Time } from "../ui/time";
import { waveHref, waveKindLabels } from "./spam-format";

/** How many member emails a row shows: enough to recognise a pattern, short enough to scan. */
export const WAVE_SAMPLE_SHOWN = 3;

export interface SampleMember {
  email: string;
  /** banned now (read with the page), which the cached result may not know yet */
  banned: boolean;
}

interface Props {
  waves: readonly Wave[];
  /** the first WAVE_SAMPLE_SHOWN sample ids of each wave, looked up; deleted users are absent */
  members: ReadonlyMap<string, SampleMember>;
  now: Date;
}

/** Groups of flagged sign-ups that share something (largest first, as the engine orders them). */
export function WavesTable({ waves, members, now }: Props) {
  return (
    <div className="data-table">
      <div className="table-scroll">
        <table className="table waves-table" aria-label="Waves">
          <thead>
            <tr>
              <th scope="col">Wave</th>
              <th scope="col" className="num">Size</th>
              <th scope="col">First sign-up</th>
              <th scope="col">Last sign-up</th>
              <th scope="col" className="num">Avg score</th>
              <th scope="col">Top reasons</th>
              <th scope="col">Members, for example</th>
            </tr>
          </thead>
          <tbody>
            {waves.length === 0 ? (
              <tr>
                <td colSpan={7} className="table-empty">
                  No waves: no group of flagged sign-ups shares a mailbox, numbering, domain, network or browser.
                </td>
              </tr>
            ) : (
              waves.map((w) => (
                <tr key={w.key}>
                  <td className="top wave-cell">
                    <span className="cell-stack">
                      <Link href={waveHref(w.key)} className="wave-link">
                        {w.label}
                      </Link>
                      <span className="muted">{waveKindLabels[w.kind]}</span>
                    </span>
                  </td>
                  <td className="num top">{w.size}</td>
                  <td className="nowrap top">
                    <Time value={timeValue(w.firstAt, now)} mode="absolute" />
                  </td>
                  <td className="nowrap top">
                    <Time value={timeValue(w.lastAt, now)} mode="absolute" />
                  </td>
                  <td className="num top">{Math.round(w.avgScore)}</td>
                  <td className="top">
                    <ul className="reason-list">
                      {w.topReasons.slice(0, 3).map((r) => (
                        <li key={r.code} title={r.code}>
                          <span className="points">{r.count}×</span>
                          <span>{r.text}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="top wave-sample-cell">
                    <WaveSample wave={w} members={members} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function WaveSample({ wave, members }: { wave: Wave; members: ReadonlyMap<string, SampleMember> }) {
  const shown = wave.sampleUserIds.slice(0, WAVE_SAMPLE_SHOWN).flatMap((id) => {
    const m = members.get(id);
    return m ? [{ id, ...m }] : [];
  });
  const more = wave.size - shown.length;
  return (
    <ul className="wave-sample">
      {shown.map((m) => (
        <li key={m.id}>
          <Link href={`/users/${encodeURIComponent(m.id)}`}>{m.email}</Link> {m.banned ? <Badge tone="danger">Banned</Badge> : null}
        </li>
      ))}
      {more > 0 ? (
        <li>
          <Link href={waveHref(wave.key)} className="muted">
            and {more} more
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
