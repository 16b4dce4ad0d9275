import fs from "node:fs";
import path from "node:path";
import { documentHash, modelsDevBaseRef } from "./documentHash";
import { DOCUMENT_FORMATS, type FormatRegistry } from "./formatRegistry";
import { modelsDevFormat } from "./models-dev/modelsDevFile.format";
import { parseModelsDevTree } from "./models-dev/modelsDevTree.parser";
import { ParseError, type DocumentFormat, type ParsedDocument, type ParseIssue } from "./observation";

/** A document whose content hash is the one already stored for its URI: not parsed again. */
export interface UnchangedDocument {
  uri: string;
  format: DocumentFormat;
  contentHash: string;
}

/** A document read and parsed, with what identifies it as a source. */
export interface ReadDocument {
  uri: string;
  format: DocumentFormat;
  contentHash: string;
  sizeBytes: number;
  parsed: ParsedDocument;
}

/** A file that could not be read as a document, and why. */
export interface FailedDocument {
  uri: string;
  reason: string;
  line?: number;
}

export interface ReadResult {
  documents: ReadDocument[];
  failed: FailedDocument[];
  /** Documents that parsed but state no catalog facts (index pages), with the reason. */
  skipped: FailedDocument[];
  /** Documents left unparsed because `unchanged` said their content hash is the stored one. */
  unchanged: UnchangedDocument[];
  /** Record-level problems inside documents that did load, each naming its document and place. */
  issues: (ParseIssue & { uri: string })[];
}

/** Why a document that parsed is not loaded: it is an index or overview page. */
export const NO_FACTS_REASON = "states no catalog facts (an index or overview page)";

/** Whether a parsed document says anything about an author, provider, model or offering. */
export function statesCatalogFacts(parsed: ParsedDocument): boolean {
  return parsed.models.length + parsed.offerings.length + parsed.providers.length + parsed.authors.length > 0;
}

/** Files beside the data that describe it rather than being it. */
const NOT_DOCUMENTS = /^(SOURCE\.md|LICENSE(\.\w+)?|\..*)$/i;
const MAX_BYTES = 50 * 1024 * 1024;

/** A file read, decoded and recognized as a document of a format, not parsed yet. */
export interface DocumentFile {
  file: string;
  uri: string;
  text: string;
  bytes: Buffer;
  format: DocumentFormat;
  contentHash: string;
}

/** What reading files finds before anything is parsed: the documents to parse, and the files left out. */
export interface ReadFiles {
  files: DocumentFile[];
  failed: FailedDocument[];
  unchanged: UnchangedDocument[];
}

/** How files are read: see readDocuments. */
export interface ReadOptions {
  format?: DocumentFormat;
  uriBase: string;
  onFile?: (uri: string, index: number, total: number) => void;
  formats?: FormatRegistry;
  /** Whether the catalog already holds this URI with this content hash: such a document is not parsed. */
  unchanged?: (uri: string, contentHash: string) => boolean;
}

/**
 * Reads one file or every file under a folder as catalog documents: each is decoded, its format taken
 * from `format` or detected, and parsed. A file that cannot be read or parsed is reported with its
 * path and reason and left out; the others go on. URIs are paths relative to `uriBase` when the file
 * lies under it (the seed folder), else absolute. `formats` is the registry to detect and parse with
 * (the application's by default).
 */
export function readDocuments(target: string, options: ReadOptions): ReadResult {
  const read = readDocumentFiles(target, options);
  const parsed = parseDocumentFiles(read.files, options.formats);
  return { ...parsed, failed: [...read.failed, ...parsed.failed], unchanged: read.unchanged };
}

/**
 * The first half of readDocuments: reads, decodes and recognizes the files, and leaves out those whose
 * content hash `unchanged` says is stored; nothing is parsed. An import parses each format's files when
 * its load has the time (see importDocuments).
 */
export function readDocumentFiles(target: string, options: ReadOptions): ReadFiles {
  const formats = options.formats ?? DOCUMENT_FORMATS;
  const result: ReadFiles = { files: [], failed: [], unchanged: [] };
  const absoluteTarget = path.resolve(target);
  if (!fs.existsSync(absoluteTarget)) {
    result.failed.push({ uri: target, reason: "no such file or folder" });
    return result;
  }
  const uriOf = (file: string) => {
    const relative = path.relative(path.resolve(options.uriBase), file);
    return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
  };
  const files = fs.statSync(absoluteTarget).isDirectory() ? listFiles(absoluteTarget, absoluteTarget === path.resolve(options.uriBase)) : [absoluteTarget];

  for (const [index, file] of files.entries()) {
    const uri = uriOf(file);
    options.onFile?.(uri, index, files.length);
    try {
      const bytes = fs.readFileSync(file);
      const text = decodeText(bytes, uri);
      // A registry passed in may hold formats beyond the application's, whose ids the type does not list.
      const format = (options.format ?? formats.detect(file, text)) as DocumentFormat | undefined;
      if (!format) throw new ParseError(uri, `not a document of a known format (${formats.labels})`);
      const contentHash = documentHash(bytes, formats.byId(format)?.revision ?? 1, format === modelsDevFormat.id ? modelsDevBase(file, text) : undefined);
      if (options.unchanged?.(uri, contentHash)) {
        result.unchanged.push({ uri, format, contentHash });
        continue;
      }
      result.files.push({ file, uri, text, bytes, format, contentHash });
    } catch (error) {
      result.failed.push(failure(uri, error));
    }
  }
  return result;
}

/**
 * The second half of readDocuments: parses files readDocumentFiles read. A document that fails is
 * reported and left out; one that states no catalog facts is skipped, with the reason.
 */
export function parseDocumentFiles(files: readonly DocumentFile[], formats: FormatRegistry = DOCUMENT_FORMATS): Omit<ReadResult, "unchanged"> {
  const result: Omit<ReadResult, "unchanged"> = { documents: [], failed: [], skipped: [], issues: [] };
  const accept = (entry: { uri: string; bytes: Buffer; format: DocumentFormat; contentHash: string }, parsed: ParsedDocument) => {
    result.issues.push(...parsed.issues.map((issue) => ({ ...issue, uri: entry.uri })));
    if (!statesCatalogFacts(parsed)) {
      result.skipped.push({ uri: entry.uri, reason: NO_FACTS_REASON });
      return;
    }
    result.documents.push({ uri: entry.uri, format: entry.format, contentHash: entry.contentHash, sizeBytes: entry.bytes.length, parsed });
  };

  for (const entry of files.filter((t) => t.format !== modelsDevFormat.id)) {
    try {
      const parsed = formats.parse(entry.format, entry.text, entry.uri);
      checkLinks(entry.file, parsed);
      accept(entry, parsed);
    } catch (error) {
      result.failed.push(failure(entry.uri, error));
    }
  }
  // models.dev files are read together, as a tree; every other format file by file.
  readModelsDev(files.filter((t) => t.format === modelsDevFormat.id), result, accept);
  return result;
}

/**
 * models.dev files are read as a tree: a provider's model may inherit from models/<author>/<model>.toml
 * (base_model), which is looked up under the same root even when only part of the tree is imported.
 */
function readModelsDev(
  entries: DocumentFile[],
  result: Pick<ReadResult, "failed">,
  accept: (entry: { uri: string; bytes: Buffer; format: DocumentFormat; contentHash: string }, parsed: ParsedDocument) => void,
): void {
  const byRoot = new Map<string, typeof entries>();
  for (const entry of entries) {
    const root = modelsDevRoot(entry.file);
    if (root === undefined) {
      result.failed.push({ uri: entry.uri, reason: "a models.dev file must lie under providers/<provider>/ or models/<author>/ of its tree" });
      continue;
    }
    // Pushed, not spread into a new array: a copy per file made the seed's 6,000 files of one tree
    // allocate 300 MB of arrays.
    const inRoot = byRoot.get(root);
    if (inRoot) inRoot.push(entry);
    else byRoot.set(root, [entry]);
  }
  for (const [root, group] of byRoot) {
    const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");
    const requested = new Map(group.map((e) => [relative(e.file), e]));
    const files = group.map((e) => ({ path: relative(e.file), text: e.text }));
    const baseDir = path.join(root, "models");
    if (fs.existsSync(baseDir)) {
      for (const file of listFiles(baseDir, false)) {
        if (!requested.has(relative(file)) && file.endsWith(".toml")) files.push({ path: relative(file), text: fs.readFileSync(file, "utf8") });
      }
    }
    const tree = parseModelsDevTree(files);
    for (const failure of tree.failures) {
      const entry = requested.get(failure.origin);
      if (entry) result.failed.push({ uri: entry.uri, reason: reasonOf(failure), line: failure.line });
    }
    for (const doc of tree.documents) {
      const entry = requested.get(doc.origin);
      if (entry) accept(entry, { ...doc, origin: entry.uri });
    }
  }
}

/** The folder a models.dev file's tree starts at: the parent of its providers/ or models/ folder. */
function modelsDevRoot(file: string): string | undefined {
  const parts = file.split(path.sep);
  const rootAt = (i: number) => parts.slice(0, i).join(path.sep) || path.sep;
  for (let i = parts.length - 3; i >= 0; i--) {
    if (parts[i] === "providers" && (parts[i + 2] === "provider.toml" || parts[i + 2] === "models")) return rootAt(i);
  }
  for (let i = parts.length - 3; i >= 0; i--) if (parts[i] === "models") return rootAt(i);
  return undefined;
}

/**
 * Starmap pages link to each other (no other format read file by file states links); a link to a page
 * that is not there is reported, its facts kept.
 */
function checkLinks(file: string, parsed: ParsedDocument): void {
  if (parsed.links.length === 0) return;
  const parts = file.split(path.sep);
  const at = Math.max(parts.lastIndexOf("authors"), parts.lastIndexOf("providers"));
  const root = at >= 0 ? parts.slice(0, at).join(path.sep) : path.dirname(file);
  for (const link of parsed.links) {
    if (!fs.existsSync(path.join(root, link.target))) {
      parsed.issues.push({ code: "DANGLING_LINK", message: `links to ${link.target}, which is not in the catalog`, locator: link.locator });
    }
  }
}

function listFiles(dir: string, isSeedRoot: boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (NOT_DOCUMENTS.test(entry.name) || (isSeedRoot && entry.name === "README.md")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, false));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** UTF-8 text of a file; a ParseError for an empty, binary, oversized or non-UTF-8 one. */
export function decodeText(bytes: Buffer, origin: string): string {
  if (bytes.length > MAX_BYTES) throw new ParseError(origin, `too large (${bytes.length} bytes; the limit is ${MAX_BYTES})`);
  if (bytes.subarray(0, 8192).includes(0)) throw new ParseError(origin, "binary file (it contains NUL bytes), not a text document");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ParseError(origin, "not UTF-8 text");
  }
  if (text.trim() === "") throw new ParseError(origin, "empty document");
  return text.replace(/^\uFEFF/, "");
}

/** The bytes of the base file a models.dev provider file names in `base_model`, if it has one on disk. */
function modelsDevBase(file: string, text: string): Buffer | undefined {
  const ref = modelsDevBaseRef(text);
  const root = ref ? modelsDevRoot(file) : undefined;
  if (!ref || root === undefined) return undefined;
  const basePath = path.join(root, "models", `${ref}.toml`);
  return fs.existsSync(basePath) ? fs.readFileSync(basePath) : undefined;
}


function reasonOf(error: unknown): string {
  if (error instanceof ParseError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

function failure(uri: string, error: unknown): FailedDocument {
  return { uri, reason: reasonOf(error), line: error instanceof ParseError ? error.line : undefined };
}
