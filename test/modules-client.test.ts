import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bulkActionView, bulkActionViews, coreBulkActions } from "@/components/moderation/bulk-action-views";
import { bulkResultText, skippedText } from "@/components/moderation/result-text";
import { moduleBulkVerbs } from "@/lib/actions/bulk-verbs";
import { clientModules } from "@/lib/modules/client-registry";
import { modules } from "@/lib/modules";
import { bulkActions } from "@/lib/moderation/schemas";
import { CLIENT_REGISTRY, clientEntries, renderClientRegistry } from "../scripts/lib/modules-client";

const ROOT = resolve(__dirname, "..");

/**
 * The browser's side of the modules (issue 10: a module is its folder plus one registration line):
 * each module's client entry (lib/modules/<id>/client.ts) is collected by a generated registry, and
 * what the browser offers matches what the server's registry and verbs declare.
 */
describe("the modules' client entries", () => {
  it("the committed registry is the generated one (run npm run modules:client)", () => {
    expect(readFileSync(resolve(ROOT, CLIENT_REGISTRY), "utf8")).toBe(renderClientRegistry(ROOT));
    expect(clientEntries(ROOT).map((e) => e.id)).toEqual(clientModules.map((m) => m.id));
  });

  it("a new module's client.ts is picked up from its folder; a module without one is left out", () => {
    const root = mkdtempSync(join(tmpdir(), "modules-client-"));
    try {
      for (const [id, text] of [["zeta", "export const zetaClient = { id: \"zeta\" };\n"], ["alpha", "export const alphaClient = { id: \"alpha\" };\n"], ["beta", null]] as const) {
        mkdirSync(join(root, "lib/modules", id), { recursive: true });
        if (text) writeFileSync(join(root, "lib/modules", id, "client.ts"), text);
      }
      const out = renderClientRegistry(root);
      expect(out).toContain('import { alphaClient } from "./alpha/client";\nimport { zetaClient } from "./zeta/client";');
      expect(out).toContain("export const clientModules: readonly ModuleClient[] = [alphaClient, zetaClient];");
      expect(out).not.toContain("beta");
      writeFileSync(join(root, "lib/modules/beta/client.ts"), "export const x = 1;\n");
      expect(() => renderClientRegistry(root)).toThrow(/lib\/modules\/beta\/client.ts must export exactly one/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("each entry is its folder's module, registered on the server", () => {
    const registered = new Set(modules.map((m) => m.id));
    for (const { id, name } of clientEntries(ROOT)) {
      expect(clientModules.find((m) => m.id === id), `${name} in lib/modules/${id}/client.ts`).toBeDefined();
      expect(registered.has(id as never), `${id} is registered in lib/modules/index.ts`).toBe(true);
    }
  });

  it("a module whose rows have menu items has their dialogs in its client entry", () => {
    const withMenu = modules.filter((m) => (m.userRow as { menu?: readonly unknown[] } | undefined)?.menu?.length).map((m) => m.id);
    expect(withMenu.length).toBeGreaterThan(0);
    for (const id of withMenu) expect(typeof clientModules.find((m) => m.id === id)?.rowDialogs, id).toBe("function");
  });

  it("the bulk verbs the browser offers are exactly the server's, each skip in words", () => {
    const views = [...coreBulkActions, ...clientModules.flatMap((m) => m.bulkActions ?? [])].map((v) => v.action);
    expect(views.sort()).toEqual([...bulkActions].sort());
    expect(Object.keys(moduleBulkVerbs).sort()).toEqual(clientModules.flatMap((m) => m.bulkActions ?? []).map((v) => v.action).sort());
    const skipKeys = Object.values(moduleBulkVerbs).flatMap((v) => ("skip" in v && v.skip ? [v.skip.key] : []));
    expect(skipKeys.length).toBeGreaterThan(0);
    for (const key of skipKeys) expect(clientModules.some((m) => m.skipped?.[key]), key).toBe(true);
  });

  it("offers a module's verbs only while it is on, and words results as before", () => {
    expect(bulkActionViews([]).map((v) => v.label)).toEqual(["Sign out"]);
    expect(bulkActionViews(["core", "admin"]).map((v) => v.label)).toEqual(["Ban", "Unban", "Sign out"]);
    expect(bulkActionView("ban")?.title).toBe("Ban users");
    const r = { usersChanged: 2, sessionsRevoked: 3, usersSelected: 5, skipped: { self: 1, staff: 0, alreadyBanned: 2 } };
    expect(bulkResultText("ban", r)).toBe("Banned 2 users; 3 sessions revoked. Skipped your own account and 2 users already banned (their bans are kept).");
    expect(bulkResultText("unban", { ...r, skipped: { self: 0, staff: 1 } })).toBe("Unbanned 2 users. Skipped 1 staff member.");
    expect(bulkResultText("revokeSessions", { ...r, skipped: { self: 0, staff: 0, alreadyBanned: 0 } })).toBe("Signed out 5 users; 3 sessions revoked.");
    expect(skippedText({ self: 0, staff: 0, alreadyBanned: 1 })).toBe("Skipped 1 user already banned (their bans are kept).");
  });

  it("shows a sample member's ban as the module's badge", () => {
    const badges = (u: Record<string, unknown>) => clientModules.flatMap((m) => m.sampleBadges?.(u) ?? []);
    expect(badges({ id: "u", email: "a@b.c", banned: true })).toEqual([{ label: "Banned", tone: "danger" }]);
    expect(badges({ id: "u", email: "a@b.c", banned: false })).toEqual([]);
  });
});
