"use client";
import type { previewBulkAction } from "@/lib/modules/core/actions/preview-bulk.action";
import { clientModules } from "@/lib/modules/client-registry";
import { Badge } from "../ui/badge";

/** What the modules' client entries show of a sample member (e.g. a ban), from what their verbs sample. */
const badgesOf = (u: Readonly<Record<string, unknown>>) => clientModules.flatMap((m) => m.sampleBadges?.(u) ?? []);

export type BulkPreview = Extract<Awaited<ReturnType<typeof previewBulkAction>>, { ok: true }>["data"];

interface Props {
  preview: BulkPreview;
  /** ids mode: the sample members unticked so far; null (filter mode) shows no checkboxes */
  unticked: ReadonlySet<string> | null;
  onToggle: (id: string, on: boolean) => void;
}

/** Up to 10 of the users the action would touch, so a wrong filter shows before it is too late. */
export function BulkSample({ preview, unticked, onToggle }: Props) {
  if (preview.sample.length === 0) return null;
  const more = preview.users - preview.sample.length;
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-[13px] text-muted-foreground">{unticked ? "Untick anyone who should be left out:" : "For example:"}</p>
      <ul className="sample-list m-0 flex max-h-[260px] list-none flex-col gap-1 overflow-y-auto rounded-md bg-muted px-2.5 py-1.5 [&_li]:flex [&_li]:items-center [&_li]:gap-2">
        {preview.sample.map((u) => (
          <li key={u.id}>
            {unticked ? (
              <label className="inline-flex items-center gap-2 wrap-anywhere">
                <input type="checkbox" checked={!unticked.has(u.id)} onChange={(e) => onToggle(u.id, e.target.checked)} />
                {u.email}
              </label>
            ) : (
              <span className="inline-flex items-center gap-2 wrap-anywhere">{u.email}</span>
            )}
            {badgesOf(u).map((b) => (
              <Badge key={b.label} tone={b.tone} {...(b.title ? { title: b.title } : {})}>
                {b.label}
              </Badge>
            ))}
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="text-muted-foreground">and {more.toLocaleString("en")} more.</p> : null}
    </div>
  );
}
