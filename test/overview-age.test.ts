import { describe, expect, it } from "vitest";
import { agoText, figuresAge, WARN_AFTER_MS } from "../lib/overview/age";

const now = new Date("2026-06-01T12:00:00Z");
const earlier = (ms: number) => new Date(now.getTime() - ms);
const idle = { refreshing: false, failed: false };

describe("the overview figures' age", () => {
  it("says how long ago, in seconds, minutes, hours and days", () => {
    expect(agoText(0)).toBe("just now");
    expect(agoText(-3_000)).toBe("just now");
    expect(agoText(4_999)).toBe("just now");
    expect(agoText(40_000)).toBe("40 s ago");
    expect(agoText(14 * 60_000 + 59_000)).toBe("14 min ago");
    expect(agoText(3 * 3_600_000)).toBe("3 h ago");
    expect(agoText(47 * 3_600_000)).toBe("47 h ago");
    expect(agoText(3 * 86_400_000)).toBe("3 days ago");
  });

  it("reads 'As of … ago, refreshing' while a read is under way, with the read's time for <time dateTime>", () => {
    const a = figuresAge(earlier(14 * 60_000), now, { refreshing: true, failed: false });
    expect(a).toEqual({ text: "As of 14 min ago, refreshing", dateTime: "2026-06-01T11:46:00.000Z", title: "2026-06-01 11:46:00 UTC", warn: true });
    expect(figuresAge(earlier(40_000), now, idle).text).toBe("As of 40 s ago");
  });

  it("warns past 5 minutes, or after a failed refresh at any age", () => {
    expect(figuresAge(earlier(WARN_AFTER_MS), now, idle).warn).toBe(false);
    expect(figuresAge(earlier(WARN_AFTER_MS + 1_000), now, idle).warn).toBe(true);
    const failed = figuresAge(earlier(35_000), now, { refreshing: false, failed: true });
    expect(failed).toMatchObject({ text: "As of 35 s ago, the last refresh failed", warn: true });
    // a new read under way after a failure says so (and still warns)
    expect(figuresAge(earlier(35_000), now, { refreshing: true, failed: true })).toMatchObject({ text: "As of 35 s ago, refreshing", warn: true });
  });
});
