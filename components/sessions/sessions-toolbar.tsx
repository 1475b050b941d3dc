"use client";
import { cn } from "@/lib/ui/cn";
import Link from "next/link";
import { useId } from "react";
import { DateRangeFilter } from "../data-table/date-range-filter";
import type { FacetDefinition } from "../data-table/facet";
import { FacetedFilter } from "../data-table/faceted-filter";
import { Button } from "../ui/button";
import { DebouncedInput } from "../ui/debounced-input";
import { Field, inputClass, toolbarClass, toolbarRowClass } from "../ui/input";
import { type SessionFilterKey, sessionFilterKeys } from "./filter-keys";
import { useSessionFilters } from "./use-session-filters";

/**
 * The sessions filters (the modules' with them), all in the URL so a link reproduces the view (and "Revoke all matching" acts on
 * exactly what is shown). Text is debounced; every change returns to the first page.
 */
export function SessionsToolbar({ moduleFacets }: { moduleFacets: readonly FacetDefinition<SessionFilterKey>[] }) {
  const [f, setF] = useSessionFilters();
  const id = useId();
  const set = (key: SessionFilterKey, value: string | null) => void setF({ [key]: value || null, cursor: null });
  const active = sessionFilterKeys.some((k) => f[k] !== null);
  return (
    <search aria-label="Filter sessions">
      <form className={toolbarClass} onSubmit={(e) => e.preventDefault()}>
        <div className={toolbarRowClass}>
          <Field label="User (email or id)" htmlFor={`${id}-user`} className="flex-[1_1_220px]">
            <DebouncedInput id={`${id}-user`} className={inputClass} value={f.user ?? ""} placeholder="someone@example.com" autoComplete="off" spellCheck={false} onCommit={(v) => set("user", v.trim())} />
          </Field>
          <Field label="IP address or CIDR range" htmlFor={`${id}-ip`} className="flex-[1_1_220px]">
            <DebouncedInput id={`${id}-ip`} className={inputClass} value={f.ip ?? ""} placeholder="203.0.113.0/24" autoComplete="off" spellCheck={false} onCommit={(v) => set("ip", v.trim())} />
          </Field>
          <Field label="User agent contains" htmlFor={`${id}-ua`} className="flex-[1_1_280px]">
            <DebouncedInput id={`${id}-ua`} className={inputClass} value={f.userAgent ?? ""} placeholder="python-requests" autoComplete="off" spellCheck={false} onCommit={(v) => set("userAgent", v)} />
          </Field>
        </div>
        <div className={cn(toolbarRowClass, "items-center gap-2")}>
          <DateRangeFilter title="Created" after={f.createdAfter} before={f.createdBefore} onChange={(a, b) => void setF({ createdAfter: a, createdBefore: b, cursor: null })} />
          {/* the modules' filters (lib/modules `sessionRow.filters`), while their column exists */}
          {moduleFacets.map((def) => (
            <FacetedFilter key={def.key} def={def} value={f[def.key]} onChange={(v) => set(def.key, v)} />
          ))}
          {active ? (
            <Button asChild variant="ghost" size="sm" className="ml-auto">
              <Link href={f.limit ? `/sessions?limit=${encodeURIComponent(f.limit)}` : "/sessions"}>Clear filters</Link>
            </Button>
          ) : null}
        </div>
      </form>
    </search>
  );
}
