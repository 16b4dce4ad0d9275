import { detectFormat } from "./documentFormat";
import { parseFoundryCard } from "./foundry/foundryCard.parser";
import { parseModelsDevFile } from "./models-dev/modelsDevFile.parser";
import { ParseError, type DocumentFormat, type ParsedDocument } from "./observation";
import { parseOpenRouterModels } from "./openrouter/openrouterModels.parser";
import { parseStarmapPage } from "./starmap/starmapPage.parser";

/**
 * Parses one document given as text (a pasted document), in `format` or the detected one. `origin` names
 * it in errors and, for models.dev, is its path in the tree ("providers/openai/models/x.toml"), which
 * decides what kind of file it is; `baseOf` finds the files its base_model names. Throws ParseError.
 */
export function parseDocumentText(format: DocumentFormat | undefined, text: string, origin: string, baseOf?: (ref: string) => string | undefined): ParsedDocument {
  if (text.trim() === "") throw new ParseError(origin, "empty document");
  if (text.includes("\u0000")) throw new ParseError(origin, "binary content (it contains NUL characters), not a text document");
  const chosen = format ?? detectFormat(origin, text);
  switch (chosen) {
    case "foundry":
      return parseFoundryCard(text, origin);
    case "starmap":
      return parseStarmapPage(text, origin);
    case "openrouter":
      return parseOpenRouterModels(text, origin);
    case "models-dev":
      return parseModelsDevFile(text, origin, baseOf);
    default:
      throw new ParseError(origin, "not a document of a known format (Foundry card, Starmap page, models.dev TOML, OpenRouter model list); pass its format");
  }
}
