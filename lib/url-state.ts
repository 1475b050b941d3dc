import { parseAsString } from "nuqs/server";
import type * as z from "zod";

/**
 * A table's URL state is defined once, as its strict zod schema (lib/<table>/search-params.ts):
 * the server validates with it (400 naming the parameter in the API, an error box on the page).
 * The client's nuqs parsers are derived here from the same keys, read as plain strings, so the
 * two cannot list different keys and the browser never disagrees with the server's validation.
 * `nuqs/server` holds no client code and is safe to import on both sides.
 */
export function urlParsers<S extends z.ZodObject>(schema: S) {
  return Object.fromEntries(Object.keys(schema.shape).map((k) => [k, parseAsString])) as {
    [K in keyof S["shape"] & string]: typeof parseAsString;
  };
}

/** The page sizes every table offers; `limitParam` accepts any size from 1 to 100. */
export const PAGE_SIZES = [25, 50, 100] as const;
