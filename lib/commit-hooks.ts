/**
 * Listeners told about every action after its transaction commits (never before, never on a
 * rollback): in-process caches patch themselves from the record instead of being recomputed (the
 * spam queue drops an account a ban or a clearance took out of review at once, whichever page or API route acted).
 * A base-layer module with no imports, so the query layers below the runner (lib/spam/cache.ts)
 * may register here.
 * Keyed by name and held on globalThis, since Next may load a module once per bundle: a second
 * copy replaces the first instead of running twice.
 */
/** What a hook is told: the committed action's audit record (lib/audit/types.ts AuditRecord) in part. */
export interface CommittedAction {
  action: string;
  targetIds: readonly string[];
  /** the commit's time, from the database clock */
  at: Date;
}
export type CommitHook = (record: CommittedAction) => void;

const holder = globalThis as typeof globalThis & { __commitHooks?: Map<string, CommitHook> };
const hooks = () => (holder.__commitHooks ??= new Map());

export function setCommitHook(name: string, hook: CommitHook): void {
  hooks().set(name, hook);
}

/** Runs every hook; one that throws is logged and does not fail the committed action (nor the others). */
export function runCommitHooks(record: CommittedAction): void {
  for (const [name, hook] of hooks()) {
    try {
      hook(record);
    } catch (err) {
      console.error(`commit hook ${name} failed after ${record.action}`, err);
    }
  }
}
