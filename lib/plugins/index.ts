import { adminModule } from "./admin";
import { coreModule } from "./core";
import { phoneNumberModule } from "./phone-number";
import { twoFactorModule } from "./two-factor";
import type { DashboardModule, ModelName } from "./types";
import { usernameModule } from "./username";

export type { DashboardModule, ModelName, ProfileField } from "./types";

/** Every module the dashboard knows. Supporting another Better Auth plugin = one file + one line here. */
export const modules: readonly DashboardModule[] = [coreModule, adminModule, usernameModule, phoneNumberModule, twoFactorModule];

export type ModuleId = "core" | "admin" | "username" | "phoneNumber" | "twoFactor";

export const modelNames: readonly ModelName[] = ["user", "session", "account", "verification"];

/** Fields the dashboard needs beyond any module: staff are recognised by `user.role`. */
export const dashboardRequires = { user: ["role"] } as const;

/** All logical fields per model, across modules: what the name mapping must be able to translate. */
export function knownFields(): Record<ModelName, Set<string>> {
  const out = Object.fromEntries(modelNames.map((m) => [m, new Set<string>()])) as Record<ModelName, Set<string>>;
  const add = (spec: Partial<Record<ModelName, readonly string[]>> | undefined) => {
    for (const [model, fields] of Object.entries(spec ?? {}) as [ModelName, readonly string[]][]) {
      for (const f of fields) out[model].add(f);
    }
  };
  for (const m of modules) {
    add(m.requires);
    add(m.optional);
  }
  add(dashboardRequires);
  return out;
}
