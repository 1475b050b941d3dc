import type { TestProject } from "vitest/node";
import { type Embedded, startEmbedded } from "../../lib/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embedded: boolean;
  }
}

// The database and browser projects both name this setup; vitest runs it once per project in the
// same process. One PGlite serves both (a second would cost another start and double the memory),
// so it lives on globalThis and stops when the last project that uses it tears down.
const shared = globalThis as { __testEmbedded?: { started: Promise<Embedded>; users: number } };

/**
 * One database for the whole run: the real server named by TEST_DATABASE_URL, or an in-memory
 * PGlite served over the wire protocol. Test files isolate themselves in schemas of their own.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    project.provide("databaseUrl", url);
    project.provide("embedded", false);
    return;
  }
  shared.__testEmbedded ??= { started: startEmbedded(), users: 0 };
  const entry = shared.__testEmbedded;
  entry.users += 1;
  const embedded = await entry.started;
  project.provide("databaseUrl", embedded.url);
  project.provide("embedded", true);
  return async () => {
    entry.users -= 1;
    if (entry.users > 0) return;
    shared.__testEmbedded = undefined;
    await embedded.stop();
  };
}
