import { betterAuth, type BetterAuthOptions } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { admin, phoneNumber, twoFactor, username } from "better-auth/plugins";
import type { Kysely } from "kysely";
import { betterAuthDatabase, coreFields, coreModelOptions, pluginSchemaOptions } from "./better-auth-schema";
import type { Naming } from "./naming";

export type AppPlugin = "admin" | "username" | "phoneNumber" | "twoFactor";

/**
 * Better Auth options of an *app* (not the dashboard): the embedded demo and the tests create their
 * schema exactly as such an app would, with Better Auth's own migrations.
 */
export function appAuthOptions(db: Kysely<any>, naming: Naming, plugins: readonly AppPlugin[], extra: Partial<BetterAuthOptions> = {}): BetterAuthOptions {
  const s = (spec: Parameters<typeof pluginSchemaOptions>[1]) => pluginSchemaOptions(naming, spec) as never;
  const factories = {
    admin: () => admin({ schema: s({ user: ["role", "banned", "banReason", "banExpires"], session: ["impersonatedBy"] }) }),
    username: () => username({ schema: s({ user: ["username", "displayUsername"] }) }),
    phoneNumber: () => phoneNumber({ sendOTP: () => {}, schema: s({ user: ["phoneNumber", "phoneNumberVerified"] }) }),
    twoFactor: () => twoFactor({ schema: s({ user: ["twoFactorEnabled"] }) }),
  } as const;
  return {
    secret: "app-secret-for-migrations-and-tests-only-000000",
    baseURL: "http://localhost:3000",
    database: betterAuthDatabase(db, naming) as BetterAuthOptions["database"],
    emailAndPassword: { enabled: true },
    user: coreModelOptions(naming, "user", coreFields.user),
    session: coreModelOptions(naming, "session", coreFields.session),
    account: coreModelOptions(naming, "account", coreFields.account),
    verification: coreModelOptions(naming, "verification", coreFields.verification),
    plugins: plugins.map((p) => factories[p]()),
    ...extra,
  };
}

/** Creates (or completes) the Better Auth schema the way `auth migrate` would. */
export async function migrateAppSchema(db: Kysely<any>, naming: Naming, plugins: readonly AppPlugin[]): Promise<void> {
  const { runMigrations } = await getMigrations(appAuthOptions(db, naming, plugins));
  await runMigrations();
}

export const createAppAuth = (options: BetterAuthOptions) => betterAuth(options);
