"use client";
import { inputClass } from "@/components/ui/input";
import { useId } from "react";

export const banReasons = ["Spam", "Abuse or harassment", "Fraud / chargebacks", "Compromised account", "Terms violation"] as const;
const durations = [
  ["1h", "1 hour"],
  ["1d", "1 day"],
  ["7d", "7 days"],
  ["30d", "30 days"],
  ["permanent", "Permanent"],
  ["custom", "Until a date"],
] as const;

export type BanDuration = (typeof durations)[number][0];
export interface BanValues {
  reason: string;
  duration: BanDuration;
  /** `datetime-local` value, read as UTC like every time in the dashboard */
  until: string;
}
export const emptyBan: BanValues = { reason: "", duration: "7d", until: "" };

/** The action input's ban fields; null while the form is incomplete (no reason, no or past date). */
export function banInputOf(v: BanValues, now = Date.now()): { reason: string; duration?: Exclude<BanDuration, "custom">; expiresAt?: string } | null {
  const reason = v.reason.trim();
  if (!reason) return null;
  if (v.duration !== "custom") return { reason, duration: v.duration };
  const at = new Date(`${v.until}Z`);
  if (!v.until || Number.isNaN(at.getTime()) || at.getTime() <= now) return null;
  return { reason, expiresAt: at.toISOString() };
}

/** Reason (free text with quick picks) and duration, shared by the user page and bulk bans. */
export function BanFields({ values, onChange }: { values: BanValues; onChange: (v: BanValues) => void }) {
  const id = useId();
  const set = (patch: Partial<BanValues>) => onChange({ ...values, ...patch });
  return (
    <>
      <div className="flex min-w-0 flex-col gap-1 [&>label]:text-xs [&>label]:font-medium [&>label]:text-muted-foreground [&>span]:text-xs [&>span]:font-medium [&>span]:text-muted-foreground">
        <label htmlFor={`${id}-reason`}>Reason (recorded, and shown to the user by apps that display it)</label>
        <input id={`${id}-reason`} className={inputClass} value={values.reason} maxLength={500} required onChange={(e) => set({ reason: e.target.value })} />
        <fieldset className="m-0 mt-1 flex min-w-0 flex-wrap gap-1.5 border-0 p-0" aria-label="Common reasons">
          {banReasons.map((r) => (
            <button key={r} type="button" className="inline-flex h-7 cursor-pointer items-center gap-1.5 rounded-full border border-input bg-card px-2.5 text-[13px] text-foreground hover:bg-muted hover:no-underline aria-[current=page]:border-primary/50 aria-[current=page]:bg-accent aria-[current=page]:text-primary aria-pressed:border-primary/50 aria-pressed:bg-accent aria-pressed:text-primary" aria-pressed={values.reason === r} onClick={() => set({ reason: r })}>
              {r}
            </button>
          ))}
        </fieldset>
      </div>
      <fieldset className="flex min-w-0 flex-col [&>label]:text-xs [&>label]:font-medium [&>label]:text-muted-foreground [&>span]:text-xs [&>span]:font-medium [&>span]:text-muted-foreground m-0 gap-2 border-0 p-0 [&_legend]:p-0 [&_legend]:text-xs [&_legend]:font-medium [&_legend]:text-muted-foreground">
        <legend>Duration</legend>
        <div className="m-0 mt-1 flex min-w-0 flex-wrap gap-1.5 border-0 p-0">
          {durations.map(([value, label]) => (
            <label key={value} className="inline-flex h-7 cursor-pointer items-center gap-1.5 rounded-full border border-input bg-card px-2.5 text-[13px] text-foreground hover:bg-muted hover:no-underline aria-[current=page]:border-primary/50 aria-[current=page]:bg-accent aria-[current=page]:text-primary aria-pressed:border-primary/50 aria-pressed:bg-accent aria-pressed:text-primary has-checked:border-primary/50 has-checked:bg-accent has-checked:text-primary has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-ring [&_input]:m-0 [&_input]:accent-primary">
              <input type="radio" name={`${id}-duration`} value={value} checked={values.duration === value} onChange={() => set({ duration: value })} />
              {label}
            </label>
          ))}
        </div>
        {values.duration === "custom" ? (
          <label className="flex min-w-0 flex-col gap-1 [&>label]:text-xs [&>label]:font-medium [&>label]:text-muted-foreground [&>span]:text-xs [&>span]:font-medium [&>span]:text-muted-foreground">
            <span>Ends at (UTC)</span>
            <input type="datetime-local" className={inputClass} value={values.until} required onChange={(e) => set({ until: e.target.value })} />
          </label>
        ) : null}
      </fieldset>
    </>
  );
}
