import type { Burst } from "./bursts";
import type { GroupStats } from "./outcome";

/** Sentences for moderators. Numbers are exact; wording says what was seen, not a verdict. */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const short = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function span(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (ms < 2 * DAY) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / DAY)} days`;
}

export function burstText(b: Burst, key: string): string {
  const within = b.window === "hour" ? "within an hour" : "within a day";
  switch (b.kind) {
    case "ip":
      return `one of ${b.count} sign-ups from the IP address ${key} ${within}`;
    case "subnet":
      return `one of ${b.count} sign-ups from the same ${key.includes(":") ? "/48" : "/24"} (${key}) ${within}`;
    case "domain":
      return `one of ${b.count} sign-ups with an @${key} address ${within}, far above its usual share`;
    case "ua":
      return `one of ${b.count} sign-ups with the exact user agent "${short(key)}" ${within}, far above its usual share`;
  }
}

export function groupPhrase(g: Pick<GroupStats, "kind" | "key" | "members">, label?: string): string {
  switch (g.kind) {
    case "ip":
      return `from the IP address ${g.key}`;
    case "subnet":
      return `from ${g.key}`;
    case "domain":
      return `with @${g.key} addresses`;
    case "ua":
      return `with the user agent "${short(g.key)}"`;
    case "mailbox":
      return `that share the mailbox ${g.key}`;
    case "sequence":
      return `numbered ${label ?? g.key}`;
    case "throwaway":
      return "on throwaway email providers";
  }
}

export function outcomeText(g: GroupStats, label: string | undefined, returnsKnown: boolean): string {
  const who = `one of ${g.members.length} accounts ${groupPhrase(g, label)} within ${span(g.lastAt - g.firstAt)}`;
  const did = returnsKnown ? "came back after signing up" : "verified their email";
  const few = g.good === 0 ? "none" : `only ${g.good}`;
  return `${who}; ${few} of the ${g.known} old enough to tell ${did}`;
}
