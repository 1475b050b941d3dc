/** Tailwind classes of the account-fix panels (the panels themselves are Card, components/ui/card.tsx). */
export const mutedClass = "text-sm text-muted-foreground";
export const rowClass = "flex flex-wrap items-center gap-2";
