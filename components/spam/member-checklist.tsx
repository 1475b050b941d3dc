"use client";
import type { ReviewMember } from "@/lib/modules";
import { Badge } from "../ui/badge";

/** A member with its "out of review" states (their badges), as a wave action's checklist lists it. */
export type ChecklistMember = ReviewMember;

interface Props {
  members: readonly ChecklistMember[];
  /** all members of the wave; those past the checklist are included without a checkbox */
  total: number;
  unticked: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
}

/** The wave's members with a checkbox each (all ticked): untick a real person caught in a wave. */
export function MemberChecklist({ members, total, unticked, onChange }: Props) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  const more = total - members.length;
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-[13px] text-muted-foreground">Untick anyone who should be left out:</p>
      <ul className="sample-list m-0 flex max-h-[260px] list-none flex-col gap-1 overflow-y-auto rounded-md bg-muted px-2.5 py-1.5 [&_li]:flex [&_li]:items-center [&_li]:gap-2" aria-label="Wave members">
        {members.map((m) => (
          <li key={m.id}>
            <label className="inline-flex items-center gap-2 wrap-anywhere">
              <input type="checkbox" checked={!unticked.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
              {m.email}
            </label>
            <span className="text-muted-foreground">score {m.score}</span>
            {m.out.map((s) => (
              <Badge key={s.reason} tone="danger">
                {s.label}
              </Badge>
            ))}
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="text-muted-foreground">and {more.toLocaleString("en")} more members, all included.</p> : null}
    </div>
  );
}
