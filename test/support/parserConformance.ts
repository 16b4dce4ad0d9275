import type { FormatDefinition, ParseContext } from "../../src/ingest/formatRegistry";
import { ParseError, type ParsedDocument, type ParseIssueCode } from "../../src/ingest/observation";

/**
 * Every issue code and whether a parser may report it (OUT_OF_RANGE is the loader's). A record over the
 * closed set, so a code added to or dropped from ParseIssueCode fails the typecheck here until this follows.
 */
const REPORTED_BY_PARSERS = {
  MISSING_FIELD: true,
  INVALID_NUMBER: true,
  NEGATIVE_PRICE: true,
  OUT_OF_RANGE: false,
  INVALID_DATE: true,
  UNKNOWN_VALUE: true,
  SKIPPED_RECORD: true,
  DANGLING_LINK: true,
  NOT_STORED: true,
} satisfies Record<ParseIssueCode, boolean>;

/** The closed set of issue codes a parser may report. */
export const PARSER_ISSUE_CODES = (Object.keys(REPORTED_BY_PARSERS) as ParseIssueCode[]).filter((code) => REPORTED_BY_PARSERS[code]);

/** One document to parse: its name (in the format's terms: a models.dev file's path in its tree) and text. */
export interface SampleDocument {
  origin: string;
  text: string;
  context?: ParseContext;
}

/** What the conformance suite runs a format's parser on. */
export interface ConformanceSamples {
  /** Real documents of the format (the fixtures): each must parse and state something. */
  documents: SampleDocument[];
  /** Documents with deliberately bad records: each must parse, reporting the codes given (at least). */
  badRecords: (SampleDocument & { codes: ParseIssueCode[] })[];
  /** Texts that cannot be read as the format at all (syntax broken, not the format): each must throw a ParseError naming it. */
  unreadable: SampleDocument[];
  /**
   * Facts a document states as a whole rather than at a place in it, whose locator is "" (see Stated.locator),
   * as paths in the parsed document ("providers[0].name"), each with why.
   */
  wholeDocumentFacts?: { path: RegExp; origin?: RegExp; why: string }[];
}

/** A fact of a parsed document (a Stated value, a price or a benchmark score) with its path and locator. */
export interface LocatedFact {
  path: string;
  locator: unknown;
}

/** Every fact of a parsed document: objects holding a `value` (Stated), an `amount` (a price) or a `score` (a benchmark). Links and issues are not facts. */
export function factsOf(parsed: ParsedDocument): LocatedFact[] {
  const facts: LocatedFact[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (node !== null && typeof node === "object") {
      if ("value" in node || "amount" in node || "score" in node) facts.push({ path, locator: (node as { locator?: unknown }).locator });
      for (const [key, child] of Object.entries(node)) if (key !== "value") walk(child, path ? `${path}.${key}` : key);
    }
  };
  for (const key of ["authors", "providers", "models", "offerings"] as const) walk(parsed[key], key);
  return facts;
}

/** The facts without a non-empty string locator, leaving out the documented whole-document ones. */
export function unlocatedFacts(parsed: ParsedDocument, samples: Pick<ConformanceSamples, "wholeDocumentFacts">): string[] {
  const wholeDocument = (path: string) => (samples.wholeDocumentFacts ?? []).some((w) => w.path.test(path) && (!w.origin || w.origin.test(parsed.origin)));
  return factsOf(parsed)
    .filter((fact) => !(typeof fact.locator === "string" && fact.locator !== "") && !(fact.locator === "" && wholeDocument(fact.path)))
    .map((fact) => `${parsed.origin}: ${fact.path} has locator ${JSON.stringify(fact.locator)}`);
}

/** What parsing gave: a document, a ParseError, or anything else thrown (which a parser must never throw). */
export function outcomeOf(format: FormatDefinition, sample: SampleDocument): { parsed: ParsedDocument } | { parseError: ParseError } | { thrown: unknown } {
  try {
    return { parsed: format.parse(sample.text, sample.origin, sample.context ?? {}) };
  } catch (error) {
    return error instanceof ParseError ? { parseError: error } : { thrown: error };
  }
}

/**
 * Texts derived from a document that a parser must survive: cut at a quarter, half and three quarters
 * (mid-token, mid-line), every digit turned into a letter, every line's second half dropped. Deterministic.
 */
export function damagedVariants(sample: SampleDocument): SampleDocument[] {
  const { text } = sample;
  const variants = [
    { how: "cut at 1/4", text: text.slice(0, Math.floor(text.length / 4)) },
    { how: "cut at 1/2", text: text.slice(0, Math.floor(text.length / 2)) },
    { how: "cut at 3/4", text: text.slice(0, Math.floor((text.length * 3) / 4)) },
    { how: "digits as letters", text: text.replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]) },
    { how: "lines halved", text: text.split("\n").map((line) => line.slice(0, Math.ceil(line.length / 2))).join("\n") },
  ];
  return variants.filter((v) => v.text.trim() !== "").map((v) => ({ ...sample, origin: `${sample.origin} (${v.how})`, text: v.text }));
}

/**
 * The shared conformance suite (graphql-http's audits across adapters): the same checks for every
 * format's parser, as `describe` blocks of the calling test file.
 */
export function describeParserConformance(format: FormatDefinition, samples: ConformanceSamples): void {
  const parse = (sample: SampleDocument) => format.parse(sample.text, sample.origin, sample.context ?? {});

  describe(`the ${format.id} parser (${format.label})`, () => {
    it("has sample documents, bad records and unreadable texts to be checked on", () => {
      expect(samples.documents.length).toBeGreaterThan(0);
      expect(samples.badRecords.length).toBeGreaterThan(0);
      expect(samples.unreadable.length).toBeGreaterThan(0);
    });

    it("parses each sample document into a document of its format, named by its origin, that states something", () => {
      for (const sample of samples.documents) {
        const parsed = parse(sample);
        expect({ origin: sample.origin, format: parsed.format, named: parsed.origin }).toEqual({ origin: sample.origin, format: format.id, named: sample.origin });
        expect({ origin: sample.origin, states: parsed.authors.length + parsed.providers.length + parsed.models.length + parsed.offerings.length > 0 }).toEqual({ origin: sample.origin, states: true });
      }
    });

    it("is pure and deterministic: the same text gives deep-equal documents, and changing one leaves the next parse alone", () => {
      for (const sample of [...samples.documents, ...samples.badRecords]) {
        const first = parse(sample);
        const copy = structuredClone(first);
        const second = parse(sample);
        expect(second).toEqual(first);
        // A parser handing out shared state would let a caller's change (the reader adds link issues) leak into later parses.
        second.issues.push({ code: "SKIPPED_RECORD", message: "added by the test" });
        second.models.forEach((m) => (m.aliases.push("added-by-the-test"), (m.fields.name = { value: "changed", locator: "L0" })));
        second.offerings.forEach((o) => o.prices.push({ ...o.prices[0], amount: "999" }));
        expect(first).toEqual(copy);
        expect(parse(sample)).toEqual(copy);
      }
    });

    it("puts a locator on every fact: each stated value, price and benchmark score says where in the document it was", () => {
      const missing = [...samples.documents, ...samples.badRecords].flatMap((sample) => unlocatedFacts(parse(sample), samples));
      expect(missing).toEqual([]);
    });

    it("reports only issue codes of the closed set, each with a message", () => {
      const bad = [...samples.documents, ...samples.badRecords]
        .flatMap((sample) => parse(sample).issues.map((issue) => ({ origin: sample.origin, ...issue })))
        .filter((issue) => !PARSER_ISSUE_CODES.includes(issue.code) || typeof issue.message !== "string" || issue.message === "");
      expect(bad).toEqual([]);
    });

    it("never throws on a bad record: it reports an issue with a code and keeps the rest", () => {
      for (const sample of samples.badRecords) {
        const outcome = outcomeOf(format, sample);
        expect({ origin: sample.origin, parsed: "parsed" in outcome }).toEqual({ origin: sample.origin, parsed: true });
        const codes = "parsed" in outcome ? outcome.parsed.issues.map((i) => i.code) : [];
        expect({ origin: sample.origin, codes: [...new Set(codes)].filter((c) => sample.codes.includes(c)).sort() }).toEqual({ origin: sample.origin, codes: [...new Set(sample.codes)].sort() });
      }
    });

    it("throws a ParseError naming the document for one it cannot read: empty, blank, binary or broken", () => {
      const unreadable: SampleDocument[] = [
        { origin: samples.documents[0].origin, text: "" },
        { origin: samples.documents[0].origin, text: " \n\t\n" },
        { origin: samples.documents[0].origin, text: `\u0000\u0001\u0002PK\u0003\u0004${"\u0000".repeat(64)}` },
        ...samples.unreadable,
      ];
      for (const sample of unreadable) {
        const outcome = outcomeOf(format, sample);
        const error = "parseError" in outcome ? outcome.parseError : undefined;
        expect({ text: sample.text.slice(0, 40), origin: error?.origin, named: error?.message.startsWith(sample.origin) }).toEqual({ text: sample.text.slice(0, 40), origin: sample.origin, named: true });
      }
    });

    it("throws nothing but a ParseError on damaged documents (cut short, digits garbled, lines halved)", () => {
      const thrown = samples.documents.flatMap(damagedVariants).flatMap((variant) => {
        const outcome = outcomeOf(format, variant);
        if ("thrown" in outcome) return [`${variant.origin}: ${String(outcome.thrown)}`];
        if ("parseError" in outcome && outcome.parseError.origin !== variant.origin) return [`${variant.origin}: a ParseError naming ${outcome.parseError.origin}`];
        if ("parsed" in outcome) return unlocatedFacts(outcome.parsed, samples);
        return [];
      });
      expect(thrown).toEqual([]);
    });
  });
}
