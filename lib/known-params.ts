import type * as z from "zod";
import { toRecord } from "./params";

/**
 * The URL parameters a strict schema knows, the rest dropped: for pages only, where a link may carry
 * tracking parameters (utm_source…). APIs parse strictly and answer 400 to an unknown key.
 */
export function knownKeys(schema: z.ZodObject, input: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const known = new Set(Object.keys(schema.shape));
  return Object.fromEntries(Object.entries(toRecord(input)).filter(([k]) => known.has(k)));
}
