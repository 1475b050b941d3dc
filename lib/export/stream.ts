import { type CsvValue, csvLine } from "./csv";

/**
 * The CSV body as a pull stream: the header and the first page (already read by the caller, so its
 * errors could still become a status), then one page per pull, i.e. only when the consumer has taken
 * the previous one (backpressure: memory is one page whatever the total). A failure mid-file errors
 * the stream, so the client sees an aborted download rather than a file that ends early and looks
 * complete. Cancelling (the client went away) stops the walk: no further page query.
 */
export function csvBody(
  header: readonly string[],
  first: IteratorResult<CsvValue[][]>,
  pages: AsyncGenerator<CsvValue[][]>,
  onError: (err: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // A client that goes away while a page query runs: that page has nowhere to go. Without this,
  // enqueueing it on the cancelled stream threw, and a plain disconnect was logged as a failure.
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvLine(header) + (first.done ? "" : first.value.map(csvLine).join(""))));
        if (first.done) controller.close();
      },
      async pull(controller) {
        try {
          const next = await pages.next();
          if (cancelled) return;
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
        } catch (err) {
          if (cancelled) return;
          onError(err);
          controller.error(err);
        }
      },
      async cancel() {
        cancelled = true;
        await pages.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
