"use client";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useId } from "react";
import { auditListSchema } from "@/lib/audit/search-params";
import { urlParsers } from "@/lib/url-state";
import { useTableTransition } from "../data-table/table-transition";
import { DebouncedInput } from "../ui/debounced-input";

/** Action names as the runner records them; a prefix ("users.bulk") matches all of its kind. */
const knownActions = [
  "user.ban", "user.unban", "user.verifyEmail", "user.setRole", "user.delete", "user.sessions.revoke", "session.revoke",
  "sessions.revoke.filter", "sessions.revoke.all", "users.bulk", "users.bulk.ban", "users.bulk.unban", "users.bulk.revokeSessions",
];

/** The audit filters (actor, target, action) in the URL; each change returns to the first page. */
export function AuditToolbar() {
  const { startTransition } = useTableTransition();
  const [f, setF] = useQueryStates(
    urlParsers(auditListSchema),
    { shallow: false, startTransition },
  );
  const id = useId();
  const set = (key: "actor" | "target" | "action", value: string) => void setF({ [key]: value.trim() || null, cursor: null });
  const active = Boolean(f.actor || f.target || f.action);
  return (
    <search aria-label="Filter the audit log"><form className="toolbar" onSubmit={(e) => e.preventDefault()}>
      <div className="toolbar-row">
        <div className="field field-grow">
          <label htmlFor={`${id}-actor`}>Staff member (email or id)</label>
          <DebouncedInput id={`${id}-actor`} className="input" value={f.actor ?? ""} autoComplete="off" spellCheck={false} onCommit={(v) => set("actor", v)} />
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-target`}>Target (user or session id)</label>
          <DebouncedInput id={`${id}-target`} className="input" value={f.target ?? ""} autoComplete="off" spellCheck={false} onCommit={(v) => set("target", v)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`}>Action</label>
          <DebouncedInput id={`${id}-action`} className="input" list={`${id}-actions`} value={f.action ?? ""} placeholder="any" autoComplete="off" onCommit={(v) => set("action", v)} />
          <datalist id={`${id}-actions`}>
            {knownActions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
        {active ? (
          <Link href="/audit" className="btn btn-ghost btn-sm toolbar-clear">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form></search>
  );
}
