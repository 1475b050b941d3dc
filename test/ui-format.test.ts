import { describe, expect, it } from "vitest";
import { keyFromSorting, sortingFromKey } from "../components/data-table/sort-state";
import { formatCompact, formatDateTime, formatInteger, formatRelative } from "../components/ui/format";
import { fromInputValue, fromParam, toInputValue, toParam } from "../components/users/date-range";
import { formatUserCount } from "../components/users/format-count";

const now = new Date("2026-03-10T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("date formatting", () => {
  it("formats absolute times in UTC whatever the runtime's zone", () => {
    expect(formatDateTime(new Date("2026-01-31T23:59:30Z"))).toBe("2026-01-31 23:59 UTC");
  });

  it("formats relative times against the given now, past and future", () => {
    expect(formatRelative(ago(10_000), now)).toBe("just now");
    expect(formatRelative(ago(5 * 60_000), now)).toBe("5 min ago");
    expect(formatRelative(ago(3 * 3_600_000), now)).toBe("3 h ago");
    expect(formatRelative(ago(2 * 86_400_000), now)).toBe("2 d ago");
    expect(formatRelative(ago(90 * 86_400_000), now)).toBe("3 mo ago");
    expect(formatRelative(ago(800 * 86_400_000), now)).toBe("2 y ago");
    expect(formatRelative(ago(-3 * 86_400_000), now)).toBe("in 3 d");
  });
});

describe("user count wording", () => {
  it("says how sure the count is", () => {
    expect(formatUserCount({ kind: "estimate", value: 1_049_000 })).toBe("≈1.0M users");
    expect(formatUserCount({ kind: "atLeast", value: 10_000 })).toBe("10,000+ users");
    expect(formatUserCount({ kind: "exact", value: 123 })).toBe("123 users");
    expect(formatUserCount({ kind: "exact", value: 1 })).toBe("1 user");
    expect(formatUserCount({ kind: "unknown" })).toBe("many users");
  });

  it("steps up a unit instead of printing 1000.0K", () => {
    expect(formatCompact(12_345)).toBe("12.3K");
    expect(formatCompact(999_960)).toBe("1.0M");
    expect(formatCompact(950)).toBe("950");
    expect(formatInteger(1_234_567)).toBe("1,234,567");
  });
});

describe("created date range", () => {
  it("stores the 'to' date as the day after, so the chosen day is included", () => {
    expect(toParam("2026-01-31")).toBe("2026-02-01");
    expect(toParam("2024-02-28")).toBe("2024-02-29");
    expect(toInputValue("2026-02-01")).toBe("2026-01-31");
  });

  it("reads full timestamps from shared links", () => {
    expect(toInputValue("2026-02-01T00:00:00Z")).toBe("2026-01-31");
    expect(toInputValue("2026-02-01T12:00:00Z")).toBe("2026-02-01");
    expect(fromInputValue("2026-02-01T12:00:00Z")).toBe("2026-02-01");
  });

  it("clears the filter for empty or unreadable input", () => {
    expect(toParam("")).toBeNull();
    expect(fromParam("")).toBeNull();
    expect(toInputValue("yesterday")).toBe("");
    expect(fromInputValue(null)).toBe("");
  });
});

describe("header sorting ↔ URL sort key", () => {
  const columns = [
    { id: "name", sortKeys: { asc: "name", desc: "-name" } },
    { id: "createdAt", sortKeys: { desc: "-createdAt", asc: "createdAt" } },
    { id: "lastActiveAt", sortKeys: { desc: "-lastActiveAt" } },
  ];

  it("maps a URL sort key to the sorted column", () => {
    expect(sortingFromKey("-createdAt", columns)).toEqual([{ id: "createdAt", desc: true }]);
    expect(sortingFromKey("name", columns)).toEqual([{ id: "name", desc: false }]);
    expect(sortingFromKey("email", columns)).toEqual([]);
  });

  it("maps a header toggle back to a key, falling back to the direction the server offers", () => {
    expect(keyFromSorting([{ id: "name", desc: true }], columns)).toBe("-name");
    expect(keyFromSorting([{ id: "lastActiveAt", desc: false }], columns)).toBe("-lastActiveAt");
    expect(keyFromSorting([], columns)).toBeNull();
  });
});
