import { describe, expect, it } from "vitest";
import { backStack, firstRowIndex, MAX_BACK, nextPage, previousPage, rowRange } from "../components/data-table/page-stack";

describe("keyset paging back and forth (the cursor stack in the URL)", () => {
  const first = { cursor: null, back: null, page: null };

  it("walks forward and back to the same cursors, counting rows", () => {
    const p2 = nextPage(first, "c2");
    expect(p2).toEqual({ cursor: "c2", back: "-", page: 2 });
    const p3 = nextPage(p2, "c3");
    expect(p3).toEqual({ cursor: "c3", back: "-,c2", page: 3 });
    expect(firstRowIndex(p3, 25)).toBe(50);
    expect(rowRange(firstRowIndex(p3, 25) ?? 0, 25)).toBe("51–75");
    const back2 = previousPage(p3);
    expect(back2).toEqual({ cursor: "c2", back: "-", page: 2 });
    expect(previousPage(back2 ?? first)).toEqual(first);
    expect(previousPage(first)).toBeNull();
  });

  it("ignores a stale stack on the first page (a filter change clears only the cursor)", () => {
    const stale = { cursor: null, back: "-,c2,c3", page: 4 };
    expect(backStack(stale)).toEqual([]);
    expect(firstRowIndex(stale, 25)).toBe(0);
    expect(nextPage(stale, "x")).toEqual({ cursor: "x", back: "-", page: 2 });
  });

  it("keeps the URL short: the last MAX_BACK cursors, then only First page reaches further", () => {
    let s = { ...first } as { cursor: string | null; back: string | null; page: number | null };
    for (let i = 2; i <= MAX_BACK + 5; i++) s = nextPage(s, `c${i}`);
    expect(backStack(s)).toHaveLength(MAX_BACK);
    expect(s.page).toBe(MAX_BACK + 5);
    for (let i = 0; i < MAX_BACK; i++) s = previousPage(s) ?? s;
    expect(previousPage(s)).toBeNull();
    expect(s.page).toBe(5);
  });

  it("says nothing about the position for a shared cursor without a page number", () => {
    expect(firstRowIndex({ cursor: "c", back: null, page: null }, 25)).toBeNull();
    expect(rowRange(5_000, 3)).toBe("5,001–5,003");
  });
});
