import * as z from "zod";
import { knownKeys } from "../../known-params";
import { limitParam, optionalText, parseParams } from "../../params";

/**
 * The organizations list's URL state, described once (client-safe: the toolbar derives its nuqs
 * parsers from it). Strict: an unknown key is a 400 on the API; the page passes ignoreUnknown.
 */
export const organizationListSchema = z.strictObject({
  /** case-insensitive substring of the name or the slug */
  q: optionalText(200),
  limit: limitParam(25),
  cursor: optionalText(500),
});
export type OrganizationListParams = z.output<typeof organizationListSchema>;

export function parseOrganizationParams(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
  opts: { ignoreUnknown?: boolean } = {},
): OrganizationListParams {
  return parseParams(organizationListSchema, opts.ignoreUnknown ? knownKeys(organizationListSchema, input) : input);
}
