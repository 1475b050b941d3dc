/** Tailwind classes shared by the account-fix panels and dialogs (no legacy.css). */
export const panelClass = "flex flex-col gap-3 rounded-lg border bg-card p-4 text-card-foreground shadow-xs";
export const panelTitleClass = "text-base font-semibold";
export const mutedClass = "text-sm text-muted-foreground";
export const fieldClass = "flex flex-col gap-1.5";
export const labelClass = "text-sm font-medium";
export const inputClass =
  "h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50";
export const rowClass = "flex flex-wrap items-center gap-2";
export const errorClass = "rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive";
