import fc from "fast-check";

/**
 * Generators of hostile input for test/fuzz.test.ts: strings Postgres cannot store (NUL, lone
 * surrogates), huge and unicode strings, SQL/LIKE metacharacters, prototype names, dates and numbers
 * out of range, and also values that are valid, so generated requests get past validation too.
 */
export const PROTO_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"] as const;

const specials = [
  "\u0000", "a\u0000b", "\u0000\u0000", "\ud800", "x\udfff", "\udbff\udfff", "\udc00\ud800", "%", "_", "\\", "%_%", "\\%", "'", "\"", "' OR 1=1 --",
  "'; drop table \"user\"; --", "$1", "::text", "ß", "Zoë Ünïcode", "İı", "\u202e", "😀", "\ufeff", "\uffff", "", " ", "   x   ", "\t\n", "null", "undefined",
  ...PROTO_NAMES, "-infinity", "infinity", "NaN", "1e309", "-1", "0", "1", "100", "101", "99999999999999999999", "-9223372036854775809", "1.5",
  "2026-13-45", "2026-02-30", "0000-01-01", "999999-01-01", "+275760-09-13T00:00:00Z", "2026-01-01T25:61:61Z", "9999-12-31T23:59:59Z",
  "2026-01-01 00:00:00+16", "1970-01-01", "2026-06-01", "2026-06-01T00:00:00Z", "2999-01-01T00:00:00Z", "2026-05-01T00:00:00.1234567+05:30",
  "192.0.2.0/24", "192.0.2.10", "::1", "2001:db8::/32", "999.1.1.1", "10.0.0.0/33", "::/0", "0.0.0.0/0", "1.2.3.4/-1",
  "user", "admin", "moderator", "support", "user,admin", "a,,b", "ban", "unban", "revokeSessions", "explode", "1h", "1d", "permanent",
  "true", "false", "-createdAt", "createdAt", "email", "-email", "name", "-name", "-lastActiveAt", "-at", "active", "banned", "expired",
  "credential", "google", "example", "fill.test", "@", "alice@example.com ", "u_", "s", "REVOKE ALL",
];

/** Any UTF-16 code unit, lone surrogates included (fast-check's string units never produce those alone). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const special = fc.constantFrom(...specials);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: special },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.tuple(special, fc.string({ maxLength: 6 }), special).map((p) => p.join("")) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("x", "%", "é", "\u0000", "😀"), fc.constantFrom(201, 501, 5_000, 70_000)).map(([c, n]) => c.repeat(n)) },
);

/** What Postgres cannot store, to be slipped into otherwise valid values. */
export const poison = fc.constantFrom("\u0000", "\ud800", "\udfff", "\udbff");

/** `value` with `bad` inserted into its (n mod count)-th string, so a valid input carries exactly one poisoned field. */
export function taintNth(value: unknown, n: number, bad: string): unknown {
  let i = 0;
  const strings = (v: unknown): number => (typeof v === "string" ? 1 : Array.isArray(v) ? v.reduce((a: number, x) => a + strings(x), 0) : v && typeof v === "object" ? Object.values(v).reduce((a: number, x) => a + strings(x), 0) : 0);
  const target = n % Math.max(1, strings(value));
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return i++ === target ? `${v.slice(0, 1)}${bad}${v.slice(1)}` : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}
export const tainted = <T>(arb: fc.Arbitrary<T>) => fc.tuple(arb, fc.nat(), poison).map(([v, n, bad]) => taintNth(v, n, bad));

const numbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1, 100, 101, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63), 8.64e15 + 1),
);

/** Any JSON value, strings hostile, nesting a few levels deep. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    numbers,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** One percent-encoded piece of a URL: lone surrogates become CESU-style bytes (invalid UTF-8), like a hostile client sends. */
export function percentEncode(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const bytes = [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** Raw URL junk: invalid percent sequences and invalid UTF-8 (overlong NUL, surrogates, truncated). */
const rawJunk = fc.constantFrom("%", "%z", "%zz", "%00", "%C0%80", "%FF%FE", "%ED%A0%80", "%ED%BF%BF", "%E2%82", "%F4%90%80%80", "+", "%2F", "%2E%2E", "..", "%25");

/** An encoded URL component: mostly well-formed encodings of hostile strings, sometimes raw junk. */
export const urlPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map(percentEncode) },
  { weight: 1, arbitrary: fc.array(fc.oneof(rawJunk, hostileString.map(percentEncode)), { minLength: 1, maxLength: 4 }).map((p) => p.join("")) },
);

/** Keyset cursors: the real encoding around values that are almost right (bad dates, NUL ids), or junk. */
const TIME_VALUES = [
  "2026-04-01 00:00:00+00", "2026-13-45 00:00:00+00", "0000-01-01 00:00:00+00", "2026-02-30 00:00:00", "2026-01-01 24:00:00", "2026-01-01 23:59:60",
  "2026-01-01 00:00:00+16", "9999-12-31 23:59:59-15", "-infinity", "999999-01-01 00:00:00", "2026-04-02 00:00:00.123456+00",
];
export const cursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.constantFrom("-createdAt", "createdAt", "email", "-email", "name", "-name", "-lastActiveAt", "-at"), hostileString),
      fc.oneof(fc.constantFrom(...TIME_VALUES), hostileString, fc.constant(null)),
      hostileString,
    )
    .map((c) => Buffer.from(JSON.stringify(c)).toString("base64url")),
  fc.tuple(fc.constantFrom("-createdAt", "-at", "email"), jsonValue).map((c) => Buffer.from(JSON.stringify(c)).toString("base64url")),
  hostileString,
);

/** Valid values of every list parameter, so most generated queries pass validation and reach SQL. */
const DATES = ["2026-01-01", "2026-05-01T00:00:00Z", "2026-03-02 10:00", "2025-12-31T23:00:00+01:00"];
const LIST_VALUES: Record<string, readonly string[]> = {
  q: ["example", "fill", "Zoë", "100%", "a_b", "gmail.com"], role: ["admin", "user", "moderator"], status: ["active", "banned", "expired"],
  verified: ["true", "false"], provider: ["credential", "google"], createdAfter: DATES, createdBefore: DATES, since: DATES,
  sort: ["-createdAt", "createdAt", "email", "-email", "name", "-name", "-lastActiveAt"], limit: ["1", "2", "50", "100"],
  user: ["alice@example.com", "u_bob"], ip: ["203.0.113.5", "192.0.2.0/24", "2001:db8::/32"], userAgent: ["Chrome", "python"],
  impersonated: ["true", "false"], actor: ["u_alice", "admin@fuzz.test"], target: ["u_bob"], action: ["user.ban", "users.bulk"], minScore: ["0", "50", "100"],
};
const LIST_KEYS = [...Object.keys(LIST_VALUES), "cursor"];

const listPair = fc.constantFrom(...LIST_KEYS).chain((k) => {
  const valid = k === "cursor" ? cursor : fc.constantFrom(...(LIST_VALUES[k] ?? [""]));
  const value = fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: tainted(valid) as fc.Arbitrary<string> }, { weight: 2, arbitrary: hostileString });
  return value.map((v) => `${k}=${percentEncode(v)}`);
});

/** A query string for a list route: known keys with valid, poisoned or hostile values, unknown keys, repeats, raw junk. */
export const queryString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: listPair },
      { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...PROTO_NAMES), urlPiece), urlPiece).map(([k, v]) => `${k}=${v}`) },
      { weight: 1, arbitrary: urlPiece },
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join("&"));

/** Every field name a mutation body knows, so random objects often have the right shape. */
export const BODY_KEYS = [
  "reason", "expiresAt", "duration", "role", "confirm", "action", "ids", "filter", "dryRun", "userIds", "all", "ip", "cidr", "user", "userAgent",
  "createdAfter", "createdBefore", "impersonated", "q", "status", "verified", "provider", "userId", "sessionId", ...PROTO_NAMES,
];

/** A JSON object shaped like a mutation body: known keys (valid or hostile values) plus unknown ones. */
export const bodyObject: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...BODY_KEYS) }, { weight: 1, arbitrary: hostileString }),
  fc.oneof(
    { weight: 3, arbitrary: jsonValue },
    { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...BODY_KEYS), jsonValue, { maxKeys: 4 }) },
  ),
  { maxKeys: 6 },
);

/** Bodies close to valid for each mutation, to be merged with hostile fields. */
export const VALID_BODIES: Record<string, unknown>[] = [
  { reason: "fuzz", duration: "1d" },
  { reason: "fuzz", expiresAt: "2999-01-01T00:00:00Z" },
  { role: "user,moderator" },
  { role: null },
  { confirm: "nobody@example.com" },
  { action: "ban", ids: ["missing-1"], reason: "fuzz" },
  { action: "unban", filter: { q: "example" } },
  { action: "revokeSessions", filter: { status: "banned", createdAfter: "2026-01-01" } },
  { ip: "192.0.2.0/24" },
  { cidr: "2001:db8::/32", userAgent: "curl" },
  { userIds: ["missing-2"] },
  { all: true },
  { user: "bob@gmail.com", createdAfter: "2026-01-01" },
];

/** A request body as text: a (mostly) shaped JSON object, any JSON value, or not JSON at all. */
type Body = { json: unknown } | { text: string };
export const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 3, arbitrary: tainted(fc.constantFrom(...VALID_BODIES)).map((json): Body => ({ json })) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...VALID_BODIES), bodyObject).map(([base, extra]): Body => ({ json: { ...base, ...extra } })) },
  { weight: 3, arbitrary: bodyObject.map((json): Body => ({ json })) },
  { weight: 1, arbitrary: jsonValue.map((json): Body => ({ json })) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom("", " ", "{", "[1,", "{\"reason\":}", "{\"reason\":\"\\u0000\"", "\u0000", "nul", "{\"a\":1}garbage", "[".repeat(5_000), "{\"__proto__\":{\"x\":1}}"),
      fc.string({ maxLength: 40 }),
    ).map((text): Body => ({ text })),
  },
);
