"use client";
import { CalendarIcon } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { fromInputValue, toInputValue } from "../users/date-range";
import { Popover, PopoverContent, PopoverTrigger } from "../ui/popover";
import { FilterTrigger } from "./filter-trigger";

// The calendar (react-day-picker and date-fns) loads on the first open, like the faceted lists.
const DateRangeCalendar = lazy(() => import("./date-range-calendar"));

interface Props {
  title: string;
  /** the URL's lower bound (inclusive) and upper bound (exclusive), as the schema holds them */
  after: string | null;
  before: string | null;
  onChange: (after: string | null, before: string | null) => void;
}

/** "1 Jan 2026": the day a YYYY-MM-DD value names, in words, without any time zone shift. */
function dayLabel(value: string) {
  const [y, m, d] = value.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/**
 * A date range in a popover (shadcn's date-range picker pattern). The trigger names the range as
 * people think of it, both days included; date-range.ts turns that into the URL's half-open range.
 */
export function DateRangeFilter({ title, after, before, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const from = fromInputValue(after);
  const to = toInputValue(before);
  const shown = from && to ? `${dayLabel(from)} – ${dayLabel(to)}` : from ? `from ${dayLabel(from)}` : to ? `until ${dayLabel(to)}` : null;
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <FilterTrigger icon={<CalendarIcon />} title={title} shown={shown} />
      </PopoverTrigger>
      <PopoverContent className="w-auto max-w-[calc(100vw-1rem)]">
        <Suspense fallback={<p className="p-3 text-sm text-muted-foreground">Loading…</p>}>
          <DateRangeCalendar
            title={title}
            from={from}
            to={to}
            onApply={(a, b) => {
              onChange(a, b);
              setOpen(false);
            }}
          />
        </Suspense>
      </PopoverContent>
    </Popover>
  );
}
