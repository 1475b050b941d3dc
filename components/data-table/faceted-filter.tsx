"use client";
import { CirclePlusIcon } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "../ui/popover";
import { FilterTrigger } from "./filter-trigger";
import { type FacetDefinition, facetLabelOf } from "./facet";

// The list (cmdk) loads on the first open: the trigger is all a page needs at first paint.
const FacetedFilterList = lazy(() => import("./faceted-filter-list"));

interface Props {
  def: FacetDefinition;
  /** the URL's value, null when the filter is off */
  value: string | null;
  onChange: (value: string | null) => void;
}

/**
 * shadcn's data-table faceted filter (popover + command list), single-valued: each filter key holds
 * one value in the URL schema. Choosing the selected value again, or "Clear", removes the filter.
 */
export function FacetedFilter({ def, value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const shown = value ? facetLabelOf(def.options, value) : null;
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <FilterTrigger icon={<CirclePlusIcon />} title={def.title} shown={shown} />
      </PopoverTrigger>
      <PopoverContent className="w-60">
        <Suspense fallback={<p className="p-3 text-sm text-muted-foreground">Loading…</p>}>
          <FacetedFilterList
            def={def}
            value={value}
            onPick={(v) => {
              onChange(v);
              setOpen(false);
            }}
          />
        </Suspense>
      </PopoverContent>
    </Popover>
  );
}
