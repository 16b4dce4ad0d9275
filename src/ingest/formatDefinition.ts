// What a document format is to the catalog. Each format's folder defines its own (`<name>.format.ts`);
// formatRegistry.ts lists them.

import type { ParsedDocument } from "./observation";

/**
 * How sure a detector is, surest first: "certain" when the file's name or the text's syntax says so (a
 * .toml file, a JSON document with the format's keys); "likely" from the format's marks in the content
 * (Starmap's badges, a Foundry card's "Model Specifications"), which may be quoted inside another
 * format's document; "possible" from weaker signs. Between formats equally sure, the registry's order decides.
 */
export type Detection = "certain" | "likely" | "possible";

/** What a parser may be given besides the text. */
export interface ParseContext {
  /** models.dev: the text of models/<ref>.toml, for a provider file's `base_model`. */
  baseOf?: (ref: string) => string | undefined;
}

/** One document format: what it is called, how it is recognized, read and loaded. */
export interface FormatDefinition<Id extends string = string, Source extends string = string> {
  /** Its name for people and the API: the CLI's `--format`, GraphQL's DocumentFormat value ("models-dev"). */
  readonly id: Id;
  /** What a document of it is, in prose ("models.dev TOML"). */
  readonly label: string;
  /** The name its sources are stored under: Prisma's and GraphQL's SourceFormat ("MODELS_DEV"). */
  readonly sourceFormat: Source;
  /** How a decision's reason names a source of this format ("models.dev", "the Foundry card"). */
  readonly sourceName: string;
  /**
   * Its place in the loader's order, lower first (each format is one transaction). Identity gives a model
   * id to the first document that claims it, so the broadest, author-keyed catalog loads first.
   */
  readonly loadRank: number;
  /**
   * The parser's revision, part of every document's content hash: raised when the parser comes to read
   * a document differently (a key it now stores, a unit it now reads right), so that an import or a
   * re-seed loads the unchanged files of this format again instead of skipping them. 1 when not given.
   */
  readonly revision?: number;
  /** Whether a document is of this format, from its path and the start of its text (at most 20,000 characters). Pure. */
  detect(path: string, head: string): Detection | undefined;
  /**
   * The format's pure parser: the same text gives the same document; a bad record is an issue in it.
   * @throws ParseError when the document cannot be read at all.
   */
  parse(text: string, origin: string, context: ParseContext): ParsedDocument;
}

/** A definition with its id and source format kept as literal types, so the registry's types derive from it. */
export function defineFormat<const Id extends string, const Source extends string>(definition: FormatDefinition<Id, Source>): FormatDefinition<Id, Source> {
  return definition;
}
