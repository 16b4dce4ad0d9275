import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;

function parse(value: unknown): string {
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : undefined;
  if (text === undefined || !DECIMAL.test(text)) {
    throw new GraphQLError(`Decimal must be a decimal number written as a string, like "0.40"; got ${JSON.stringify(value)}`, { extensions: { code: "BAD_USER_INPUT" } });
  }
  return text;
}

/** Exact decimal numbers (prices, costs) as strings on the wire, so no client's floats round them. */
export const DecimalScalar = new GraphQLScalarType({
  name: "Decimal",
  description: 'An exact decimal number, sent as a string ("0.4", "1.6", "0.000025"). Accepted as a string or a number on input.',
  serialize: (value) => (typeof value === "string" ? value : String(value)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.FLOAT || ast.kind === Kind.INT) return parse(ast.value);
    throw new GraphQLError('Decimal must be a string like "0.40" or a number', { extensions: { code: "BAD_USER_INPUT" } });
  },
});
