import { auditWords } from "../modules";

/**
 * Audit actions in plain words ("signed out everywhere 3 users"), for people reading the log; the
 * recorded name (`users.bulk.revokeSessions`) stays on hover and in the filter. The core's actions
 * here, a module's from its declaration (`audit.words`). Pure; server-side (it reads the registry).
 */
const VERBS: Record<string, string> = {
  "user.verifyEmail": "marked verified the email of",
  "user.setRole": "changed the role of",
  "user.delete": "deleted",
  "user.passwordReset": "sent a password-reset email to",
  "user.verificationEmail": "sent a verification email to",
  "user.update": "edited the profile of",
  "user.account.unlink": "unlinked a sign-in method of",
  "spam.clear": "cleared as not spam",
  "spam.unclear": "undid 'not spam' for",
  "user.sessions.revoke": "signed out everywhere",
  "session.revoke": "revoked",
  "sessions.revoke.filter": "revoked, by filter,",
  "sessions.revoke.all": "revoked every session:",
  "users.bulk.revokeSessions": "signed out everywhere",
};

export function describeAction(action: string, targetCount: number, targetType: string): string {
  const verb = Object.hasOwn(VERBS, action) ? VERBS[action] : Object.hasOwn(auditWords, action) ? auditWords[action] : undefined;
  const noun = `${targetCount.toLocaleString("en")} ${targetType}${targetCount === 1 ? "" : "s"}`;
  return verb ? `${verb} ${noun}` : `${action} (${noun})`;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/**
 * Before/after as the fields that changed, each as compact JSON (`role: "user" → "admin"`), when both
 * sides are objects; otherwise none (the raw JSON is shown instead). A field only one side has is a
 * change from or to "—".
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) return [];
  const shown = (o: Record<string, unknown>, k: string) => (Object.hasOwn(o, k) ? JSON.stringify(o[k]) : "—");
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((field) => {
    const b = shown(before, field);
    const a = shown(after, field);
    return b === a ? [] : [{ field, before: b, after: a }];
  });
}
