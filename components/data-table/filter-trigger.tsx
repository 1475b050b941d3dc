import type { ComponentProps, ReactNode } from "react";
import { Button } from "../ui/button";

/**
 * The dashed button that opens a toolbar filter (faceted or date range), with the filter's current
 * value beside its title. Used as a PopoverTrigger's child: the trigger's props and ref pass through.
 */
export function FilterTrigger({ icon, title, shown, ...props }: ComponentProps<"button"> & { icon: ReactNode; title: string; shown: string | null }) {
  return (
    <Button variant="outline" size="sm" className="h-8 max-w-full border-dashed" aria-label={shown ? `${title}: ${shown}` : title} {...props}>
      {icon}
      {title}
      {shown ? (
        <>
          <span aria-hidden="true" className="mx-0.5 h-4 w-px bg-border" />
          <span className="truncate rounded-sm bg-secondary px-1 font-normal text-secondary-foreground">{shown}</span>
        </>
      ) : null}
    </Button>
  );
}
