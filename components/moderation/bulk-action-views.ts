import type { BulkActionView } from "@/lib/modules/client-types";
import { clientModules } from "@/lib/modules/client-registry";

/**
 * The users list's bulk verbs as the browser shows them: the core's "Sign out", then every module's
 * (their client entries' `bulkActions`, e.g. the admin plugin's ban and unban). The server's side
 * is lib/moderation/bulk-actions.ts and the modules' verbs (lib/actions/bulk-verbs.ts).
 */
export const coreBulkActions: readonly BulkActionView[] = [
  { action: "revokeSessions", label: "Sign out", button: "outline", title: "Sign users out", verb: "Sign out", tone: "danger", done: "Signed out", countsSelected: true, endsSessions: true },
];

/** The verbs the bulk bar offers: the core's and those of the modules that are on, modules first (as before). */
export const bulkActionViews = (on: readonly string[]): readonly BulkActionView[] => [
  ...clientModules.filter((m) => on.includes(m.id)).flatMap((m) => m.bulkActions ?? []),
  ...coreBulkActions,
];

/** One verb by name, whether its module is on or not (a result reads in words either way). */
export const bulkActionView = (action: string): BulkActionView | undefined =>
  [...coreBulkActions, ...clientModules.flatMap((m) => m.bulkActions ?? [])].find((v) => v.action === action);

/** The modules' words for the users their verbs leave alone, by skip key, in module order. */
export const moduleSkipWords: readonly [string, (n: number) => string][] = clientModules.flatMap((m) => Object.entries(m.skipped ?? {}));
