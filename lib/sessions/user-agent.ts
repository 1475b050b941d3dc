import { UAParser } from "ua-parser-js";

export interface Device {
  browser: string | null;
  os: string | null;
  device: string;
  /** the raw string, for a tooltip */
  raw: string;
}

/** ua-parser-js 1.x (MIT; 2.x is AGPL) turns a user agent into what a person recognises. */
export function parseUserAgent(ua: string | null | undefined): Device {
  if (!ua) return { browser: null, os: null, device: "Unknown", raw: "" };
  const r = new UAParser(ua).getResult();
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" ") || null;
  const type = r.device.type;
  if (!r.browser.name && !r.os.name) return { browser: null, os: null, device: "Unknown client", raw: ua };
  const device = type === "mobile" ? "Mobile" : type === "tablet" ? "Tablet" : join(r.device.vendor, r.device.model) ?? "Desktop";
  return {
    browser: join(r.browser.name, r.browser.major),
    os: join(r.os.name, r.os.version),
    device,
    raw: ua,
  };
}
