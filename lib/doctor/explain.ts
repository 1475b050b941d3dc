import {
  type CompiledQuery, type DatabaseConnection, type Driver, Kysely, PostgresDialect, type QueryResult, type TransactionSettings,
} from "kysely";
import type pg from "pg";
import type { Q } from "../db/context";
import { NameMappingPlugin } from "../db/name-mapping-plugin";
import type { DB } from "../db/schema";

export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

/**
 * A Q whose SELECTs are not run but EXPLAINed: the doctor calls the dashboard's real query functions
 * with it, so what it checks is exactly what the pages run. Each SELECT's plan is recorded and an
 * empty result returned (the functions then stop early, which is fine for a plan check).
 */
export function explainingQ(q: Q, pool: pg.Pool): { q: Q; plans: PlanNode[] } {
  const plans: PlanNode[] = [];
  const base = new PostgresDialect({ pool });
  const dialect = new (class extends PostgresDialect {
    override createDriver(): Driver {
      return new ExplainDriver(base.createDriver(), plans);
    }
  })({ pool });
  const db = new Kysely<DB>({ dialect, plugins: [new NameMappingPlugin(q.naming)] });
  return { q: { ...q, db }, plans };
}

class ExplainDriver implements Driver {
  private readonly originals = new WeakMap<DatabaseConnection, DatabaseConnection>();
  constructor(
    private readonly inner: Driver,
    private readonly plans: PlanNode[],
  ) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    const plans = this.plans;
    const wrapped: DatabaseConnection = {
      async executeQuery<R>(cq: CompiledQuery): Promise<QueryResult<R>> {
        if (!/^\s*(select|with)\b/i.test(cq.sql)) return conn.executeQuery<R>(cq);
        const r = await conn.executeQuery<{ "QUERY PLAN": { Plan: PlanNode }[] }>({ ...cq, sql: `explain (format json) ${cq.sql}` });
        const plan = r.rows[0]?.["QUERY PLAN"]?.[0]?.Plan;
        if (plan) plans.push(plan);
        return { rows: [] };
      },
      streamQuery: (cq, chunk) => conn.streamQuery(cq, chunk),
    };
    this.originals.set(wrapped, conn);
    return wrapped;
  }
  private original(c: DatabaseConnection) {
    return this.originals.get(c) ?? c;
  }
  beginTransaction(c: DatabaseConnection, s: TransactionSettings) {
    return this.inner.beginTransaction(this.original(c), s);
  }
  commitTransaction(c: DatabaseConnection) {
    return this.inner.commitTransaction(this.original(c));
  }
  rollbackTransaction(c: DatabaseConnection) {
    return this.inner.rollbackTransaction(this.original(c));
  }
  releaseConnection(c: DatabaseConnection) {
    return this.inner.releaseConnection(this.original(c));
  }
  destroy() {
    return Promise.resolve();
  }
}

/** Tables read by a sequential scan anywhere in a plan. */
export function seqScans(plan: PlanNode): string[] {
  const out: string[] = [];
  const walk = (n: PlanNode) => {
    if (n["Node Type"] === "Seq Scan" && n["Relation Name"]) out.push(n["Relation Name"]);
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(plan);
  return [...new Set(out)];
}
