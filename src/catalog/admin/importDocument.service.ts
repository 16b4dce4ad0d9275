import crypto from "node:crypto";
import Decimal from "decimal.js";
import fs from "node:fs";
import path from "node:path";
import type { Database } from "../../db/database";
import { ParseError, type DocumentFormat } from "../../ingest/observation";
import { parseDocumentText } from "../../ingest/parseDocumentText";
import { NO_FACTS_REASON, statesCatalogFacts } from "../../ingest/readDocuments";
import { SOURCE_FORMAT, type ImportReport } from "../import/importDocuments";
import { loadDocuments } from "../load/loadDocuments";
import { emptyLoadReport } from "../load/loadReport";
import { PRICE_COLUMNS, toPriceView } from "../offerings/offeringRows";
import { ValidationError } from "../errors";
import type { Actor } from "./actor";
import { recordAudit } from "./auditTrail";
import type { PriceChangedEvent, PriceChangeFeed } from "./priceChangeFeed";

const MAX_CONTENT = 900_000;

/**
 * Runs the seed pipeline's parsers and loader on a pasted document. It becomes the source
 * "admin/<name>" (re-importing the same name replaces what it said). A document that cannot be parsed
 * is reported, not thrown, exactly as the import command reports a failed file. The prices it changes
 * are announced to subscribers after commit.
 */
export class ImportDocumentService {
  constructor(
    private readonly database: Database,
    private readonly seedDir: string,
    private readonly feed: PriceChangeFeed,
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
    const load = await loadDocuments(
      this.database,
      [{ uri, format: SOURCE_FORMAT[parsed.format], contentHash: crypto.createHash("sha256").update(bytes).digest("hex"), sizeBytes: bytes.length, parsed: { ...parsed, origin: uri } }],
      {
        beforeCommit: (tx) =>
          recordAudit(tx, actor, [{ action: "importDocument", entityType: "SOURCE", entityId: uri, after: { format: parsed.format, models: parsed.models.length, offerings: parsed.offerings.length } }]),
      },
    );
    this.feed.publish(await this.priceEvents(load.changedPriceSlots, actor));
    return { ...report, ...load, read: 1, durationMs: Date.now() - started };
  }

  /** The committed price changes an import made, as subscribers receive them. */
  private async priceEvents(slots: string[], actor: Actor): Promise<PriceChangedEvent[]> {
    if (slots.length === 0) return [];
    const rows = await this.database.sql.query<Record<string, unknown>>(
      `SELECT ${PRICE_COLUMNS}, o."providerId" AS "providerId", o."modelId" AS "modelId",
         (SELECT row_to_json(prev) FROM (SELECT q.amount::text AS amount, q.currency, q.version, q.id FROM "Price" q
            WHERE q."offeringId" = p."offeringId" AND q.kind = p.kind AND q.unit = p.unit AND q.mode = p.mode AND q."contextAbove" = p."contextAbove"
              AND q."validTo" = p."validFrom") prev) AS previous
       FROM "Price" p JOIN "Offering" o ON o.id = p."offeringId" WHERE p."currentSlot" = ANY($1::text[])`,
      [slots],
    );
    return rows.map((row) => {
      const price = toPriceView(row);
      const previous = row.previous as { amount: string; currency: string; version: number; id: string } | null;
      return {
        offeringId: price.offeringId,
        providerId: String(row.providerId),
        modelId: String(row.modelId),
        price,
        previous: previous ? { ...price, ...previous, amount: new Decimal(previous.amount).toFixed(), validTo: price.validFrom } : null,
        actorName: actor.name,
      };
    });
  }

  /** A models.dev base model from the seed's tree, for pasted provider files that name one. */
  private baseModel(ref: string): string | undefined {
    const file = path.join(this.seedDir, "models.dev", "models", `${ref}.toml`);
    return path.resolve(file).startsWith(path.resolve(this.seedDir)) && fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  }
}
