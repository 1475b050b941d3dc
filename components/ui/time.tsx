import type { TimeValue } from "./format";

/**
 * A timestamp as text, with the other form (absolute or relative) in the tooltip. The strings are
 * precomputed by timeValue() on the server, so server and browser render identical markup.
 */
export function Time({ value, mode = "relative", fallback = "—" }: { value: TimeValue | null; mode?: "relative" | "absolute"; fallback?: string }) {
  if (!value) return <span className="text-muted-foreground">{fallback}</span>;
  return (
    <time dateTime={value.iso} title={mode === "relative" ? value.absolute : value.relative}>
      {mode === "relative" ? value.relative : value.absolute}
    </time>
  );
}
