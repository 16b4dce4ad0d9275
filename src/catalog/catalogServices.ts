import path from "node:path";
import { AuditRepository } from "../db/auditRepository";
import { CatalogReadRepository } from "../db/catalogReadRepository";
import { CatalogRecordRepository } from "../db/catalogRecordRepository";
import { CatalogStatusRepository } from "../db/catalogStatusRepository";
import { FieldOverrideRepository } from "../db/fieldOverrideRepository";
import { ProvenanceRepository } from "../db/provenanceRepository";
import type { Database } from "../db/database";
import { SourceContributionRepository } from "../db/sourceContributionRepository";
import type { Logger } from "../logger";
import { findUp } from "../projectRoot";
import { AuditLogService } from "./admin/auditLog.service";
import { ApiKeyService } from "./auth/apiKeys.service";
import { ApiKeyRepository } from "../db/apiKeyRepository";
import { ImportDocumentService } from "./admin/importDocument.service";
import { PriceChangeFeed } from "./admin/priceChangeFeed";
import { PriceWriteService } from "./admin/priceWrites.service";
import { RecordWriteService } from "./admin/recordWrites.service";
import { CompareModelsService } from "./compare/compareModels.service";
import { CostEstimateService } from "./cost/costEstimate.service";
import { CatalogHealthService } from "./health/catalogHealth.service";
import { ModelCatalogService } from "./models/modelCatalog.service";
import { OfferingCatalogService } from "./offerings/offeringCatalog.service";
import { PartyCatalogService } from "./parties/partyCatalog.service";
import { ProvenanceService } from "./provenance/provenance.service";
import { CatalogQualityService } from "./quality/catalogQuality.service";
import { CatalogChanges } from "./readModel/catalogChanges";
import { CatalogReadModel, type RebuildHooks } from "./readModel/catalogReadModel";
import { SourceCatalogService } from "./sources/sourceCatalog.service";

/** Every domain service, built once per process from the open database. */
export interface CatalogServices {
  /** The in-process snapshot public reads resolve from. */
  readModel: CatalogReadModel;
  /** The change bus: keeps this instance's read model and subscribers current with every instance's writes. */
  changes: CatalogChanges;
  health: CatalogHealthService;
  models: ModelCatalogService;
  offerings: OfferingCatalogService;
  parties: PartyCatalogService;
  sources: SourceCatalogService;
  provenance: ProvenanceService;
  comparison: CompareModelsService;
  costs: CostEstimateService;
  priceChanges: PriceChangeFeed;
  priceWrites: PriceWriteService;
  recordWrites: RecordWriteService;
  auditLog: AuditLogService;
  documentImports: ImportDocumentService;
  apiKeys: ApiKeyService;
  /** The catalog quality report (admins and `npm run catalog:report`). */
  quality: CatalogQualityService;
}

/**
 * Builds the services. The read model starts empty: `startReadModel` fills it and starts hearing changes,
 * and must run before the services serve reads.
 */
export function createCatalogServices(database: Database, options: { seedDir?: string; logger?: Logger; rebuildHooks?: RebuildHooks } = {}): CatalogServices {
  const seedDir = options.seedDir ?? path.join(findUp("seed", __dirname) ?? process.cwd(), "seed");
  const priceChanges = new PriceChangeFeed();
  const readModel = new CatalogReadModel(new CatalogReadRepository(database.prisma), options.logger, options.rebuildHooks);
  const changes = new CatalogChanges(database, readModel, priceChanges, options.logger);
  const models = new ModelCatalogService();
  const facts = new ProvenanceRepository(database.sql);
  const provenance = new ProvenanceService(facts);
  const audit = new AuditRepository(database.prisma);
  const overrides = new FieldOverrideRepository();
  return {
    readModel,
    changes,
    health: new CatalogHealthService(new CatalogStatusRepository(database.prisma), database.kind, () => !readModel.stats.stale),
    models,
    offerings: new OfferingCatalogService(),
    parties: new PartyCatalogService(),
    sources: new SourceCatalogService(),
    provenance,
    comparison: new CompareModelsService(),
    costs: new CostEstimateService(models),
    priceChanges,
    priceWrites: new PriceWriteService(database, changes, overrides, audit),
    recordWrites: new RecordWriteService(database, changes, { records: new CatalogRecordRepository(), overrides, provenance: facts, audit }),
    auditLog: new AuditLogService(audit),
    documentImports: new ImportDocumentService(database, seedDir, changes, audit),
    apiKeys: new ApiKeyService(new ApiKeyRepository(database.prisma)),
    quality: new CatalogQualityService(provenance, new SourceContributionRepository(database.sql)),
  };
}

/**
 * Starts hearing catalog changes, then builds the first snapshot: in this order, so that a change
 * committed while the snapshot is read is applied after it rather than lost.
 */
export async function startReadModel(services: CatalogServices): Promise<void> {
  await services.changes.start();
  await services.readModel.rebuild();
  if (services.readModel.stats.stale) {
    await stopReadModel(services);
    throw new Error("Could not read the catalog into memory; see the log above");
  }
}

/** Stops hearing changes and waits for updates in progress. */
export async function stopReadModel(services: CatalogServices): Promise<void> {
  services.readModel.close();
  await services.changes.stop();
}
