"use client";
import Link from "next/link";
import { useId } from "react";
import { DebouncedInput } from "../ui/debounced-input";
import { FlaggedFilter } from "./flagged-filter";
import { userSortOptions } from "./sort-options";
import { UserFilterFields } from "./user-filter-fields";
import { useUserFilters } from "./use-user-filters";
import { type UserFilterKey, userFilterKeys } from "@/lib/users/search-params";

const DEFAULT_SORT = "-createdAt";
const filterKeys = userFilterKeys;
export type FilterKey = UserFilterKey;
export type SetFilter = (key: FilterKey, value: string | null) => void;

/**
 * Search, sort and filters, all written to the URL. Typing is debounced (300 ms, DebouncedInput) so
 * the server renders once per pause, not per keystroke; menus apply at once. Every change returns to
 * the first page, since a cursor belongs to one result set.
 */
interface Props {
  bansTracked: boolean;
  searchPlaceholder: string;
  /** the "Flagged" filter, for roles that review spam; thresholds when a result is at hand */
  spam: { thresholds: { review: number; likely: number } | null } | null;
}

export function UsersToolbar({ bansTracked, searchPlaceholder, spam }: Props) {
  const [f, setF] = useUserFilters();
  const searchId = useId();
  const sortId = useId();
  if (spam && f.flagged) return <FlaggedToolbar thresholds={spam.thresholds} />;

  const setFilter: SetFilter = (key, value) => {
    void setF({ [key]: value || null, cursor: null });
  };
  const active = filterKeys.some((k) => f[k] !== null);
  // "Clear filters" keeps the sort and page size: only what narrows the list is dropped.
  const keep = new URLSearchParams();
  if (f.sort) keep.set("sort", f.sort);
  if (f.limit) keep.set("limit", f.limit);
  const clearHref = keep.size ? `/users?${keep.toString()}` : "/users";

  return (
    <search aria-label="Filter users"><form className="toolbar" onSubmit={(e) => e.preventDefault()}>
      <div className="toolbar-row">
        <div className="field field-grow">
          <label htmlFor={searchId}>Search</label>
          <DebouncedInput
            id={searchId}
            type="search"
            className="input"
            placeholder={searchPlaceholder}
            value={f.q ?? ""}
            onCommit={(v) => setFilter("q", v)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor={sortId}>Sort</label>
          <select
            id={sortId}
            className="select"
            value={f.sort ?? DEFAULT_SORT}
            onChange={(e) => void setF({ sort: e.target.value === DEFAULT_SORT ? null : e.target.value, cursor: null })}
          >
            {userSortOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="toolbar-row">
        <UserFilterFields values={f} setFilter={setFilter} bansTracked={bansTracked} />
        {spam ? <FlaggedFilter thresholds={spam.thresholds} /> : null}
        {active ? (
          <Link href={clearHref} className="btn btn-ghost btn-sm toolbar-clear">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form></search>
  );
}

/** The flagged view's toolbar: the level and a way back; search, filters and sort do not apply. */
function FlaggedToolbar({ thresholds }: { thresholds: { review: number; likely: number } | null }) {
  return (
    <form className="toolbar" aria-label="Flagged users" onSubmit={(e) => e.preventDefault()}>
      <div className="toolbar-row">
        <FlaggedFilter thresholds={thresholds} />
        <p className="muted flagged-note">
          Sorted by spam score, highest first. Search, filters and sorting do not apply to this view; the{" "}
          <Link href="/spam">spam review</Link> page explains each score.
        </p>
        <Link href="/users" className="btn btn-ghost btn-sm toolbar-clear">
          Show all users
        </Link>
      </div>
    </form>
  );
}
