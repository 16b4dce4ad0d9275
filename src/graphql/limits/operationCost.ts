import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/** What an operation asks of the server, measured before it runs. */
export interface OperationCost {
  kind: "query" | "mutation" | "subscription";
  /** The operation's name in the document; null for an anonymous one. */
  name: string | null;
  /** Fields it resolves, each list multiplied by its page size or declared size (fragments expanded). */
  cost: number;
  /** The deepest catalog field (introspection's own nesting not counted: see introspectionDepth). */
  depth: number;
  /** The deepest field under `__schema` or `__type`. */
  introspectionDepth: number;
  /** Aliased fields, as written (each alias is written once, whatever a fragment multiplies). */
  aliases: number;
  /** Directives, as written. */
  directives: number;
  /**
   * How many seconds an answer may be reused: the least `@CacheHint` of the types and fields it selects
   * (cacheHint.ts); 0 when nothing it selects declares one.
   */
  maxAge: number;
}

/** A list field's size when it takes no `first`/`last` and declares none (`@Extensions({ listSize })`). */
export const DEFAULT_LIST_SIZE = 20;
/** A `first`/`last` given by a variable counts as the largest page. */
export const VARIABLE_PAGE_SIZE = 100;
/**
 * What `__schema` or `__type` costs, whatever it selects: an introspection answer is bounded by the
 * schema, not by arguments, so inside one lists count once; the charge keeps repeated introspection
 * (thousands of aliases of `__schema`) from being cheap.
 */
export const INTROSPECTION_COST = 2_000;

/** Costs saturate here instead of growing without bound (a fragment bomb doubles per level). */
const SATURATED = Number.MAX_SAFE_INTEGER;
const add = (a: number, b: number) => Math.min(SATURATED, a + b);
const times = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a > SATURATED / b ? SATURATED : a * b);

interface Measure {
  cost: number;
  depth: number;
  introspectionDepth: number;
  /** Infinity while nothing selected declares a hint. */
  maxAge: number;
}

const ZERO: Measure = { cost: 0, depth: 0, introspectionDepth: 0, maxAge: Infinity };

/** A field's own hint, else its composite type's; a scalar field is as fresh as the object holding it. */
function cacheHintOf(definition: GraphQLField<unknown, unknown>, type: GraphQLNamedType): number {
  const own = definition.extensions?.cacheMaxAge;
  if (typeof own === "number") return own;
  const typed = type.extensions?.cacheMaxAge;
  return typeof typed === "number" ? typed : Infinity;
}

function pageSize(node: FieldNode): number | undefined {
  for (const argument of node.arguments ?? []) {
    if (argument.name.value !== "first" && argument.name.value !== "last") continue;
    return literalCount(argument.value);
  }
  return undefined;
}

function literalCount(value: ValueNode): number {
  if (value.kind === Kind.INT) return Math.max(0, Number(value.value));
  if (value.kind === Kind.VARIABLE) return VARIABLE_PAGE_SIZE;
  return 0; // null: the default page, counted by the list's own size below
}

function fieldOf(parent: GraphQLNamedType | undefined, name: string, schema: GraphQLSchema): GraphQLField<unknown, unknown> | undefined {
  if (name === "__typename") return TypeNameMetaFieldDef;
  if (parent && parent === schema.getQueryType()) {
    if (name === "__schema") return SchemaMetaFieldDef;
    if (name === "__type") return TypeMetaFieldDef;
  }
  if (parent && (isObjectType(parent) || isInterfaceType(parent))) return parent.getFields()[name];
  return undefined;
}

/**
 * Measures every operation of a parsed (not yet validated) document in one walk. Each fragment is
 * measured once per page size it is spread under and the result reused, so a document whose fragments
 * spread each other twice per level costs linear time to measure, however large the cost it reveals.
 * Introspection fields count like any other. Unknown fields and fragment cycles are left for
 * validation to report; here they cost 1 and stop.
 */
export function measureOperations(schema: GraphQLSchema, document: DocumentNode): Map<string, OperationCost> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const memo = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const selections = (set: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined, page: number | undefined, introspecting: boolean): Measure => {
    if (!set) return ZERO;
    let cost = 0;
    let depth = 0;
    let introspectionDepth = 0;
    let maxAge = Infinity;
    for (const selection of set.selections) {
      let part: Measure;
      if (selection.kind === Kind.FIELD) {
        part = field(selection, parent, page, introspecting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        part = selections(selection.selectionSet, typed ?? undefined, page, introspecting);
      } else {
        part = spread(selection.name.value, page, introspecting);
      }
      cost = add(cost, part.cost);
      depth = Math.max(depth, part.depth);
      introspectionDepth = Math.max(introspectionDepth, part.introspectionDepth);
      maxAge = Math.min(maxAge, part.maxAge);
    }
    return { cost, depth, introspectionDepth, maxAge };
  };

  const spread = (name: string, page: number | undefined, introspecting: boolean): Measure => {
    const key = `${name}\u0000${page ?? ""}\u0000${introspecting}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(key)) return ZERO;
    inProgress.add(key);
    const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
    const measured = selections(fragment.selectionSet, type, page, introspecting);
    inProgress.delete(key);
    memo.set(key, measured);
    return measured;
  };

  const field = (node: FieldNode, parent: GraphQLNamedType | undefined, page: number | undefined, introspecting: boolean): Measure => {
    const definition = fieldOf(parent, node.name.value, schema);
    const nowIntrospecting = introspecting || node.name.value === "__schema" || node.name.value === "__type";
    if (!definition) return { cost: 1, depth: nowIntrospecting ? 0 : 1, introspectionDepth: nowIntrospecting ? 1 : 0, maxAge: Infinity };
    const type = getNullableType(definition.type);
    let multiplier = 1;
    if (isListType(type) && !introspecting) {
      const declared = typeof definition.extensions?.listSize === "number" ? definition.extensions.listSize : DEFAULT_LIST_SIZE;
      multiplier = page ?? declared;
    }
    const childPage = pageSize(node);
    const children = selections(node.selectionSet, getNamedType(type), childPage, nowIntrospecting);
    const own = nowIntrospecting && !introspecting ? INTROSPECTION_COST : 1;
    return {
      cost: add(own, times(multiplier, children.cost)),
      depth: nowIntrospecting ? 0 : 1 + children.depth,
      introspectionDepth: nowIntrospecting ? 1 + children.introspectionDepth : children.introspectionDepth,
      maxAge: Math.min(cacheHintOf(definition, getNamedType(type)), children.maxAge),
    };
  };

  let aliases = 0;
  let directives = 0;
  const count = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD && selection.alias) aliases += 1;
      if (selection.kind !== Kind.FRAGMENT_SPREAD) count(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      directives += definition.directives?.length ?? 0;
      count(definition.selectionSet);
    }
  }

  const result = new Map<string, OperationCost>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = definition.operation === "query" ? schema.getQueryType() : definition.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
    const measured = selections(definition.selectionSet, root ?? undefined, undefined, false);
    // Aliases and directives are counted over the whole document: they bound what the text may hold.
    // Only a query's answer may be reused, and only as long as everything it selects allows.
    const maxAge = definition.operation === "query" && Number.isFinite(measured.maxAge) ? measured.maxAge : 0;
    result.set(definition.name?.value ?? "", { kind: definition.operation, name: definition.name?.value ?? null, ...measured, aliases, directives, maxAge });
  }
  return result;
}
