// The project's checked-in SDL with the array resolvers attached, for graphql-js and Apollo Server (the
// project's own graphql package). Custom scalars keep buildSchema's pass-through behaviour: Decimal
// values are already strings, JSON values plain data.
import fs from "node:fs";
import { buildSchema, isObjectType, type GraphQLSchema } from "graphql";
import { SCHEMA_FILE } from "../paths";
import type { ResolverMap } from "./resolvers";

export function readSdl(): string {
  return fs.readFileSync(SCHEMA_FILE, "utf8");
}

/** schema.graphql with `resolvers` set on its fields; throws if a resolver names a field the SDL lacks. */
export function arraySchema(resolvers: ResolverMap): GraphQLSchema {
  const schema = buildSchema(readSdl());
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`schema.graphql has no object type ${typeName}`);
    const defined = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) {
      if (!defined[fieldName]) throw new Error(`schema.graphql has no field ${typeName}.${fieldName}`);
      defined[fieldName].resolve = resolve;
    }
  }
  return schema;
}
