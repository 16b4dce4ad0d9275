import {
  astFromValue,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

/** A value to give an argument: the field it belongs to, and the argument. */
export type ArgumentSampler = (arg: GraphQLArgument, field: GraphQLField<unknown, unknown>, parent: GraphQLObjectType) => unknown;

/** One step from a type to the next: a field and the arguments given to it. */
interface Step {
  field: GraphQLField<unknown, unknown>;
  parent: GraphQLObjectType;
}

/** An operation that selects every field of `type` once, reached from the root by `path`. */
export interface EveryFieldOperation {
  type: string;
  /** The fields from the root to `type`, e.g. ["model", "offerings"]. */
  path: string[];
  query: string;
}

/**
 * One query per object type reachable from `root` (the shortest path of fields to it, breadth first,
 * fields in schema order), selecting every field of that type: a leaf as it is, an object with its
 * own leaves (the same type answered by another parent may be built another way; the child's objects
 * are the operation of its own type). Arguments
 * are given where they are required, and `first` on every field that has one (small pages keep each
 * operation under the server's cost limit); `sample` gives their values. One operation per type keeps
 * each within the depth and cost limits however the schema grows.
 */
export function everyFieldOperations(schema: GraphQLSchema, root: GraphQLObjectType, sample: ArgumentSampler): EveryFieldOperation[] {
  const paths = new Map<string, Step[]>([[root.name, []]]);
  const queue: GraphQLObjectType[] = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const field of Object.values(parent.getFields())) {
      const type = getNamedType(field.type);
      if (!isObjectType(type) || paths.has(type.name)) continue;
      paths.set(type.name, [...paths.get(parent.name)!, { field, parent }]);
      queue.push(type);
    }
  }
  const call = ({ field, parent }: Step) => `${field.name}${argumentsOf(field, parent, sample)}`;
  return [...paths].map(([typeName, steps]) => {
    const type = schema.getType(typeName) as GraphQLObjectType;
    const leaves = (of: GraphQLObjectType) =>
      Object.values(of.getFields())
        .filter((field) => isLeafType(getNamedType(field.type)))
        .map((field) => call({ field, parent: of }));
    const selection = Object.values(type.getFields())
      .map((field) => {
        const child = getNamedType(field.type);
        return isObjectType(child) ? `${call({ field, parent: type })} { __typename ${leaves(child).join(" ")} }` : call({ field, parent: type });
      })
      .join(" ");
    const query = steps.reduceRight((inner, step) => `${call(step)} { ${inner} }`, selection);
    return { type: typeName, path: steps.map((s) => s.field.name), query: `query Every${typeName} { ${query} }` };
  });
}

function argumentsOf(field: GraphQLField<unknown, unknown>, parent: GraphQLObjectType, sample: ArgumentSampler): string {
  const given = field.args.filter((arg) => (isNonNullType(arg.type) && arg.defaultValue === undefined) || arg.name === "first");
  if (given.length === 0) return "";
  return `(${given.map((arg) => `${arg.name}: ${literal(sample(arg, field, parent), arg.type)}`).join(", ")})`;
}

function literal(value: unknown, type: GraphQLInputType): string {
  const ast = astFromValue(value, type);
  if (!ast) throw new Error(`no literal of ${String(type)} for ${JSON.stringify(value)}`);
  return print(ast);
}

/**
 * A value of `type` a validating server accepts where nothing more is known: `scalars` by the scalar's
 * name, an enum's first value, a list of one, an input object with its required fields.
 */
export function sampleOfType(type: GraphQLInputType, scalars: Record<string, unknown>): unknown {
  if (isNonNullType(type)) return sampleOfType(type.ofType, scalars);
  if (isListType(type)) return [sampleOfType(type.ofType, scalars)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(required.map((f) => [f.name, sampleOfType(f.type, scalars)]));
  }
  if (!(type.name in scalars)) throw new Error(`no sample value for the scalar ${type.name}`);
  return scalars[type.name];
}

/** How many objects `data` holds at the end of `path` (a list anywhere on it counts each item). */
export function countReached(data: unknown, path: string[]): number {
  if (Array.isArray(data)) return data.reduce((n: number, item) => n + countReached(item, path), 0);
  if (data === null || data === undefined) return 0;
  if (path.length === 0) return 1;
  return countReached((data as Record<string, unknown>)[path[0]], path.slice(1));
}
