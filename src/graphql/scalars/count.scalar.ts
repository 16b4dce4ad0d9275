import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

function parse(value: unknown): number {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw new GraphQLError(`Count must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}; got ${JSON.stringify(value)}`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return n;
}

/** Token and request counts, which outgrow GraphQL's 32-bit Int over a month of traffic. */
export const CountScalar = new GraphQLScalarType({
  name: "Count",
  description: `A whole number from 0 to ${Number.MAX_SAFE_INTEGER} (tokens, requests), as a number or a string of digits.`,
  serialize: (value) => value,
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return parse(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new GraphQLError("Count must be a whole number", { extensions: { code: "BAD_USER_INPUT" } });
  },
});
