import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

/** shadcn/ui's Input classes, shared by Input, DebouncedInput and the few native selects left (sort, page size). */
export const inputClass =
  "h-8 w-full min-w-0 rounded-md border border-input bg-card px-2.5 text-sm shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50";

export const selectClass = `${inputClass} w-auto pr-7`;

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input data-slot="input" className={cn(inputClass, className)} {...props} />;
}

export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return <select data-slot="native-select" className={cn(selectClass, className)} {...props} />;
}

/** A label above its control, the toolbars' layout. */
export function Field({ label, htmlFor, className, children }: { label: string; htmlFor: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <label htmlFor={htmlFor} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The filter bar's frame: a card, rows that wrap on a phone. */
export const toolbarClass = "mb-3 flex flex-col gap-2.5 rounded-lg border bg-card p-3";
export const toolbarRowClass = "flex flex-wrap items-end gap-2.5";
