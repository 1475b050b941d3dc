"use client";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useId } from "react";
import { organizationListSchema } from "@/lib/modules/organization/search-params";
import { urlParsers } from "@/lib/url-state";
import { useTableTransition } from "../data-table/table-transition";
import { DebouncedInput } from "../ui/debounced-input";

/** The organizations search (name or slug) in the URL; a change returns to the first page. */
export function OrganizationsToolbar() {
  const { startTransition } = useTableTransition();
  const [f, setF] = useQueryStates(urlParsers(organizationListSchema), { shallow: false, startTransition });
  const id = useId();
  return (
    <search aria-label="Search organizations">
      <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
        <div className="toolbar-row">
          <div className="field field-grow">
            <label htmlFor={`${id}-q`}>Name or slug</label>
            <DebouncedInput
              id={`${id}-q`} className="input" type="search" value={f.q ?? ""} autoComplete="off" spellCheck={false}
              onCommit={(v) => void setF({ q: v.trim() || null, cursor: null })}
            />
          </div>
          {f.q ? (
            <Link href="/organizations" className="btn btn-ghost btn-sm toolbar-clear">
              Clear search
            </Link>
          ) : null}
        </div>
      </form>
    </search>
  );
}
