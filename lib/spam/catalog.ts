/**
 * Every signal the engine knows, by family. Within a family only the strongest signal counts for an
 * account (they describe one fact: a throwaway domain and a generated local part are both "this
 * address was made to be thrown away"), families add up, and the total is clamped to 0–100.
 */
export const SIGNALS = [
  { id: "email.disposable", family: "email", label: "Throwaway email provider" },
  { id: "email.mailbox", family: "email", label: "One Gmail mailbox behind several accounts (dot and +tag variants)" },
  { id: "email.sequence", family: "email", label: "Sequentially numbered addresses (prefix1, prefix2 …)" },
  { id: "email.generated", family: "email", label: "Generated-looking address (compared with this app's users)" },
  { id: "email.digits", family: "email", label: "Address made mostly of digits" },
  { id: "burst.ip", family: "co-occurrence", label: "Many sign-ups from one IP address" },
  { id: "burst.subnet", family: "co-occurrence", label: "Many sign-ups from one /24 (IPv4) or /48 (IPv6) network" },
  { id: "burst.domain", family: "co-occurrence", label: "Burst of sign-ups on one email domain" },
  { id: "burst.ua", family: "co-occurrence", label: "Burst of sign-ups with one exact user agent" },
  { id: "client.library", family: "client", label: "Signed up with an HTTP library or script (curl, python-requests …)" },
  { id: "client.headless", family: "client", label: "Signed up with a headless browser" },
  { id: "client.empty", family: "client", label: "Signed up without a user agent" },
  { id: "client.bot", family: "client", label: "Signed up with a crawler or bot user agent" },
  { id: "client.outdated", family: "client", label: "Browser far older than this app's users' browsers" },
  { id: "lifecycle.unverified", family: "lifecycle", label: "Never verified the email address" },
  { id: "lifecycle.noreturn", family: "lifecycle", label: "Never came back after signing up" },
  { id: "content.link", family: "content", label: "Link or contact handle in the display name" },
  { id: "content.ad", family: "content", label: "Advertising words in the display name" },
  { id: "cluster.outcome", family: "cluster", label: "Part of a group of sign-ups that rarely come back" },
  { id: "trust.oauth", family: "trust", label: "Signed in with an OAuth provider (subtracts)" },
  { id: "trust.active", family: "trust", label: "Verified and active on several days (subtracts)" },
] as const;

export type SignalId = (typeof SIGNALS)[number]["id"];
export type Family = (typeof SIGNALS)[number]["family"];

export const familyOf = Object.fromEntries(SIGNALS.map((s) => [s.id, s.family])) as Record<SignalId, Family>;
