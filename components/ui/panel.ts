/** A titled card on a page (the user page's panels, a module page's sections, the spam panels). */
export const panelClass = "flex min-w-0 flex-col gap-3 rounded-md border bg-card p-4 shadow-xs";
