/**
 * The tables' look (shadcn's Table, as one class string for the plain <table> elements the data
 * table shell and the detail panels render): header cells sticky on a muted band, rows tinted on
 * hover, selected rows (data-selected) in the accent colour.
 */
export const tableClass =
  "w-full border-collapse text-[13.5px] [&_td]:border-b [&_td]:px-3 [&_td]:py-2 [&_th]:sticky [&_th]:top-0 [&_th]:border-b [&_th]:bg-muted [&_th]:px-3 [&_th]:py-2 [&_th]:text-left [&_th]:text-xs [&_th]:font-semibold [&_th]:whitespace-nowrap [&_th]:text-muted-foreground [&_tbody_tr:hover_td]:bg-muted/50 [&_tbody_tr:last-child_td]:border-b-0 [&_tbody_tr[data-selected]_td]:bg-accent";
