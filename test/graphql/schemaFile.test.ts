import fs from "node:fs";
import path from "node:path";
import { buildSchema, isEnumType, isInputObjectType, isObjectType, type GraphQLSchema } from "graphql";
import { catalogSchemaSdl } from "../../src/graphql/schemaSdl";

const FILE = path.join(__dirname, "../../schema.graphql");

describe("schema.graphql", () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = await catalogSchemaSdl();
  });

  it("is what the code defines (run `npm run schema` after changing the schema)", () => {
    expect(fs.readFileSync(FILE, "utf8")).toBe(sdl);
  });

  it("describes every type, field and argument of the public schema", () => {
    const schema: GraphQLSchema = buildSchema(sdl);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      // The root types' descriptions cannot be set through type-graphql; their fields carry the documentation.
      if (!type.description && !["Query", "Mutation", "Subscription"].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          if ("args" in field) for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
