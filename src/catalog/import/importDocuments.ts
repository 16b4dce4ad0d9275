import type { Database } from "../../db/database";
import { DOCUMENT_FORMATS, type DocumentSourceFormat, type FormatRegistry } from "../../ingest/formatRegistry";
import type { DocumentFormat } from "../../ingest/observation";
import { parseDocumentFiles, readDocumentFiles, type DocumentFile, type FailedDocument, type ReadResult } from "../../ingest/readDocuments";
import { storedContentHashes } from "../../db/sourceRepository";
import { loadDocuments, type LoadProgress } from "../load/loadDocuments";
import { loadOrder } from "../load/loadOrder";
import type { LoadReport } from "../load/loadReport";
import type { SourceFormat } from "../reconcile/precedence";

/** The source format each document format is stored as (each format's `sourceFormat`). */
export const SOURCE_FORMAT: Readonly<Record<DocumentFormat, DocumentSourceFormat>> = Object.fromEntries(
  DOCUMENT_FORMATS.formats.map((f) => [f.id, f.sourceFormat]),
) as Record<DocumentFormat, DocumentSourceFormat>;

/** What an import did: documents read, failed and skipped with reasons, and the rows it changed. */
export interface ImportReport extends LoadReport {
  read: number;
  failed: FailedDocument[];
  skipped: FailedDocument[];
  issues: ReadResult["issues"];
  durationMs: number;
}

export type ImportProgress = { phase: "read"; uri: string; done: number; total: number } | ({ phase: "load" } & LoadProgress);

/**
 * Reads the documents at `targets` (files or folders), parses them and loads the ones that parsed.
 * A file that fails is reported and left out; nothing from it is written. `formats` is the registry
 * documents are detected, parsed and loaded by (the application's by default).
 */
export async function importDocuments(
  database: Database,
  targets: string[],
  options: { format?: DocumentFormat; uriBase: string; onProgress?: (progress: ImportProgress) => void; now?: Date; formats?: FormatRegistry },
): Promise<ImportReport> {
  const started = Date.now();
  const formats = options.formats ?? DOCUMENT_FORMATS;
  const read: ReadResult = { documents: [], failed: [], skipped: [], issues: [], unchanged: [] };
  // A document whose content hash is the one stored for its URI is not parsed at all (a re-seed reads
  // 6,388 files and parses none of them); the loader would skip it anyway.
  const stored = await storedContentHashes(database.prisma);
  const filesByFormat = new Map<SourceFormat, DocumentFile[]>();
  for (const target of targets) {
    const result = readDocumentFiles(target, {
      format: options.format,
      uriBase: options.uriBase,
      formats,
      onFile: (uri, index, total) => options.onProgress?.({ phase: "read", uri, done: index + 1, total }),
      unchanged: (uri, contentHash) => stored.get(uri) === contentHash,
    });
    read.failed.push(...result.failed);
    read.unchanged.push(...result.unchanged);
    for (const file of result.files) {
      const format = formats.sourceFormatOf(file.format) as SourceFormat;
      const files = filesByFormat.get(format);
      if (files) files.push(file);
      else filesByFormat.set(format, [file]);
    }
  }
  const parse = (format: SourceFormat) => {
    const result = parseDocumentFiles(filesByFormat.get(format) ?? [], formats);
    read.documents.push(...result.documents);
    read.failed.push(...result.failed);
    read.skipped.push(...result.skipped);
    read.issues.push(...result.issues);
    return result.documents.map((d) => ({ uri: d.uri, format, contentHash: d.contentHash, sizeBytes: d.sizeBytes, parsed: d.parsed }));
  };
  // The first group loaded is parsed now; the others when the load has the time for them (while the
  // database finishes the group before: a seed's models.dev group, see loadDocuments).
  const [first, ...later] = loadOrder(filesByFormat.keys(), formats);
  const load = await loadDocuments(database, first ? parse(first) : [], {
    now: options.now,
    onProgress: (p) => options.onProgress?.({ phase: "load", ...p }),
    formats,
    later: later.map((format) => ({ format, read: () => parse(format) })),
  });
  return {
    ...load,
    documents: { loaded: load.documents.loaded, unchanged: load.documents.unchanged + read.unchanged.length },
    read: read.documents.length + read.failed.length + read.skipped.length + read.unchanged.length,
    failed: read.failed,
    skipped: read.skipped,
    issues: [...read.issues, ...load.issues],
    durationMs: Date.now() - started,
  };
}
