import {
  AliasNode,
  ColumnNode,
  type DeleteQueryNode,
  type FromNode,
  IdentifierNode,
  type InsertQueryNode,
  type JoinNode,
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  ReferenceNode,
  type RootOperationNode,
  type SelectQueryNode,
  SelectionNode,
  TableNode,
  type UnknownRow,
  type UpdateQueryNode,
} from "kysely";
import { type ModelName, modelNames } from "../modules";
import type { Naming } from "./naming";

/**
 * Lets queries be written once against Better Auth's logical names (`user.emailVerified`) and run
 * against whatever the app calls them (`"auth"."users"."email_verified"`).
 *
 *   select "user"."emailVerified" from "user"
 *   → select "user"."email_verified" as "emailVerified" from "auth"."users" as "user"
 *
 * A model table in FROM/JOIN/UPDATE/DELETE gets its logical name as alias, so qualified references
 * keep working; renamed selections are aliased back, so rows come out with logical keys.
 * Unqualified columns are resolved like SQL does: innermost query first, and only when exactly one
 * model in that query has the field (otherwise they are left alone: output aliases, CTE columns).
 * `selectAll()` on a model is refused: it would return physical names and secret columns.
 */
export class NameMappingPlugin implements KyselyPlugin {
  constructor(private readonly naming: Naming) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return new NameMappingTransformer(this.naming).transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

type Scope = { sources: Map<string, ModelName | null>; target: ModelName | null };

const asModel = (name: string): ModelName | null => ((modelNames as readonly string[]).includes(name) ? (name as ModelName) : null);

/** The model a bare or aliased table source stands for, when it names one without a schema. */
function tableModel(node: OperationNode): ModelName | null {
  return TableNode.is(node) && !node.table.schema ? asModel(node.table.identifier.name) : null;
}

class NameMappingTransformer extends OperationNodeTransformer {
  private scopes: Scope[] = [];

  constructor(private readonly naming: Naming) {
    super();
  }

  private physical(model: ModelName) {
    return TableNode.createWithSchema(this.naming.options.schema, this.naming.table(model));
  }

  private scopeOf(sources: readonly (OperationNode | undefined)[], target: OperationNode | null): Scope {
    const map = new Map<string, ModelName | null>();
    for (const s of sources) {
      if (!s) continue;
      if (TableNode.is(s)) map.set(s.table.identifier.name, tableModel(s));
      else if (AliasNode.is(s) && IdentifierNode.is(s.alias)) map.set(s.alias.name, tableModel(s.node));
    }
    let targetModel: ModelName | null = null;
    if (target) targetModel = tableModel(AliasNode.is(target) ? target.node : target);
    return { sources: map, target: targetModel };
  }

  private within<T>(scope: Scope, fn: () => T): T {
    this.scopes.push(scope);
    try {
      return fn();
    } finally {
      this.scopes.pop();
    }
  }

  /** FROM/JOIN/UPDATE target: a model becomes `"schema"."physical" as "model"`. */
  private source(node: OperationNode): OperationNode {
    const model = tableModel(node);
    if (model) return AliasNode.create(this.physical(model), IdentifierNode.create(model));
    if (AliasNode.is(node)) {
      const aliased = tableModel(node.node);
      if (aliased) return AliasNode.create(this.physical(aliased), node.alias);
    }
    return this.transformNode(node);
  }

  private resolveQualifier(name: string): ModelName | null {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (scope?.sources.has(name)) return scope.sources.get(name) ?? null;
    }
    return asModel(name);
  }

  private resolveUnqualified(field: string): ModelName | null {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (!scope) continue;
      const models = [...scope.sources.values()];
      const matches = models.filter((m): m is ModelName => m !== null && this.naming.isField(m, field));
      if (matches.length > 1) throw new Error(`Ambiguous column "${field}" (${matches.join(", ")}): qualify it with its table`);
      if (matches.length === 1) return matches[0] ?? null;
      // A derived table or CTE in this query may provide the column: SQL would not look further out.
      if (models.some((m) => m === null)) return null;
    }
    return null;
  }

  private mapColumn(model: ModelName | null, column: ColumnNode): ColumnNode {
    const name = column.column.name;
    if (!model || !this.naming.isField(model, name)) return column;
    return ColumnNode.create(this.naming.column(model, name));
  }

  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const scope = this.scopeOf([...(node.from?.froms ?? []), ...(node.joins ?? []).map((j) => j.table)], null);
    if (node.selections?.some((s) => s.selection.kind === "SelectAllNode") && [...scope.sources.values()].some((m) => m !== null)) {
      throw new Error("selectAll() on a Better Auth table is not allowed: list the columns");
    }
    return this.within(scope, () => super.transformSelectQuery(node));
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const sources = [node.table, ...(node.from?.froms ?? []), ...(node.joins ?? []).map((j) => j.table)];
    const scope = this.scopeOf(sources, node.table ?? null);
    return this.within(scope, () => {
      const out = super.transformUpdateQuery(node);
      return { ...out, table: node.table ? this.source(node.table) : undefined };
    });
  }

  protected override transformDeleteQuery(node: DeleteQueryNode): DeleteQueryNode {
    const sources = [...node.from.froms, ...(node.using?.tables ?? []), ...(node.joins ?? []).map((j) => j.table)];
    const scope = this.scopeOf(sources, node.from.froms[0] ?? null);
    return this.within(scope, () => {
      const out = super.transformDeleteQuery(node);
      return node.using ? { ...out, using: { ...node.using, tables: node.using.tables.map((t) => this.source(t)) } } : out;
    });
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const scope = this.scopeOf([node.into], node.into ?? null);
    return this.within(scope, () => {
      const out = super.transformInsertQuery(node);
      const model = node.into ? tableModel(node.into) : null;
      return model ? { ...out, into: this.physical(model) } : out;
    });
  }

  protected override transformFrom(node: FromNode): FromNode {
    return { ...node, froms: node.froms.map((f) => this.source(f)) };
  }

  protected override transformJoin(node: JoinNode): JoinNode {
    return { ...super.transformJoin(node), table: this.source(node.table) };
  }

  protected override transformReference(node: ReferenceNode): ReferenceNode {
    if (node.column.kind === "SelectAllNode") {
      const model = node.table ? this.resolveQualifier(node.table.table.identifier.name) : null;
      if (model) throw new Error(`selectAll() on "${model}" is not allowed: list the columns (it would expose secrets)`);
      return node;
    }
    const model = node.table ? this.resolveQualifier(node.table.table.identifier.name) : this.resolveUnqualified(node.column.column.name);
    return ReferenceNode.create(this.mapColumn(model, node.column), node.table);
  }

  /** Bare columns only occur in INSERT column lists, UPDATE SET and ON CONFLICT: they name the target. */
  protected override transformColumn(node: ColumnNode): ColumnNode {
    return this.mapColumn(this.scopes.at(-1)?.target ?? null, node);
  }

  protected override transformSelection(node: SelectionNode): SelectionNode {
    const sel = node.selection;
    if (ReferenceNode.is(sel) && sel.column.kind === "ColumnNode") {
      const mapped = this.transformReference(sel);
      const logical = sel.column.column.name;
      if (mapped.column.kind === "ColumnNode" && mapped.column.column.name !== logical) {
        return SelectionNode.create(AliasNode.create(mapped, IdentifierNode.create(logical)));
      }
      return SelectionNode.create(mapped);
    }
    return super.transformSelection(node);
  }
}
