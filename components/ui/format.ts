/**
 * Date formatting that gives the same text on the server and in the browser: always UTC, never the
 * runtime's locale or time zone, so client components hydrate without mismatches. Relative times are
 * computed against a `now` chosen once on the server and passed down, never the browser's clock.
 */
export interface TimeValue {
  /** ISO 8601, for <time dateTime> */
  iso: string;
  /** "2026-01-31 14:05 UTC" */
  absolute: string;
  /** "3 d ago", "in 5 min" */
  relative: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function formatDateTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Short, unambiguous relative time; past ("3 h ago") and future ("in 3 h") alike. */
export function formatRelative(d: Date, now: Date): string {
  const diff = now.getTime() - d.getTime();
  const abs = Math.abs(diff);
  if (abs < 45_000) return "just now";
  const [n, unit] =
    abs < HOUR ? [Math.max(1, Math.round(abs / MINUTE)), "min"]
    : abs < DAY ? [Math.round(abs / HOUR), "h"]
    : abs < 30 * DAY ? [Math.round(abs / DAY), "d"]
    : abs < 365 * DAY ? [Math.round(abs / (30 * DAY)), "mo"]
    : [Math.round(abs / (365 * DAY)), "y"];
  return diff >= 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
}

export function timeValue(d: Date, now: Date): TimeValue {
  return { iso: d.toISOString(), absolute: formatDateTime(d), relative: formatRelative(d, now) };
}

/** 1234567 → "1,234,567" without depending on the runtime's ICU data. */
export function formatInteger(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 1_049_000 → "1.0M", 12_345 → "12.3K", 950 → "950". */
export function formatCompact(n: number): string {
  if (n < 1000) return formatInteger(n);
  const units = [
    [1e3, "K"],
    [1e6, "M"],
    [1e9, "B"],
  ] as const;
  for (const [size, suffix] of units) {
    const v = Number((n / size).toFixed(1));
    // 999,960 rounds to "1000.0K": step up to the next unit instead.
    if (v < 1000 || suffix === "B") return `${v.toFixed(1)}${suffix}`;
  }
  return formatInteger(n);
}
