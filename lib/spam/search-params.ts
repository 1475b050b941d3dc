import * as z from "zod";
import { knownKeys } from "../known-params";
import { isoDate, limitParam, optionalText, parseParams } from "../params";

/** URL state of the review queue and of GET /api/v1/spam/*. Strict: an unknown key is a 400 on the API. */
export const spamAccountsSchema = z.strictObject({
  minScore: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be from 0 to 100").max(100, "must be from 0 to 100").optional(),
  since: isoDate,
  limit: limitParam(50),
  cursor: optionalText(200),
});
export const spamWavesSchema = z.strictObject({ since: isoDate });

/** Pages pass ignoreUnknown (a link may carry tracking parameters); the API does not. */
export const parseSpamAccountsParams = (input: URLSearchParams | Record<string, string | string[] | undefined>, opts: { ignoreUnknown?: boolean } = {}) =>
  parseParams(spamAccountsSchema, opts.ignoreUnknown ? knownKeys(spamAccountsSchema, input) : input);
export const parseSpamWavesParams = (input: URLSearchParams | Record<string, string | string[] | undefined>) => parseParams(spamWavesSchema, input);
