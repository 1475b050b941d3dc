import { tableClass } from "@/components/ui/table";
import Link from "next/link";
import type { ReviewState } from "@/lib/modules";
import type { Wave } from "@/lib/spam/types";
import { Badge } from "../ui/badge";
import { timeValue } from "../ui/format";
import { Time } from "../ui/time";
import type { SpamWindow } from "@/lib/spam/search-params";
import { waveHref, waveKindLabels } from "./spam-format";

/** How many member emails a row shows: enough to recognise a pattern, short enough to scan. */
export const WAVE_SAMPLE_SHOWN = 3;

export interface SampleMember {
  email: string;
  /** its "out of review" states now (read with the page), which the cached result may not know yet */
  out: readonly ReviewState[];
}

interface Props {
  waves: readonly Wave[];
  /** the first WAVE_SAMPLE_SHOWN sample ids of each wave, looked up; deleted users are absent */
  members: ReadonlyMap<string, SampleMember>;
  now: Date;
  /** the scored window the waves belong to: their links carry it */
  window: SpamWindow;
  /** a decided member in words, short (spam-format.ts decidedWords, ending "or cleared") */
  decided: string;
}

/** Groups of flagged sign-ups that share something (largest first, as the engine orders them). */
export function WavesTable({ waves, members, now, window, decided }: Props) {
  return (
    <div className="rounded-md border bg-card shadow-xs transition-opacity group-data-[pending]/region:cursor-progress group-data-[pending]/region:opacity-55 group-data-[pending]/region:delay-150 motion-reduce:transition-none">
      <div className="overflow-x-auto">
        <table className={tableClass} aria-label="Waves">
          <thead>
            <tr>
              <th scope="col">Wave</th>
              <th scope="col" className="text-right tabular-nums">Size</th>
              <th scope="col">First sign-up</th>
              <th scope="col">Last sign-up</th>
              <th scope="col" className="text-right tabular-nums">Avg score</th>
              <th scope="col">Top reasons</th>
              <th scope="col">Members, for example</th>
            </tr>
          </thead>
          <tbody>
            {waves.length === 0 ? (
              <tr>
                <td colSpan={7} className="table-empty !py-10 !text-center text-muted-foreground">
                  No waves: no group of flagged sign-ups shares a mailbox, numbering, domain, network or browser.
                </td>
              </tr>
            ) : (
              waves.map((w) => (
                <tr key={w.key}>
                  <td className="align-top min-w-[200px]">
                    <span className="flex min-w-[140px] flex-col text-[13px]">
                      <Link href={waveHref(w.key, window)} className="wave-link font-medium wrap-break-word">
                        {w.label}
                      </Link>
                      <span className="text-muted-foreground">{waveKindLabels[w.kind]}</span>
                    </span>
                  </td>
                  <td className="text-right tabular-nums align-top" title={w.left < w.size ? `${w.size - w.left} already ${decided}` : undefined}>
                    {w.left < w.size ? `${w.left} of ${w.size}` : w.size}
                  </td>
                  <td className="whitespace-nowrap align-top">
                    <Time value={timeValue(w.firstAt, now)} mode="absolute" />
                  </td>
                  <td className="whitespace-nowrap align-top">
                    <Time value={timeValue(w.lastAt, now)} mode="absolute" />
                  </td>
                  <td className="text-right tabular-nums align-top">{Math.round(w.avgScore)}</td>
                  <td className="align-top">
                    <ul className="m-0 flex list-none flex-col gap-[3px] p-0 text-[13px] [&_li]:grid [&_li]:grid-cols-[3.2em_1fr] [&_li]:items-baseline [&_li]:gap-1.5">
                      {w.topReasons.slice(0, 3).map((r) => (
                        <li key={r.code} title={r.code}>
                          <span className="text-right font-semibold text-secondary-foreground tabular-nums">{r.count}×</span>
                          <span>{r.text}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="align-top min-w-[260px]">
                    <WaveSample wave={w} members={members} window={window} />
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

function WaveSample({ wave, members, window }: { wave: Wave; members: ReadonlyMap<string, SampleMember>; window: SpamWindow }) {
  const shown = wave.sampleUserIds.slice(0, WAVE_SAMPLE_SHOWN).flatMap((id) => {
    const m = members.get(id);
    return m ? [{ id, ...m }] : [];
  });
  const more = wave.left - shown.length;
  return (
    <ul className="m-0 list-none p-0 text-[13px] wrap-break-word">
      {shown.map((m) => (
        <li key={m.id}>
          <Link href={`/users/${encodeURIComponent(m.id)}`}>{m.email}</Link>{" "}
          {m.out.map((s) => (
            <Badge key={s.reason} tone="danger">
              {s.label}
            </Badge>
          ))}
        </li>
      ))}
      {more > 0 ? (
        <li>
          <Link href={waveHref(wave.key, window)} className="text-muted-foreground">
            and {more} more
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
