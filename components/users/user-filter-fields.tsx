"use client";
import { useId } from "react";
import { DebouncedInput } from "../ui/debounced-input";
import { fromInputValue, fromParam, toInputValue, toParam } from "./date-range";
import type { FilterKey, SetFilter } from "./users-toolbar";

const commonRoles = ["user", "admin", "moderator", "support"];
const commonProviders = [
  ["credential", "Email + password"],
  ["google", "Google"],
  ["github", "GitHub"],
  ["apple", "Apple"],
  ["discord", "Discord"],
] as const;

/**
 * The filter inputs. Role and sign-in method are free text with suggestions (apps define their own
 * roles and providers); status only exists when the admin plugin's ban columns do.
 */
export function UserFilterFields({ values, setFilter, bansTracked }: { values: Record<FilterKey, string | null>; setFilter: SetFilter; bansTracked: boolean }) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-role`}>Role</label>
        <DebouncedInput id={`${id}-role`} className="input input-narrow" list={`${id}-roles`} value={values.role ?? ""} placeholder="any" autoComplete="off" onCommit={(v) => setFilter("role", v)} />
        <datalist id={`${id}-roles`}>
          {commonRoles.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </div>
      {bansTracked ? (
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} className="select" value={values.status ?? ""} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="banned">Banned</option>
            <option value="expired">Ban expired</option>
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-verified`}>Email</label>
        <select id={`${id}-verified`} className="select" value={values.verified ?? ""} onChange={(e) => setFilter("verified", e.target.value)}>
          <option value="">Any</option>
          <option value="true">Verified</option>
          <option value="false">Unverified</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-provider`}>Sign-in method</label>
        <DebouncedInput id={`${id}-provider`} className="input input-narrow" list={`${id}-providers`} value={values.provider ?? ""} placeholder="any" autoComplete="off" onCommit={(v) => setFilter("provider", v)} />
        <datalist id={`${id}-providers`}>
          {commonProviders.map(([value, label]) => (
            <option key={value} value={value} label={label} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>Created from</label>
        {/* Typing a year fires a change per digit: debounced like text. */}
        <DebouncedInput id={`${id}-from`} type="date" className="input" value={fromInputValue(values.createdAfter)} onCommit={(v) => setFilter("createdAfter", fromParam(v))} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>to (inclusive)</label>
        <DebouncedInput id={`${id}-to`} type="date" className="input" value={toInputValue(values.createdBefore)} onCommit={(v) => setFilter("createdBefore", toParam(v))} />
      </div>
    </>
  );
}
