import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";
import { panelClass } from "./panel";

/**
 * shadcn's Card as this dashboard's panels look (panelClass): a titled <section> on a page (the
 * user page's panels, a module page's sections). Give it aria-labelledby with the title's id.
 * No CardContent: a panel's content sits directly in the card (its gap spaces it), so a wrapper
 * would only add a level.
 */
export function Card({ className, ...props }: ComponentProps<"section">) {
  return <section data-slot="card" className={cn(panelClass, className)} {...props} />;
}

/** The title row when a panel has something beside its title (a count, a link). */
export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="card-header" className={cn("flex flex-wrap items-baseline justify-between gap-3", className)} {...props} />;
}

export function CardTitle(props: ComponentProps<"h2">) {
  return <h2 data-slot="card-title" {...props} />;
}
