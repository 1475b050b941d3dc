import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isCore, PLUGIN_NAME, pluginNameHits } from "../scripts/lib/plugin-names";

/**
 * "The core knows nothing of any plugin by name" (issue 10): core code (app/, components/ and lib/
 * outside lib/modules/<id>/ and a module's own routes) must not name a Better Auth plugin or a field
 * only a plugin owns (rules: scripts/lib/plugin-names.ts; `npx tsx scripts/plugin-names.ts --lines`
 * lists the lines). A plugin's behaviour belongs in its module, which the core reaches through the
 * registry (lib/modules/index.ts: banOf, userPanels, userActions, accountFixes, editFields, reviewExits …).
 */
const ROOT = resolve(__dirname, "..");

/** Files that may name plugins for good, each with its reason. */
const JUSTIFIED: Record<string, string> = {
  "lib/modules/index.ts": "the one registration list: importing each module is registering it",
  "lib/modules/types.ts": "the module contract: its doc comments give a plugin as the example of each extension point",
  "lib/modules/fields.ts": "derives a module's fields from its plugin's schema; the doc names the table it leaves out",
  "lib/modules/auth-options.ts": "reads Better Auth's option shape, shown with a plugin's schema option",
  "lib/actions/registry.ts": "the action catalogue: the API and the tests dispatch by name through static imports (a module's declaration, in the schema layer, cannot import action code)",
  "lib/actions/bulk-verbs.ts": "the bulk action's catalogue of module verbs, for the same reason as registry.ts",
  "lib/db/schema.ts": "static Kysely interfaces (types only); test/modules.test.ts checks they name exactly the tables the modules derive",
  "lib/app-config/derive.ts": "reads an app's auth.ts, where plugin ids are data, and maps them to modules",
  "lib/seed/": "the demo and benchmark generator writes every module's data (issue 10 allows it)",
  "lib/demo.ts": "creates the demo database with every plugin's migrations",
  "lib/modules/client-registry.ts": "the browser's registration list of the modules' client entries (a client component cannot receive components from the server's registry), generated from the module folders by `npm run modules:client`",
};

/**
 * Not moved yet: the most a prefix may hold. Lower a number when a line moves into its module;
 * a new line naming a plugin here fails the test like anywhere else.
 */
const PENDING: Record<string, { max: number; why: string }> = {
};

const covered = (file: string, table: Record<string, unknown>) => Object.keys(table).find((p) => (p.endsWith("/") ? file.startsWith(p) : file === p));

describe("the core names no plugin", () => {
  const hits = pluginNameHits(ROOT);

  it("finds plugin names where they are (the rule itself)", () => {
    expect(PLUGIN_NAME.test(`if (q.caps.modules.has("admin")) select("user.banExpires")`)).toBe(true);
    expect(PLUGIN_NAME.test(`import { x } from "../modules/two-factor/actions/y"`)).toBe(true);
    expect(PLUGIN_NAME.test(`if (can(staff.role, "users.ban") && role === "admin")`)).toBe(false);
    expect(isCore("lib/modules/admin/ban.ts")).toBe(false);
    expect(isCore("lib/modules/index.ts")).toBe(true);
    expect(isCore("components/organizations/organizations-table.tsx")).toBe(false);
    expect(hits.length).toBeGreaterThan(0);
  });

  it("outside the allow-lists, no core line names a plugin", () => {
    const stray = hits.filter((h) => !covered(h.file, JUSTIFIED) && !covered(h.file, PENDING)).map((h) => `${h.file}:${h.line}: ${h.text}`);
    expect(stray).toEqual([]);
  });

  it("the pending places only shrink", () => {
    const counts = new Map<string, number>();
    for (const h of hits) {
      if (covered(h.file, JUSTIFIED)) continue; // justified for good, whatever folder it sits in
      const p = covered(h.file, PENDING);
      if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    const over = Object.entries(PENDING).flatMap(([p, { max }]) => ((counts.get(p) ?? 0) > max ? [`${p}: ${counts.get(p)} lines, at most ${max}`] : []));
    expect(over).toEqual([]);
  });
});
