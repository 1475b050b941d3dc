"use client";
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
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason (recorded, and shown to the user by apps that display it)</label>
        <input id={`${id}-reason`} className="input" value={values.reason} maxLength={500} required onChange={(e) => set({ reason: e.target.value })} />
        <fieldset className="chips" aria-label="Common reasons">
          {banReasons.map((r) => (
            <button key={r} type="button" className="chip" aria-pressed={values.reason === r} onClick={() => set({ reason: r })}>
              {r}
            </button>
          ))}
        </fieldset>
      </div>
      <fieldset className="field radio-group">
        <legend>Duration</legend>
        <div className="chips">
          {durations.map(([value, label]) => (
            <label key={value} className="chip chip-radio">
              <input type="radio" name={`${id}-duration`} value={value} checked={values.duration === value} onChange={() => set({ duration: value })} />
              {label}
            </label>
          ))}
        </div>
        {values.duration === "custom" ? (
          <label className="field">
            <span>Ends at (UTC)</span>
            <input type="datetime-local" className="input" value={values.until} required onChange={(e) => set({ until: e.target.value })} />
          </label>
        ) : null}
      </fieldset>
    </>
  );
}
