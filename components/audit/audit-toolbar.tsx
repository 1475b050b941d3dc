"use client";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useId, useMemo } from "react";
import { auditListSchema } from "@/lib/audit/search-params";
import { urlParsers } from "@/lib/url-state";
import { DateRangeFilter } from "../data-table/date-range-filter";
import type { FacetDefinition } from "../data-table/facet";
import { FacetedFilter } from "../data-table/faceted-filter";
import { useTableTransition } from "../data-table/table-transition";
import { Button } from "../ui/button";
import { DebouncedInput } from "../ui/debounced-input";
import { Field, inputClass, toolbarClass, toolbarRowClass } from "../ui/input";

/**
 * Action names as the runner records them, the core's then the modules' (`moduleActions`, from the
 * page: lib/modules `audit.filter`); a prefix ("users.bulk") matches all of its kind, and any other
 * name or prefix can be typed (the schema checks its shape).
 */
const actionFacet = (moduleActions: readonly (readonly [string, string])[]): FacetDefinition<"action"> => ({
  key: "action",
  title: "Action",
  allowCustom: true,
  options: [
    ["user.verifyEmail", "Verify email"], ["user.setRole", "Change role"], ["user.delete", "Delete user"],
    ["user.sessions.revoke", "Sign out everywhere"], ["session.revoke", "Revoke a session"], ["sessions.revoke.filter", "Revoke matching sessions"],
    ["sessions.revoke.all", "Revoke every session"], ["users.bulk", "Any bulk action"],
    ["users.bulk.revokeSessions", "Bulk sign out"], ["user.passwordReset", "Send password reset"], ["user.verificationEmail", "Resend verification email"],
    ["user.update", "Edit profile"], ["user.account.unlink", "Remove a sign-in method"],
    ...moduleActions,
  ].map(([value, label]) => ({ value: value as string, label: `${label} (${value})` })),
});

/** The audit filters (actor, target, action) in the URL; each change returns to the first page. */
export function AuditToolbar({ moduleActions }: { moduleActions: readonly (readonly [string, string])[] }) {
  const { startTransition } = useTableTransition();
  const [f, setF] = useQueryStates(urlParsers(auditListSchema), { shallow: false, startTransition });
  const id = useId();
  const facet = useMemo(() => actionFacet(moduleActions), [moduleActions]);
  const set = (key: "actor" | "target" | "action", value: string | null) => void setF({ [key]: value?.trim() || null, cursor: null });
  const active = Boolean(f.actor || f.target || f.action || f.after || f.before);
  return (
    <search aria-label="Filter the audit log">
      <form className={toolbarClass} onSubmit={(e) => e.preventDefault()}>
        <div className={toolbarRowClass}>
          <Field label="Staff member (email or id)" htmlFor={`${id}-actor`} className="flex-[1_1_240px]">
            <DebouncedInput id={`${id}-actor`} className={inputClass} value={f.actor ?? ""} autoComplete="off" spellCheck={false} onCommit={(v) => set("actor", v)} />
          </Field>
          <Field label="Target (user or session id)" htmlFor={`${id}-target`} className="flex-[1_1_240px]">
            <DebouncedInput id={`${id}-target`} className={inputClass} value={f.target ?? ""} autoComplete="off" spellCheck={false} onCommit={(v) => set("target", v)} />
          </Field>
          <FacetedFilter def={facet} value={f.action} onChange={(v) => set("action", v)} />
          <DateRangeFilter title="Date" after={f.after} before={f.before} onChange={(a, b) => void setF({ after: a, before: b, cursor: null })} />
          {active ? (
            <Button asChild variant="ghost" size="sm" className="ml-auto">
              <Link href="/audit">Clear filters</Link>
            </Button>
          ) : null}
        </div>
      </form>
    </search>
  );
}
