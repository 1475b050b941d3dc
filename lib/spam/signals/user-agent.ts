import { isbot } from "isbot";

/**
 * What kind of client sent the sign-up request, from its user agent.
 *   empty     no user agent at all (browsers always send one)
 *   native    the app's own mobile/desktop client (allow-listed: okhttp, CFNetwork, …)
 *   headless  a browser driven by a script (HeadlessChrome, PhantomJS, Puppeteer …)
 *   library   an HTTP library or tool (curl, python-requests, Go-http-client, axios …)
 *   bot       anything else isbot recognises (crawlers, monitors)
 *   browser   a browser, with its engine's major version when it tells one
 */
export type ClientClass = "empty" | "native" | "headless" | "library" | "bot" | "browser";

export interface ClientInfo {
  kind: ClientClass;
  /** "chrome" | "firefox" and the major version, for the "far older than the population" check */
  engine?: { name: "chrome" | "firefox"; major: number };
}

/**
 * HTTP clients that apps' own native builds use. isbot flags okhttp (Android, React Native) and
 * ReactNative, which would call every Android user of the app a bot. Substrings, case-insensitive;
 * the operator adds theirs with SPAM_NATIVE_CLIENTS (lib/spam/config.ts).
 */
export const DEFAULT_NATIVE_CLIENTS: readonly string[] = ["okhttp", "cfnetwork", "dalvik", "reactnative", "react-native", "expo/", "dart:io"];

const HEADLESS = /headless|phantomjs|puppeteer|playwright|selenium|webdriver|slimerjs|splash/i;

export function classifyUserAgent(raw: string | null | undefined, nativeClients: readonly string[] = DEFAULT_NATIVE_CLIENTS): ClientInfo {
  const ua = raw?.trim() ?? "";
  if (ua === "" || ua === "-") return { kind: "empty" };
  const lower = ua.toLowerCase();
  if (nativeClients.some((c) => c && lower.includes(c.toLowerCase()))) return { kind: "native" };
  if (HEADLESS.test(ua)) return { kind: "headless" };
  if (isbot(ua)) return { kind: lower.startsWith("mozilla/") ? "bot" : "library" };
  // No browser UA lacks the Mozilla/ token; a bare "name/version" is a program.
  if (!lower.startsWith("mozilla/") && !lower.startsWith("opera/")) return { kind: "library" };
  return { kind: "browser", engine: engineOf(ua) };
}

function engineOf(ua: string): ClientInfo["engine"] {
  const ff = /Firefox\/(\d+)/.exec(ua);
  if (ff) return { name: "firefox", major: Number(ff[1]) };
  // Chromium-based browsers (Edge, Opera, Samsung Internet) carry the Chromium version they build on.
  const ch = /(?:Chrome|CriOS)\/(\d+)/.exec(ua);
  if (ch) return { name: "chrome", major: Number(ch[1]) };
  return undefined;
}

/**
 * Browsers update themselves every 4 weeks: an engine this many major versions behind the population's
 * median is two years old, which anti-detect kits and stale bot images are and real users rarely are.
 */
export const OUTDATED_BEHIND = 20;

export function isOutdated(engine: ClientInfo["engine"], medians: Partial<Record<"chrome" | "firefox", number>>): boolean {
  if (!engine) return false;
  const median = medians[engine.name];
  return median !== undefined && engine.major <= median - OUTDATED_BEHIND;
}
