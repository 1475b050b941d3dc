/** Tailwind classes of the account-fix panels, matching the user page's other panels (no legacy.css). */
export { panelClass } from "../../ui/panel";
export const mutedClass = "text-sm text-muted-foreground";
export const rowClass = "flex flex-wrap items-center gap-2";
