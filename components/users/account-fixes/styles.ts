/** Tailwind classes of the account-fix panels, matching the user page's other panels (no legacy.css). */
export const panelClass = "flex min-w-0 flex-col gap-3 rounded-md border bg-card p-4 shadow-xs";
export const mutedClass = "text-sm text-muted-foreground";
export const rowClass = "flex flex-wrap items-center gap-2";
