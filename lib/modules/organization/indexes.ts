import type { IndexSpec } from "../../doctor/indexes";
import { type Naming, quoteIdent } from "../../db/naming";
import { indexdefColumn as re, trgmPattern } from "../../db/sql-patterns";
import type { ModelName } from "../types";

const col = (n: Naming, model: ModelName, field: string) => quoteIdent(n.column(model, field));
/** As the doctor's user search indexes: lower(field) trigram, without GIN's pending list. */
const trgm = (n: Naming, field: string, model: ModelName) => `USING gin (lower(${col(n, model, field)}) gin_trgm_ops) WITH (fastupdate = off)`;

/**
 * The organization module's queries at 100k organizations and 1M memberships: the list's search
 * (lower(name|slug) LIKE '%q%', a bitmap OR of two trigram indexes), its newest-first keyset order,
 * and the member counts (per organization on the page) and a user's memberships, which Better
 * Auth's migrations index already (member.organizationId, member.userId: `index: true` in the
 * plugin's schema); the doctor recognises those and creates them only where an app has not.
 */
export function organizationIndexes(n: Naming): IndexSpec[] {
  const btreeOn = (model: ModelName, field: string) => new RegExp(`btree \\(${re(n, model, field)}[,)]`);
  return [
    {
      id: "organization_name_trgm", model: "organization", needsTrgm: true, why: "substring search on organization name (organizations list)",
      using: trgm(n, "name", "organization"), equivalent: trgmPattern(n, "organization", "name"),
    },
    {
      id: "organization_slug_trgm", model: "organization", needsTrgm: true, why: "substring search on organization slug (organizations list)",
      using: trgm(n, "slug", "organization"), equivalent: trgmPattern(n, "organization", "slug"),
    },
    {
      id: "organization_created", model: "organization", why: "organizations list, newest first, keyset pages at any depth",
      using: `(${col(n, "organization", "createdAt")}, ${col(n, "organization", "id")})`,
      equivalent: new RegExp(`btree \\(${re(n, "organization", "createdAt")}( DESC)?, ${re(n, "organization", "id")}( DESC)?\\)$`),
    },
    {
      id: "member_organization", model: "member", why: "member count per organization on a page, an organization's members",
      using: `(${col(n, "member", "organizationId")})`, equivalent: btreeOn("member", "organizationId"),
    },
    {
      id: "member_user", model: "member", why: "a user's memberships (user page, GET /users/:id)",
      using: `(${col(n, "member", "userId")})`, equivalent: btreeOn("member", "userId"),
    },
  ];
}
