// Writes .env.example from lib/config-vars.ts (test/config-vars.test.ts fails when they differ).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderEnvExample } from "../lib/config-vars";

const file = join(import.meta.dirname, "..", ".env.example");
writeFileSync(file, renderEnvExample());
console.log(`Wrote ${file}`);
