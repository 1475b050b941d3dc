// Plain JavaScript so next.config.mjs (which Next loads without compiling) and the TypeScript code
// share one reading of BASE_PATH. Types: lib/base-path.d.mts.

/** A path segment of a URL that needs no escaping (RFC 3986 unreserved characters). */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * BASE_PATH as Next's basePath wants it: "" (served at the root) or "/a/b", leading slash, no
 * trailing one. "/" and blank mean the root. Throws a message naming the variable on anything else.
 * @param {string | undefined} raw
 * @returns {string}
 */
export function parseBasePath(raw) {
  const value = (raw ?? "").trim().replace(/\/+$/, "");
  if (value === "") return "";
  const segments = value.split("/").slice(1);
  if (!value.startsWith("/") || segments.some((s) => !SEGMENT.test(s) || s === "." || s === "..")) {
    throw new Error(`BASE_PATH must look like /admin (a leading slash, letters, digits, . _ ~ -), not "${raw}"`);
  }
  return value;
}

/**
 * Where a base-path build goes: its own folder, so the root build in .next (the one the tests and
 * the published package use) is never overwritten by one that serves under another path.
 * @param {string} basePath
 * @returns {string}
 */
export function distDirFor(basePath) {
  return basePath ? `.next-base${basePath}` : ".next";
}

/**
 * An app path ("/api/v1/users") as the browser must request it. For what Next does not prefix on its
 * own: fetch(), EventSource, window.location. <Link>, router.push and redirect() add it themselves.
 * NEXT_PUBLIC_BASE_PATH is set by next.config.mjs from the BASE_PATH of the build and inlined.
 * @param {string} path
 * @returns {string}
 */
export function withBasePath(path) {
  return `${process.env.NEXT_PUBLIC_BASE_PATH ?? ""}${path}`;
}
