import "server-only";
import type { Permission } from "../auth/permissions";
import { type Staff, staffForRequest } from "../auth/staff";
import type { Q } from "../db/context";
import { getReadDatabase } from "../db";
import type { CsvValue } from "../export/csv";
import { csvBody } from "../export/stream";
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
 * (503) is still a JSON error with its status. The rest streams (lib/export/stream.ts).
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
      const body = csvBody(spec.header, first, pages, (err) => console.error("export failed mid-stream", new URL(req.url).pathname, err));
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
      await pages?.return(undefined);
      return errorResponse(req, err);
    }
  };
}
