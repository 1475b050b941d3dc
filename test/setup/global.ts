import type { TestProject } from "vitest/node";
import { startEmbedded } from "../../lib/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embedded: boolean;
  }
}

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
  const embedded = await startEmbedded();
  project.provide("databaseUrl", embedded.url);
  project.provide("embedded", true);
  return async () => embedded.stop();
}
