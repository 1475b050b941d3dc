/**
 * Going back through keyset pages: the URL keeps the cursors of the pages before this one (`back`,
 * comma-separated, base64url cursors never contain a comma; "-" is the first page, which has none)
 * and the page's number (`page`, 1-based), so "Previous" and "26–50" work from a shared link as
 * well as from history. The stack keeps the last MAX_BACK cursors (the URL stays short); further
 * back, "First page" remains. Only meaningful with a cursor: every filter or sort change clears
 * `cursor`, and a stale stack under no cursor is ignored (the first page starts a new one).
 */
export const MAX_BACK = 20;
const FIRST = "-";

export interface PageState {
  cursor: string | null;
  back: string | null;
  page: number | null;
}

/** The stack as a list; empty on the first page. */
export function backStack(s: PageState): string[] {
  return s.cursor && s.back ? s.back.split(",").filter(Boolean) : [];
}

/** Index of this page's first row (0-based), or null when a link carried a cursor without a page number. */
export function firstRowIndex(s: PageState, pageSize: number): number | null {
  if (!s.cursor) return 0;
  return s.page && s.page > 1 ? (s.page - 1) * pageSize : null;
}

export function nextPage(s: PageState, nextCursor: string): PageState {
  const stack = [...backStack(s), s.cursor ?? FIRST].slice(-MAX_BACK);
  const page = s.cursor ? (s.page && s.page > 1 ? s.page + 1 : null) : 2;
  return { cursor: nextCursor, back: stack.join(","), page };
}

/** The page before, or null when the stack does not reach it (then only "First page" goes back). */
export function previousPage(s: PageState): PageState | null {
  const stack = backStack(s);
  const prev = stack.pop();
  if (prev === undefined) return null;
  if (prev === FIRST) return { cursor: null, back: null, page: null };
  return { cursor: prev, back: stack.length ? stack.join(",") : null, page: s.page && s.page > 2 ? s.page - 1 : null };
}

/** "26–50" for a page of 25 rows that starts at index 25. */
export function rowRange(first: number, rowCount: number): string {
  return `${(first + 1).toLocaleString("en")}–${(first + rowCount).toLocaleString("en")}`;
}
