import { GraphQLError, parse, type GraphQLSchema } from "graphql";
import { findLoneSurrogate } from "../../ingest/units";
import { measureOperations, type OperationCost } from "./operationCost";

export interface OperationLimits {
  /** Lexical tokens in the document; parsing stops past it. */
  maxTokens: number;
  /** Nesting of catalog fields (model → offerings → prices → source is 4). */
  maxDepth: number;
  /** Nesting under `__schema` / `__type` (GraphiQL's introspection query reaches 15). */
  maxIntrospectionDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Fields resolved, lists multiplied by their page or declared size (see operationCost.ts). */
  maxCost: number;
}

/**
 * Tuned on what real clients send: the playground's examples cost under 5,000; GraphiQL's introspection
 * query about 2,200 (183 tokens, 15 levels under `__schema`); a list page of 50 models with their
 * capabilities, offerings and prices about 80,000 (costs use the largest list sizes the catalog holds,
 * so they are upper bounds). Refused: 100 models with every nested list (520,000: ask for 50),
 * `providers(first: 100) { offerings { prices ... } }` (4.7 million), a list nested in itself (4 million),
 * thousands of aliases, and fragment bombs (16 million for 24 levels; 2^53 saturates).
 */
export const OPERATION_LIMITS: OperationLimits = {
  maxTokens: 10_000,
  maxDepth: 12,
  maxIntrospectionDepth: 16,
  maxAliases: 200,
  maxDirectives: 50,
  maxCost: 300_000,
};

/**
 * The gate's verdict: admitted with its cost, refused over a limit, or a document that does not parse
 * (its syntax error, for a caller that answers it itself; over HTTP Apollo reports it as usual).
 */
export type Admission =
  | { admitted: true; cost: OperationCost }
  | { admitted: false; error: GraphQLError }
  | { admitted: "unparsed"; error: GraphQLError };

/** Verdicts kept per query text; a client repeating its query is not measured again. */
const REMEMBERED = 2_000;

/**
 * Decides, before Apollo parses and validates, whether an operation may run: one bounded parse (at most
 * `maxTokens` tokens) and one memoised walk (operationCost.ts). graphql-js's own validation rules are
 * not linear in hostile documents (overlapping-field checks over thousands of aliases), so nothing
 * over the limits may reach them.
 */
export class OperationGate {
  private readonly verdicts = new Map<string, Admission>();

  constructor(
    private readonly schema: GraphQLSchema,
    readonly limits: OperationLimits = OPERATION_LIMITS,
  ) {}

  admit(query: string, operationName?: string | null): Admission {
    const key = `${operationName ?? ""}\u0000${query}`;
    const known = this.verdicts.get(key);
    if (known) return known;
    const verdict = this.decide(query, operationName);
    if (this.verdicts.size >= REMEMBERED) this.verdicts.delete(this.verdicts.keys().next().value as string);
    this.verdicts.set(key, verdict);
    return verdict;
  }

  private decide(query: string, operationName?: string | null): Admission {
    let document;
    try {
      document = parse(query, { maxTokens: this.limits.maxTokens, noLocation: true });
    } catch (error) {
      // graphql-js: "Document contains more that N tokens. Parsing aborted."
      if (error instanceof GraphQLError && /tokens\. Parsing aborted/i.test(error.message)) {
        return refuse(`The document has more than ${this.limits.maxTokens} tokens; split it into smaller operations`, "tokens", this.limits.maxTokens);
      }
      if (error instanceof GraphQLError) return { admitted: "unparsed", error: new GraphQLError(error.message, { extensions: { code: "GRAPHQL_PARSE_FAILED" } }) };
      throw error;
    }
    const operations = measureOperations(this.schema, document);
    const chosen = operationName != null ? operations.get(operationName) : operations.size === 1 ? [...operations.values()][0] : undefined;
    // Without a chosen operation Apollo reports the ambiguity; every operation must still fit.
    const measured = chosen ? [chosen] : [...operations.values()];
    const limits = this.limits;
    for (const cost of measured) {
      if (cost.depth > limits.maxDepth) return refuse(`The operation is nested ${cost.depth} levels deep; the limit is ${limits.maxDepth}`, "depth", limits.maxDepth, cost.depth);
      if (cost.introspectionDepth > limits.maxIntrospectionDepth) {
        return refuse(`The introspection is nested ${cost.introspectionDepth} levels deep; the limit is ${limits.maxIntrospectionDepth}`, "introspectionDepth", limits.maxIntrospectionDepth, cost.introspectionDepth);
      }
      if (cost.aliases > limits.maxAliases) return refuse(`The document has ${cost.aliases} aliases; the limit is ${limits.maxAliases}`, "aliases", limits.maxAliases, cost.aliases);
      if (cost.directives > limits.maxDirectives) return refuse(`The document has ${cost.directives} directives; the limit is ${limits.maxDirectives}`, "directives", limits.maxDirectives, cost.directives);
      if (cost.cost > limits.maxCost) {
        const shown = cost.cost >= Number.MAX_SAFE_INTEGER ? "more than 2^53" : String(cost.cost);
        return refuse(`The operation would cost ${shown} (fields resolved, lists multiplied by their page size); the limit is ${limits.maxCost}. Ask for smaller pages or fewer nested lists`, "cost", limits.maxCost, cost.cost);
      }
    }
    return { admitted: true, cost: chosen ?? measured.reduce((a, b) => (a.cost >= b.cost ? a : b), { kind: "query", name: null, cost: 0, depth: 0, introspectionDepth: 0, aliases: 0, directives: 0, maxAge: 0 }) };
  }
}

/**
 * A string in a query or its variables that PostgreSQL cannot store, refused as the client's mistake
 * before anything is written or looked up (no catalog value holds one): a NUL character, which text may
 * not hold, or a lone UTF-16 surrogate, which JSON may escape ("\ud800") but which is no character, so
 * neither UTF-8 nor a jsonb value can hold it (it failed as INTERNAL_SERVER_ERROR when written). The
 * HTTP and WebSocket adapters call it before the gate.
 */
export function unstorableStringError(query: string, variables: unknown): GraphQLError | undefined {
  const nul = query.includes("\u0000") || query.includes("\\u0000") || (variables != null && JSON.stringify(variables).includes("\\u0000"));
  if (nul) return new GraphQLError("Strings may not contain the NUL character (U+0000)", { extensions: { code: "BAD_USER_INPUT" } });
  if (findLoneSurrogate(query) !== undefined || findLoneSurrogate(variables) !== undefined) {
    return new GraphQLError("Strings may not contain a lone UTF-16 surrogate (U+D800 to U+DFFF without its pair, such as \"\\ud800\" in JSON): it is no character", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return undefined;
}

function refuse(message: string, limit: string, max: number, actual?: number): Admission {
  return { admitted: false, error: new GraphQLError(message, { extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit, max, ...(actual !== undefined ? { actual } : {}) } }) };
}
