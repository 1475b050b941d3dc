import { describe, expect, it } from "vitest";
import type { CsvValue } from "../lib/export/csv";
import { csvBody } from "../lib/export/stream";

/** The export's pull stream when the client goes away while a page is still being read. */
describe("csvBody", () => {
  it("drops the page in flight when the client cancels, without reporting a failure or reading on", async () => {
    let release: (() => void) | undefined;
    let reads = 0;
    async function* pages(): AsyncGenerator<CsvValue[][]> {
      for (;;) {
        reads++;
        await new Promise<void>((r) => {
          release = r;
        });
        yield [["row", reads]];
      }
    }
    const errors: unknown[] = [];
    const gen = pages();
    const body = csvBody(["a", "b"], { done: false, value: [["first", 1]] }, gen, (err) => errors.push(err));
    const reader = body.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("a,b\r\nfirst,1\r\n");
    // the next pull is waiting on its page query; the client goes away meanwhile
    await new Promise((r) => setTimeout(r, 10));
    expect(reads).toBe(1);
    const cancelled = reader.cancel();
    release?.();
    await cancelled;
    await new Promise((r) => setTimeout(r, 10));
    expect(errors).toEqual([]);
    expect(reads).toBe(1);
    expect(await gen.next()).toEqual({ done: true, value: undefined });
  });
});
