// The one list of document formats. Everything that depends on the set of formats (detection and the
// parser dispatch, DocumentFormat, the stored source format, the loader's order, the CLI's usage text,
// GraphQL's DocumentFormat and SourceFormat enums) is derived from it; Prisma's SourceFormat enum, which
// cannot be, is checked against it by a test. Adding a format: a folder with its parser and its
// definition (`<format>/<name>.format.ts`), one line in BUILT_IN_FORMATS, and the Prisma enum value with
// its migration (the test says so when it is missing).

import { foundryFormat } from "./foundry/foundryCard.format";
import { modelsDevFormat } from "./models-dev/modelsDevFile.format";
import type { Detection, FormatDefinition, ParseContext } from "./formatDefinition";

export type { Detection, FormatDefinition, ParseContext } from "./formatDefinition";
export { defineFormat } from "./formatDefinition";
import { ParseError, type ParsedDocument } from "./observation";
import { openRouterFormat } from "./openrouter/openrouterModels.format";
import { starmapFormat } from "./starmap/starmapPage.format";

/** The source format of what admins state themselves: stored beside the document formats, never a document's. */
export const ADMIN_SOURCE_FORMAT = "ADMIN";

const DETECTION_STRENGTH: Record<Detection, number> = { certain: 3, likely: 2, possible: 1 };
const HEAD_LENGTH = 20_000;

/** A registry that cannot be used: a format without a load rank, a name used twice. */
export class FormatRegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormatRegistryError";
  }
}

/** A checked list of formats and what is derived from it. Immutable; extend it with `withFormat`. */
export class FormatRegistry<F extends FormatDefinition = FormatDefinition> {
  readonly formats: readonly F[];

  /** @throws FormatRegistryError for a format without a finite load rank, or an id, source format or load rank used twice. */
  constructor(formats: readonly F[]) {
    for (const [index, format] of formats.entries()) {
      const name = format?.id ? `format "${format.id}"` : `format #${index}`;
      if (typeof format?.id !== "string" || !/^[a-z][a-z0-9-]*$/.test(format.id)) throw new FormatRegistryError(`${name} needs an id of lower-case letters, digits and dashes`);
      if (typeof format.sourceFormat !== "string" || !/^[A-Z][A-Z0-9_]*$/.test(format.sourceFormat)) throw new FormatRegistryError(`${name} needs a sourceFormat in upper case ("MODELS_DEV")`);
      if (format.sourceFormat === ADMIN_SOURCE_FORMAT) throw new FormatRegistryError(`${name} may not be stored as ${ADMIN_SOURCE_FORMAT}, which is what admins state`);
      if (typeof format.loadRank !== "number" || !Number.isFinite(format.loadRank)) {
        throw new FormatRegistryError(`${name} has no load rank: the loader would never load its documents`);
      }
      if (typeof format.detect !== "function" || typeof format.parse !== "function") throw new FormatRegistryError(`${name} needs a detector and a parser`);
      for (const key of ["id", "sourceFormat", "loadRank"] as const) {
        const other = formats.slice(0, index).find((f) => f[key] === format[key]);
        if (other) throw new FormatRegistryError(`${name} has the ${key} ${JSON.stringify(format[key])} of format "${other.id}"`);
      }
    }
    this.formats = Object.freeze([...formats]);
  }

  /** Every format's id, in the registry's order ("foundry", "starmap", ...). */
  get ids(): F["id"][] {
    return this.formats.map((f) => f.id);
  }

  /** The format of an id; undefined for an id no format has. */
  byId(id: string): F | undefined {
    return this.formats.find((f) => f.id === id);
  }

  /** The source format a document format is stored as. @throws FormatRegistryError for an unknown id. */
  sourceFormatOf(id: string): F["sourceFormat"] {
    const format = this.byId(id);
    if (!format) throw new FormatRegistryError(`no format "${id}" is registered`);
    return format.sourceFormat;
  }

  /** The source formats in the order the loader loads them (by load rank). */
  get loadOrder(): F["sourceFormat"][] {
    return [...this.formats].sort((a, b) => a.loadRank - b.loadRank).map((f) => f.sourceFormat);
  }

  /** What a document of each format is, for messages: "Foundry card, Starmap page, ...". */
  get labels(): string {
    return this.formats.map((f) => f.label).join(", ");
  }

  /**
   * The format of a document from its content and name: the surest detector wins, equally sure ones by
   * the registry's order; undefined when no format recognizes it. Looks at the start of the text only.
   */
  detect(path: string, text: string): F["id"] | undefined {
    const head = text.slice(0, HEAD_LENGTH);
    let best: { id: F["id"]; strength: number } | undefined;
    for (const format of this.formats) {
      const detection = format.detect(path, head);
      const strength = detection ? DETECTION_STRENGTH[detection] : 0;
      if (strength > (best?.strength ?? 0)) best = { id: format.id, strength };
    }
    return best?.id;
  }

  /**
   * Parses one document in `format`, or the detected one when it is not given.
   * @throws ParseError for an empty or binary text, a text of no known format, or whatever the format's parser throws.
   */
  parse(format: string | undefined, text: string, origin: string, context: ParseContext = {}): ParsedDocument {
    if (text.trim() === "") throw new ParseError(origin, "empty document");
    if (text.includes("\u0000")) throw new ParseError(origin, "binary content (it contains NUL characters), not a text document");
    const chosen = format ?? this.detect(origin, text);
    const definition = chosen === undefined ? undefined : this.byId(chosen);
    if (!definition) {
      throw new ParseError(origin, chosen === undefined ? `not a document of a known format (${this.labels}); pass its format` : `no format "${chosen}" is registered (${this.ids.join(", ")})`);
    }
    return definition.parse(text, origin, context);
  }
}

/** A registry with one more format: the way to add one without changing the list (tests, plugins). */
export function withFormat<F extends FormatDefinition, G extends FormatDefinition>(registry: FormatRegistry<F>, format: G): FormatRegistry<F | G> {
  return new FormatRegistry<F | G>([...registry.formats, format]);
}

/** The formats this catalog reads, in the order they are listed (and detected, when equally sure). */
const BUILT_IN_FORMATS = [foundryFormat, starmapFormat, modelsDevFormat, openRouterFormat] as const;

export type BuiltInFormat = (typeof BUILT_IN_FORMATS)[number];
/** The id of a format the catalog reads ("models-dev"). */
export type DocumentFormat = BuiltInFormat["id"];
/** The source format a document of a built-in format is stored as ("MODELS_DEV"); ADMIN is not one. */
export type DocumentSourceFormat = BuiltInFormat["sourceFormat"];

/** The registry the application uses. */
export const DOCUMENT_FORMATS = new FormatRegistry<BuiltInFormat>(BUILT_IN_FORMATS);
