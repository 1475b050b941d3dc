"use client";
import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { useState } from "react";
import { type DateRange, DayPicker } from "react-day-picker";
import { fromParam, toParam } from "../users/date-range";
import { Button, buttonVariants } from "../ui/button";
import { cn } from "@/lib/ui/cn";

interface Props {
  title: string;
  /** the chosen days, YYYY-MM-DD, both included; "" when open-ended */
  from: string;
  to: string;
  /** the URL values: after (inclusive) and before (exclusive, the day after `to`) */
  onApply: (after: string | null, before: string | null) => void;
}

// The calendar works in local days; the URL in calendar dates. Converting through the date's own
// fields (never toISOString) keeps "1 Jan" from becoming "31 Dec" west of Greenwich.
const toDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
function toDate(day: string): Date | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function Chevron({ orientation }: { orientation?: "up" | "down" | "left" | "right" }) {
  return orientation === "left" ? <ChevronLeftIcon className="size-4" /> : <ChevronRightIcon className="size-4" />;
}

/** react-day-picker in range mode, styled like shadcn's Calendar; applies on "Apply" so a half-picked range never filters. */
export default function DateRangeCalendar({ title, from, to, onApply }: Props) {
  const [range, setRange] = useState<DateRange | undefined>(from || to ? { from: toDate(from), to: toDate(to) } : undefined);
  const apply = () => {
    const a = range?.from ? fromParam(toDay(range.from)) : null;
    const b = range?.to ? toParam(toDay(range.to)) : range?.from ? toParam(toDay(range.from)) : null;
    onApply(a, b);
  };
  return (
    <div className="p-3">
      <DayPicker
        mode="range"
        selected={range}
        onSelect={setRange}
        defaultMonth={range?.to ?? range?.from}
        showOutsideDays
        aria-label={title}
        classNames={{
          root: "relative w-fit",
          months: "flex flex-col gap-4",
          month: "flex flex-col gap-3",
          nav: "absolute inset-x-0 top-0 flex items-center justify-between",
          button_previous: cn(buttonVariants({ variant: "ghost", size: "icon" }), "size-8"),
          button_next: cn(buttonVariants({ variant: "ghost", size: "icon" }), "size-8"),
          month_caption: "flex h-8 items-center justify-center text-sm font-medium",
          month_grid: "border-collapse",
          weekdays: "flex",
          weekday: "w-9 text-[0.8rem] font-normal text-muted-foreground",
          week: "mt-1 flex",
          day: "size-9 p-0 text-center text-sm",
          day_button: "size-9 rounded-md hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 outline-none",
          selected: "[&>button]:bg-primary [&>button]:text-primary-foreground [&>button]:hover:bg-primary",
          range_middle: "[&>button]:!bg-accent [&>button]:!text-accent-foreground",
          today: "font-semibold underline underline-offset-4",
          outside: "text-muted-foreground opacity-60",
          disabled: "opacity-50",
          hidden: "invisible",
        }}
        components={{
          Chevron,
        }}
      />
      <div className="mt-3 flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={() => onApply(null, null)}>
          Clear
        </Button>
        <Button type="button" size="sm" onClick={apply}>
          Apply
        </Button>
      </div>
    </div>
  );
}
