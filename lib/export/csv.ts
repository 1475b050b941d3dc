/**
 * CSV for spreadsheets (RFC 4180: comma, CRLF, quotes doubled). Pure: no database, client-safe.
 *
 * Formula neutralisation (OWASP "CSV injection"): a cell a spreadsheet would evaluate — one that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return — gets a leading `'`, so a user who
 * names themselves `=HYPERLINK(…)` cannot run anything on the staff member who opens the export.
 * Applied to every text cell, whatever its column: names, emails, user agents and audit reasons are
 * all typed by someone. Numbers and dates are formatted here and never start with those characters
 * (negative numbers do not occur in the exported columns).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | Date | null | undefined;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  const text = v instanceof Date ? v.toISOString() : typeof v === "string" ? neutralise(v) : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly CsvValue[]) => `${cells.map(csvCell).join(",")}\r\n`;

/**
 * Counts the records in a stream of CSV text without buffering it (the export button's progress):
 * a line break inside a quoted cell is not a record boundary. Feed chunks in order.
 */
export function recordCounter() {
  let quoted = false;
  let records = 0;
  return {
    feed(chunk: string) {
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 34) quoted = !quoted; // '"' (a doubled quote toggles twice: no change)
        else if (c === 10 && !quoted) records++; // '\n' ends a record
      }
      return records;
    },
    get records() {
      return records;
    },
  };
}
