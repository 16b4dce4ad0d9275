import { ParseError, type ParsedDocument } from "../observation";
import { baseModelPath, parseModelsDevFile } from "./modelsDevFile.parser";

/** One file of a models.dev tree: its path relative to the root ("/" separators) and its text. */
export interface ModelsDevTreeFile {
  path: string;
  text: string;
}

export interface ModelsDevTree {
  documents: ParsedDocument[];
  /** Files that could not be read at all, each naming its path and the reason. */
  failures: ParseError[];
}

/**
 * Parses every `.toml` file of a models.dev tree (other files, such as SOURCE.md or logos, are not data and
 * are passed over), resolving each `base_model` against the tree's own `models/` files. A file that cannot
 * be read goes to `failures` and the rest go on. A link to a file the tree lacks (a provider model whose
 * provider.toml is missing) is reported on the linking document as a DANGLING_LINK issue. Pure: the caller
 * reads the folder.
 */
export function parseModelsDevTree(files: ModelsDevTreeFile[]): ModelsDevTree {
  const byPath = new Map<string, string>();
  for (const file of files) byPath.set(normalizePath(file.path), file.text);
  const baseOf = (ref: string) => byPath.get(baseModelPath(ref));

  const documents: ParsedDocument[] = [];
  const failures: ParseError[] = [];
  for (const [path, text] of byPath) {
    if (!path.endsWith(".toml")) continue;
    try {
      const document = parseModelsDevFile(text, path, baseOf);
      for (const link of document.links) {
        if (!byPath.has(link.target)) {
          document.issues.push({ code: "DANGLING_LINK", message: `links to ${link.target}, which the tree does not have`, locator: link.locator });
        }
      }
      documents.push(document);
    } catch (error) {
      failures.push(error instanceof ParseError ? error : new ParseError(path, `unexpected failure: ${(error as Error).message}`));
    }
  }
  return { documents, failures };
}

/** "./providers\\openai/provider.toml" → "providers/openai/provider.toml". */
function normalizePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/^\/+/, "");
}
