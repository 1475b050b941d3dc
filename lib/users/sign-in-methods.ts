/**
 * The sign-in methods the users list names, as Better Auth stores them (`account.providerId`) and as
 * the table shows them. Client-safe: the facet's options and the server's parsing read this one list,
 * so what people read ("GitHub", "Email + password") is accepted wherever the id is. A plugin's own
 * methods come from its module (`signInOptions`): the server's registry gives them to
 * the parsing (lib/users/filters.ts) and, through the page, to the facet.
 */
export const SIGN_IN_METHODS = [
  { value: "credential", label: "Email + password" },
  { value: "google", label: "Google" },
  { value: "github", label: "GitHub" },
  { value: "apple", label: "Apple" },
  { value: "discord", label: "Discord" },
  { value: "microsoft", label: "Microsoft" },
  { value: "facebook", label: "Facebook" },
] as const;

/**
 * Typed or linked text → the provider id: a label or id of the list or of the modules' options
 * (`more`) in any case ("GitHub", "GITHUB", "email + password"), "password" and "email" for
 * credential; anything else is an app's own provider id, kept as typed (ids are case-sensitive; the
 * query also tries its lower case).
 */
export function providerIdOf(text: string, more: readonly { value: string; label: string }[] = []): string {
  const lower = text.trim().toLowerCase();
  if (lower === "password" || lower === "email") return "credential";
  return [...SIGN_IN_METHODS, ...more].find((m) => m.value === lower || m.label.toLowerCase() === lower)?.value ?? text.trim();
}
