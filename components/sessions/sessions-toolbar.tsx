"use client";
import Link from "next/link";
import { useId } from "react";
import { DebouncedInput } from "../ui/debounced-input";
import { fromInputValue, fromParam, toInputValue, toParam } from "../users/date-range";
import { type SessionFilterKey, sessionFilterKeys } from "./filter-keys";
import { useSessionFilters } from "./use-session-filters";

/**
 * The sessions filters, all in the URL so a link reproduces the view (and "Revoke all matching" acts on
 * exactly what is shown). Text is debounced; every change returns to the first page.
 */
export function SessionsToolbar({ showImpersonation }: { showImpersonation: boolean }) {
  const [f, setF] = useSessionFilters();
  const id = useId();
  const set = (key: SessionFilterKey, value: string | null) => void setF({ [key]: value || null, cursor: null });
  const active = sessionFilterKeys.some((k) => f[k] !== null);
  return (
    <search aria-label="Filter sessions"><form className="toolbar" onSubmit={(e) => e.preventDefault()}>
      <div className="toolbar-row">
        <div className="field field-wide">
          <label htmlFor={`${id}-user`}>User (email or id)</label>
          <DebouncedInput id={`${id}-user`} className="input" value={f.user ?? ""} placeholder="someone@example.com" autoComplete="off" spellCheck={false} onCommit={(v) => set("user", v.trim())} />
        </div>
        <div className="field field-wide">
          <label htmlFor={`${id}-ip`}>IP address or CIDR range</label>
          <DebouncedInput id={`${id}-ip`} className="input" value={f.ip ?? ""} placeholder="203.0.113.0/24" autoComplete="off" spellCheck={false} onCommit={(v) => set("ip", v.trim())} />
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-ua`}>User agent contains</label>
          <DebouncedInput id={`${id}-ua`} className="input" value={f.userAgent ?? ""} placeholder="python-requests" autoComplete="off" spellCheck={false} onCommit={(v) => set("userAgent", v)} />
        </div>
      </div>
      <div className="toolbar-row">
        <div className="field">
          <label htmlFor={`${id}-from`}>Created from</label>
          <DebouncedInput id={`${id}-from`} type="date" className="input" value={fromInputValue(f.createdAfter)} onCommit={(v) => set("createdAfter", fromParam(v))} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>to (inclusive)</label>
          <DebouncedInput id={`${id}-to`} type="date" className="input" value={toInputValue(f.createdBefore)} onCommit={(v) => set("createdBefore", toParam(v))} />
        </div>
        {showImpersonation ? (
          <div className="field">
            <label htmlFor={`${id}-imp`}>Impersonation</label>
            <select id={`${id}-imp`} className="select" value={f.impersonated ?? ""} onChange={(e) => set("impersonated", e.target.value)}>
              <option value="">Any session</option>
              <option value="true">Impersonation only</option>
              <option value="false">Not impersonated</option>
            </select>
          </div>
        ) : null}
        {active ? (
          <Link href={f.limit ? `/sessions?limit=${encodeURIComponent(f.limit)}` : "/sessions"} className="btn btn-ghost btn-sm toolbar-clear">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form></search>
  );
}
