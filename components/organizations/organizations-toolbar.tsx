"use client";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useId } from "react";
import { organizationListSchema } from "@/lib/modules/organization/search-params";
import { urlParsers } from "@/lib/url-state";
import { useTableTransition } from "../data-table/table-transition";
import { Button } from "../ui/button";
import { DebouncedInput } from "../ui/debounced-input";
import { Field, inputClass, toolbarClass, toolbarRowClass } from "../ui/input";

/** The organizations search (name or slug) in the URL; a change returns to the first page. */
export function OrganizationsToolbar() {
  const { startTransition } = useTableTransition();
  const [f, setF] = useQueryStates(urlParsers(organizationListSchema), { shallow: false, startTransition });
  const id = useId();
  return (
    <search aria-label="Search organizations">
      <form className={toolbarClass} onSubmit={(e) => e.preventDefault()}>
        <div className={toolbarRowClass}>
          <Field label="Name or slug" htmlFor={`${id}-q`} className="flex-[1_1_240px]">
            <DebouncedInput
              id={`${id}-q`} className={inputClass} type="search" value={f.q ?? ""} autoComplete="off" spellCheck={false}
              onCommit={(v) => void setF({ q: v.trim() || null, cursor: null })}
            />
          </Field>
          {f.q ? (
            <Button asChild variant="ghost" size="sm" className="ml-auto">
              <Link href="/organizations">Clear search</Link>
            </Button>
          ) : null}
        </div>
      </form>
    </search>
  );
}
