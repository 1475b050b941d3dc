import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * "The core knows nothing of any plugin by name" (issue 10), measured: the lines of core code that
 * name a Better Auth plugin or a field only a plugin owns. Shared by `scripts/plugin-names.ts` (the
 * count) and test/plugin-names.test.ts (which fails on any line not in the allow-list).
 *
 * Core code: app/, components/ and lib/ (.ts, .tsx, .mjs), minus
 *  - lib/modules/<id>/ (a module's own folder; lib/modules/*.ts, the registry and its types, is core),
 *  - the module's own UI that Next.js makes live outside it (MODULE_UI: route files must be under app/).
 *
 * A line counts once, whatever it names. What names a plugin (PLUGIN_NAME):
 *  - a plugin module id or its spellings: twoFactor / two-factor, organization, passkey, username,
 *    phoneNumber / phone-number (case-insensitive, as a word or a word's start: `passkeys`,
 *    `OrganizationRow`, `usernameModule`);
 *  - the admin plugin as a module (not the staff role "admin"): `adminModule`, `modules.has("admin")`,
 *    `module: "admin"`, and `features.has(` (the core asking whether a plugin's feature is on);
 *  - a module's files by path (`modules/admin/…`, `modules/two-factor/…`): importing them is naming them;
 *  - plugin-owned fields: banned, banReason, banExpires, impersonatedBy, twoFactorEnabled,
 *    phoneNumber(Verified), username, displayUsername, activeOrganizationId, activeTeamId.
 * Not counted: HTML's `autoComplete="username"` (a browser token, not the plugin's field), and
 * `userName` spelt in camel case: the core's alias of `user.name` (a session row's user), not the
 * plugin's `username` (which is matched in every other casing).
 */
export const PLUGIN_NAME = new RegExp(
  [
    String.raw`\b(?:two-?factor|organi[sz]ation|passkey|username|displayUsername|phone-?number)\w*`,
    String.raw`\b(?:banned|banReason|banExpires|impersonatedBy|activeOrganizationId|activeTeamId)\b`,
    String.raw`\badminModule\b|\bmodules\.has\("admin"\)|\bmodule(?:Id)?:\s*"admin"|\bfeatures\.has\(`,
    String.raw`\bmodules\/(?:admin|username|phone-number|two-factor|passkey|organization)\/`,
  ].join("|"),
  "i",
);

const NOT_A_PLUGIN = /autoComplete="username"|\buserName\b/g;

/** UI a module owns outside lib/modules/<id>/ (route files Next.js requires under app/, their components). */
export const MODULE_UI: Record<string, readonly string[]> = {
  organization: ["app/(dashboard)/organizations/", "app/api/v1/organizations/", "components/organizations/"],
  passkey: ["app/api/v1/users/[id]/passkeys/"],
  twoFactor: ["app/api/v1/users/[id]/two-factor/"],
  admin: ["app/api/v1/users/[id]/ban/", "app/api/v1/users/[id]/unban/"],
};

const ROOTS = ["app", "components", "lib"];

function files(root: string, dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(root, p);
    return /\.(tsx?|mjs)$/.test(e.name) ? [relative(root, p)] : [];
  });
}

export function isCore(rel: string): boolean {
  if (/^lib\/modules\/[^/]+\//.test(rel)) return false;
  return !Object.values(MODULE_UI).some((prefixes) => prefixes.some((p) => rel.startsWith(p)));
}

export interface PluginNameHit {
  file: string;
  line: number;
  text: string;
}

/** Every line of core code under `root` that names a plugin. */
export function pluginNameHits(root: string, opts: { all?: boolean } = {}): PluginNameHit[] {
  const hits: PluginNameHit[] = [];
  for (const file of ROOTS.flatMap((r) => files(root, join(root, r))).sort()) {
    if (!opts.all && !isCore(file)) continue;
    readFileSync(join(root, file), "utf8")
      .split("\n")
      .forEach((text, i) => {
        if (PLUGIN_NAME.test(text.replace(NOT_A_PLUGIN, ""))) hits.push({ file, line: i + 1, text: text.trim() });
      });
  }
  return hits;
}
