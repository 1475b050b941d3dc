// Writes lib/modules/client-registry.ts from the module folders' client.ts (test/modules-client.test.ts fails when they differ).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLIENT_REGISTRY, renderClientRegistry } from "./lib/modules-client";

const root = join(import.meta.dirname, "..");
writeFileSync(join(root, CLIENT_REGISTRY), renderClientRegistry(root));
console.log(`Wrote ${CLIENT_REGISTRY}`);
