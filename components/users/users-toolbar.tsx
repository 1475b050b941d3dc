"use client";
import { cn } from "@/lib/ui/cn";
import Link from "next/link";
import { useId } from "react";
import { DateRangeFilter } from "../data-table/date-range-filter";
import type { FacetDefinition } from "../data-table/facet";
import { FacetedFilter } from "../data-table/faceted-filter";
import { Button } from "../ui/button";
import { DebouncedInput } from "../ui/debounced-input";
import { Field, inputClass, NativeSelect, toolbarClass, toolbarRowClass } from "../ui/input";
import { FlaggedFilter } from "./flagged-filter";
import { userSortOptions } from "./sort-options";
import { userFacets } from "./user-facets";
import { useUserFilters } from "./use-user-filters";
import type { ListFilterView, SignInOption } from "@/lib/modules/types";
import { coreUserFilterKeys } from "@/lib/users/search-params";

const DEFAULT_SORT = "-createdAt";
export type FilterKey = string;
export type SetFilter = (key: FilterKey, value: string | null) => void;

/**
 * Search, sort and filters, all written to the URL. Typing is debounced (300 ms, DebouncedInput) so
 * the server renders once per pause, not per keystroke; menus apply at once. Every change returns to
 * the first page, since a cursor belongs to one result set.
 */
interface Props {
  /** the users-list filters of the modules that are on (lib/users/list-params.ts listFilterViews) */
  moduleFilters: readonly ListFilterView[];
  /** the sign-in methods modules add to the sign-in-method filter (lib/modules moduleSignInOptions) */
  signInOptions: readonly SignInOption[];
  searchPlaceholder: string;
  /** the "Flagged" filter, for roles that review spam; thresholds when a result is at hand */
  spam: { thresholds: { review: number; likely: number } | null } | null;
}

export function UsersToolbar({ moduleFilters, signInOptions, searchPlaceholder, spam }: Props) {
  const moduleKeys = moduleFilters.map((m) => m.key);
  const filterKeys = [...coreUserFilterKeys, ...moduleKeys];
  const [f, setF] = useUserFilters(moduleKeys);
  const searchId = useId();
  const sortId = useId();
  if (spam && f.flagged) return <FlaggedToolbar thresholds={spam.thresholds} filterKeys={filterKeys} />;

  const setFilter: SetFilter = (key, value) => {
    void setF({ [key]: value || null, cursor: null });
  };
  const active = filterKeys.some((k) => (f[k] ?? null) !== null);
  // "Clear filters" keeps the sort and page size: only what narrows the list is dropped.
  const keep = new URLSearchParams();
  if (f.sort) keep.set("sort", f.sort);
  if (f.limit) keep.set("limit", f.limit);
  const clearHref = keep.size ? `/users?${keep.toString()}` : "/users";
  // The modules' filters (a closed list of values each) after the core's role filter, as before.
  const core = userFacets(signInOptions);
  const facets: FacetDefinition<string>[] = [...core.slice(0, 1), ...moduleFilters.map(({ key, label, options }) => ({ key, title: label, options })), ...core.slice(1)];

  return (
    <search aria-label="Filter users">
      <form className={toolbarClass} onSubmit={(e) => e.preventDefault()}>
        <div className={toolbarRowClass}>
          <Field label="Search" htmlFor={searchId} className="flex-[1_1_280px]">
            <DebouncedInput
              id={searchId}
              type="search"
              className={inputClass}
              placeholder={searchPlaceholder}
              value={f.q ?? ""}
              onCommit={(v) => setFilter("q", v)}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <Field label="Sort" htmlFor={sortId}>
            <NativeSelect id={sortId} value={f.sort ?? DEFAULT_SORT} onChange={(e) => void setF({ sort: e.target.value === DEFAULT_SORT ? null : e.target.value, cursor: null })}>
              {userSortOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        <div className={cn(toolbarRowClass, "items-center gap-2")}>
          {facets.map((def) => (
            <FacetedFilter key={def.key} def={def} value={f[def.key] ?? null} onChange={(v) => setFilter(def.key, v)} />
          ))}
          <DateRangeFilter title="Created" after={f.createdAfter} before={f.createdBefore} onChange={(a, b) => void setF({ createdAfter: a, createdBefore: b, cursor: null })} />
          {spam ? <FlaggedFilter thresholds={spam.thresholds} filterKeys={filterKeys} /> : null}
          {active ? (
            <Button asChild variant="ghost" size="sm" className="ml-auto">
              <Link href={clearHref}>Clear filters</Link>
            </Button>
          ) : null}
        </div>
      </form>
    </search>
  );
}

/** The flagged view's toolbar: the level and a way back; search, filters and sort do not apply. */
function FlaggedToolbar({ thresholds, filterKeys }: { thresholds: { review: number; likely: number } | null; filterKeys: readonly string[] }) {
  return (
    <form className={toolbarClass} aria-label="Flagged users" onSubmit={(e) => e.preventDefault()}>
      <div className={cn(toolbarRowClass, "items-center")}>
        <FlaggedFilter thresholds={thresholds} filterKeys={filterKeys} />
        <p className="flagged-note min-w-0 flex-[1_1_240px] text-sm text-muted-foreground">
          Sorted by spam score, highest first. Search, filters and sorting do not apply to this view; the{" "}
          <Link href="/spam">spam review</Link> page explains each score.
        </p>
        <Button asChild variant="ghost" size="sm" className="ml-auto">
          <Link href="/users">Show all users</Link>
        </Button>
      </div>
    </form>
  );
}
