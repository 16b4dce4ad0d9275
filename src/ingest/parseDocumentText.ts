import { DOCUMENT_FORMATS, type FormatRegistry } from "./formatRegistry";
import type { DocumentFormat, ParsedDocument } from "./observation";

/**
 * Parses one document given as text (a pasted document), in `format` or the detected one. `origin` names
 * it in errors and, for models.dev, is its path in the tree ("providers/openai/models/x.toml"), which
 * decides what kind of file it is; `baseOf` finds the files its base_model names. `formats` is the
 * registry to detect and parse with (the application's by default).
 * @throws ParseError for an empty, binary or unrecognized text, or whatever its format's parser throws.
 */
export function parseDocumentText(
  format: DocumentFormat | undefined,
  text: string,
  origin: string,
  baseOf?: (ref: string) => string | undefined,
  formats: FormatRegistry = DOCUMENT_FORMATS,
): ParsedDocument {
  return formats.parse(format, text, origin, { baseOf });
}
