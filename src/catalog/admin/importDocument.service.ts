import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Database } from "../../db/database";
import { ParseError, type DocumentFormat } from "../../ingest/observation";
import { documentHash, modelsDevBaseRef } from "../../ingest/documentHash";
import { DOCUMENT_FORMATS } from "../../ingest/formatRegistry";
import { modelsDevFormat } from "../../ingest/models-dev/modelsDevFile.format";
import { parseDocumentText } from "../../ingest/parseDocumentText";
import { NO_FACTS_REASON, statesCatalogFacts } from "../../ingest/readDocuments";
import { SOURCE_FORMAT, type ImportReport } from "../import/importDocuments";
import { loadDocuments } from "../load/loadDocuments";
import { emptyLoadReport } from "../load/loadReport";
import { ValidationError } from "../errors";
import type { Actor } from "./actor";
import { auditEvents } from "./auditTrail";
import type { AuditRepository } from "../../db/auditRepository";
import type { CatalogChanges } from "../readModel/catalogChanges";

const MAX_CONTENT = 900_000;

/**
 * Runs the seed pipeline's parsers and loader on a pasted document. It becomes the source
 * "admin/<name>" (re-importing the same name replaces what it said). A document that cannot be parsed
 * is reported, not thrown, exactly as the import command reports a failed file. The load announces
 * itself on the catalog's bus; this instance's read model serves it before the call returns, and the
 * prices it changed reach `priceChanged` subscribers.
 */
export class ImportDocumentService {
  constructor(
    private readonly database: Database,
    private readonly seedDir: string,
    private readonly changes: CatalogChanges,
    private readonly audit: AuditRepository,
  ) {}

  async importDocument(format: DocumentFormat | null | undefined, content: string, name: string | null | undefined, actor: Actor): Promise<ImportReport> {
    const started = Date.now();
    if (content.length > MAX_CONTENT) throw new ValidationError(`content is longer than ${MAX_CONTENT} characters; import large data sets with npm run import`, "content");
    const given = name?.trim() || crypto.createHash("sha256").update(content).digest("hex").slice(0, 16);
    if (!/^[\w.@+/-]{1,200}$/.test(given) || given.split("/").includes("..")) throw new ValidationError("name may hold letters, digits and . _ - + @ / (no ..), up to 200 characters", "name");
    const uri = `admin/${given}`;
    const report: ImportReport = { ...emptyLoadReport(), read: 1, failed: [], skipped: [], issues: [], durationMs: 0 };
    let parsed;
    try {
      parsed = parseDocumentText(format ?? undefined, content, given, (ref) => this.baseModel(ref));
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      report.failed.push({ uri, reason: error.reason, line: error.line });
      report.durationMs = Date.now() - started;
      return report;
    }
    report.issues.push(...parsed.issues.map((issue) => ({ ...issue, uri })));
    if (!statesCatalogFacts(parsed)) {
      report.skipped.push({ uri, reason: NO_FACTS_REASON });
      report.durationMs = Date.now() - started;
      return report;
    }
    const bytes = Buffer.from(content, "utf8");
    // Hashed as a file read from disk would be: a new parser revision or a changed base file loads it again.
    const baseRef = parsed.format === modelsDevFormat.id ? modelsDevBaseRef(content) : undefined;
    const base = baseRef === undefined ? undefined : this.baseModel(baseRef);
    const contentHash = documentHash(bytes, DOCUMENT_FORMATS.byId(parsed.format)?.revision ?? 1, base === undefined ? undefined : Buffer.from(base, "utf8"));
    const load = await loadDocuments(
      this.database,
      [{ uri, format: SOURCE_FORMAT[parsed.format], contentHash, sizeBytes: bytes.length, parsed: { ...parsed, origin: uri } }],
      {
        beforeCommit: (tx) =>
          this.audit.append(tx, auditEvents(actor, [{ action: "importDocument", entityType: "SOURCE", entityId: uri, after: { format: parsed.format, models: parsed.models.length, offerings: parsed.offerings.length } }])),
        origin: this.changes.origin,
        actorName: actor.name,
      },
    );
    if (load.documents.loaded > 0) await this.changes.applied({ kind: "documents", priceSlots: load.changedPriceSlots, actorName: actor.name });
    return { ...report, ...load, read: 1, issues: [...report.issues, ...load.issues], durationMs: Date.now() - started };
  }

  /** A models.dev base model from the seed's tree, for pasted provider files that name one. */
  private baseModel(ref: string): string | undefined {
    const file = path.join(this.seedDir, "models.dev", "models", `${ref}.toml`);
    return path.resolve(file).startsWith(path.resolve(this.seedDir)) && fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  }
}
