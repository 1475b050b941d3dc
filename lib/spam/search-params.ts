import * as z from "zod";
import { knownKeys } from "../known-params";
import { isoDate, limitParam, optionalText, parseParams } from "../params";

/**
 * The scored windows a moderator can pick: sign-ups of the last N days, or everyone (0). The engine
 * scores exactly this window (lib/spam/engine.ts), and the cache keeps one result per window.
 */
export const SPAM_WINDOWS = { "7d": 7, "30d": 30, "90d": 90, "365d": 365, all: 0 } as const;
export type SpamWindow = keyof typeof SPAM_WINDOWS;
export const DEFAULT_SPAM_WINDOW: SpamWindow = "30d";
const WINDOW_NAMES = Object.keys(SPAM_WINDOWS) as SpamWindow[];
const DAY = 86_400_000;

/** The window's name for a number of days (0 = everyone), for links and headings. */
export const windowOfDays = (days: number): SpamWindow => WINDOW_NAMES.find((w) => SPAM_WINDOWS[w] === days) ?? DEFAULT_SPAM_WINDOW;

/**
 * `since`: a window (7d, 30d, 90d, 365d, all) scores that window. A date (YYYY-MM-DD or ISO, as
 * before windows existed) scores the smallest window that reaches back to it and lists only sign-ups
 * from that date on, so an old link keeps its meaning and can reach any age.
 */
const sinceParam = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): { sinceDays: number; since?: Date } => {
    if (v === undefined || v === "") return { sinceDays: SPAM_WINDOWS[DEFAULT_SPAM_WINDOW] };
    if (Object.hasOwn(SPAM_WINDOWS, v)) return { sinceDays: SPAM_WINDOWS[v as SpamWindow] };
    const parsed = isoDate.safeParse(v);
    if (!parsed.success || !parsed.data) {
      ctx.addIssue({ code: "custom", message: `must be one of ${WINDOW_NAMES.join(", ")}, or a date (YYYY-MM-DD)` });
      return z.NEVER;
    }
    const since = parsed.data;
    const age = Date.now() - since.getTime();
    const sinceDays = WINDOW_NAMES.map((w) => SPAM_WINDOWS[w]).find((d) => d > 0 && d * DAY >= age) ?? 0;
    return { sinceDays, since };
  });

/** URL state of the review queue and of GET /api/v1/spam/*. Strict: an unknown key is a 400 on the API. */
export const spamAccountsSchema = z
  .strictObject({
    minScore: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be from 0 to 100").max(100, "must be from 0 to 100").optional(),
    since: sinceParam,
    limit: limitParam(50),
    cursor: optionalText(200),
  })
  .transform(({ since, ...rest }) => ({ ...rest, ...since }));
export const spamWavesSchema = z.strictObject({ since: sinceParam }).transform(({ since }) => since);

/** Pages pass ignoreUnknown (a link may carry tracking parameters); the API does not. */
export const parseSpamAccountsParams = (input: URLSearchParams | Record<string, string | string[] | undefined>, opts: { ignoreUnknown?: boolean } = {}) =>
  parseParams(spamAccountsSchema, opts.ignoreUnknown ? knownKeys(spamAccountsSchema.in, input) : input);
export const parseSpamWavesParams = (input: URLSearchParams | Record<string, string | string[] | undefined>) => parseParams(spamWavesSchema, input);

/**
 * The scored window a page's URL asks for. Pages are lenient where the API is strict: a `since` the
 * API would refuse scores the default window here, and the queue's own parse says what was wrong.
 */
export function pageWindow(record: Record<string, string | undefined>): { sinceDays: number; since?: Date } {
  const parsed = spamWavesSchema.safeParse({ since: record.since });
  return parsed.success ? parsed.data : { sinceDays: SPAM_WINDOWS[DEFAULT_SPAM_WINDOW] };
}
