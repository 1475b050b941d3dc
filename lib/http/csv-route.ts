import "server-only";
import type { Permission } from "../auth/permissions";
import { type Staff, staffForRequest } from "../auth/staff";
import type { Q } from "../db/context";
import { getReadDatabase } from "../db";
import { type CsvValue, csvLine } from "../export/csv";
import { errorResponse, requestParams } from "./route";

export interface CsvExport {
  /** the download's name, without the date or extension: "users" → users-2026-12-02.csv */
  name: string;
  header: readonly string[];
  /** pages of rows, read one at a time as the client reads the response */
  pages: AsyncGenerator<CsvValue[][]>;
}

/**
 * A streamed CSV export behind the same staff check as the list it exports. The first page is read
 * before any byte is sent, so a bad parameter (400), a missing permission (403) or a dead database
 * (503) is still a JSON error with its status. After that, each further page is read only when the
 * client has taken the previous one (a pull stream: backpressure, memory of one page), and a failure
 * mid-file aborts the response rather than ending it as if the file were complete.
 */
export function csvRoute(permission: Permission, build: (ctx: { req: Request; staff: Staff; q: Q; search: URLSearchParams }) => CsvExport) {
  return async (req: Request, ctx: { params: Promise<Record<string, never>> }) => {
    let pages: AsyncGenerator<CsvValue[][]> | undefined;
    try {
      const staff = await staffForRequest(req, permission);
      await requestParams(req, ctx.params);
      const q = await getReadDatabase(req.headers);
      const spec = build({ req, staff, q, search: new URL(req.url).searchParams });
      pages = spec.pages;
      const first = await pages.next();
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            controller.enqueue(encoder.encode(csvLine(spec.header) + (first.done ? "" : first.value.map(csvLine).join(""))));
            if (first.done) controller.close();
          },
          async pull(controller) {
            try {
              const next = await spec.pages.next();
              if (next.done) controller.close();
              else controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
            } catch (err) {
              console.error("export failed mid-stream", new URL(req.url).pathname, err);
              controller.error(err);
            }
          },
          async cancel() {
            // The client went away: stop walking (no further page query).
            await spec.pages.return(undefined);
          },
        },
        { highWaterMark: 1 },
      );
      const day = new Date().toISOString().slice(0, 10);
      return new Response(body, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${spec.name}-${day}.csv"`,
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (err) {
      await pages?.return(undefined).catch(() => undefined);
      return errorResponse(req, err);
    }
  };
}
