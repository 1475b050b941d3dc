/**
 * The first user-perceived character (grapheme) of a name, upper-cased, for an avatar. Never a
 * lone UTF-16 surrogate: `charAt(0)` of "💸 Cash" is half an emoji, which the server's HTML encodes
 * as "�" while the client keeps it, and React then fails hydration (error #418).
 * Intl.Segmenter keeps "👩‍💻" and flags whole; Array.from (code points) is the fallback.
 */
const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

export function initialOf(name: string, email: string): string {
  const text = name.trim() || email.trim();
  if (!text) return "?";
  const first = segmenter ? (segmenter.segment(text)[Symbol.iterator]().next().value?.segment ?? "") : (Array.from(text)[0] ?? "");
  return first.toUpperCase() || "?";
}
