import { badRequest } from "./errors";

/**
 * Text Postgres cannot store as sent. A NUL is refused by every text column and parameter (SQLSTATE
 * 22021, which would surface as a 500); a lone UTF-16 surrogate has no UTF-8 form, so the driver would
 * silently store U+FFFD instead of what the caller sent. Both are refused at the edge with a 400.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(s: string): string | null {
  if (s.includes("\u0000")) return "must not contain NUL characters";
  if (LONE_SURROGATE.test(s)) return "must be valid Unicode (no lone surrogates)";
  return null;
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
/** Hostile nesting makes paths long: the message keeps their start. */
const shown = (path: string) => (path.length > 200 ? `${path.slice(0, 200)}…` : path);

/**
 * The blanket guard of every request boundary (query string, path params, JSON body, server action
 * input): the first string anywhere in `value`, object keys included, that Postgres cannot store is a
 * 400 naming its path (`filter.q: must not contain NUL characters`), whatever field it is in, so no
 * schema can forget it. Iterative, so hostile nesting cannot overflow the stack; cycles are skipped.
 */
export function assertStorable(value: unknown, label: string): void {
  const stack: [unknown, string][] = [[value, ""]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === "string") {
      const problem = textProblem(v);
      if (problem) throw badRequest(`${shown(path || label)}: ${problem}`);
    } else if (typeof v === "object" && v !== null && !seen.has(v)) {
      seen.add(v);
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, i)]);
      } else {
        for (const [k, child] of Object.entries(v).reverse()) {
          const problem = textProblem(k);
          if (problem) throw badRequest(`${shown(path || label)}: a key ${problem}`);
          stack.push([child, join(path, k)]);
        }
      }
    }
  }
}

/** Query string names and values, checked the same way (a name is reported as `query`). */
export function assertStorableQuery(params: URLSearchParams): void {
  for (const [k, v] of params) {
    const problem = textProblem(k);
    if (problem) throw badRequest(`query: a parameter name ${problem}`);
    assertStorable(v, k);
  }
}
