/**
 * The "created" filter as people think of it (from Jan 1 to Jan 31, both included) versus the URL
 * (createdAfter inclusive, createdBefore exclusive, midnight UTC). The "to" date is stored as the
 * day after, so users created any time on Jan 31 are included.
 */
const DAY = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parse(value: string): Date | null {
  const d = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** createdAfter → the "from" date input's value ("" when absent or unreadable). */
export function fromInputValue(createdAfter: string | null): string {
  const d = createdAfter ? parse(createdAfter) : null;
  return d ? day(d) : "";
}

/** createdBefore (exclusive) → the "to" date input's value: the last day it includes. */
export function toInputValue(createdBefore: string | null): string {
  const d = createdBefore ? parse(createdBefore) : null;
  if (!d) return "";
  // Exactly midnight excludes that whole day; a later time still includes part of it.
  return d.getTime() % DAY === 0 ? day(new Date(d.getTime() - DAY)) : day(d);
}

/** The "to" date input's value → createdBefore: the day after, so the chosen day is included. */
export function toParam(inputValue: string): string | null {
  if (!DATE_ONLY.test(inputValue)) return null;
  const d = parse(inputValue);
  return d ? day(new Date(d.getTime() + DAY)) : null;
}

/** The "from" date input's value → createdAfter. */
export function fromParam(inputValue: string): string | null {
  return DATE_ONLY.test(inputValue) && parse(inputValue) ? inputValue : null;
}
