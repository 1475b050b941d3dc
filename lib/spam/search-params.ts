import * as z from "zod";
import { isoDate, limitParam, optionalText, parseParams } from "../params";

/** URL state of the review queue and of GET /api/v1/spam/*. */
export const spamAccountsSchema = z.object({
  minScore: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be from 0 to 100").max(100, "must be from 0 to 100").optional(),
  since: isoDate,
  limit: limitParam(50),
  cursor: optionalText(200),
});
export const spamWavesSchema = z.object({ since: isoDate });

export const parseSpamAccountsParams = (input: URLSearchParams | Record<string, string | string[] | undefined>) => parseParams(spamAccountsSchema, input);
export const parseSpamWavesParams = (input: URLSearchParams | Record<string, string | string[] | undefined>) => parseParams(spamWavesSchema, input);
