import path from "node:path";
import type { Database } from "../db/database";
import { findUp } from "../projectRoot";
import { AuditLogService } from "./admin/auditLog.service";
import { ApiKeyService } from "./auth/apiKeys.service";
import { ImportDocumentService } from "./admin/importDocument.service";
import { PriceChangeFeed } from "./admin/priceChangeFeed";
import { PriceWriteService } from "./admin/priceWrites.service";
import { RecordWriteService } from "./admin/recordWrites.service";
import { CapabilityCatalogService } from "./capabilities/capabilityCatalog.service";
import { CompareModelsService } from "./compare/compareModels.service";
import { CostEstimateService } from "./cost/costEstimate.service";
import { CatalogHealthService } from "./health/catalogHealth.service";
import { ModelCatalogService } from "./models/modelCatalog.service";
import { OfferingCatalogService } from "./offerings/offeringCatalog.service";
import { PartyCatalogService } from "./parties/partyCatalog.service";
import { ProvenanceService } from "./provenance/provenance.service";
import { SourceCatalogService } from "./sources/sourceCatalog.service";

/** Every domain service, built once per process from the open database. */
export interface CatalogServices {
  health: CatalogHealthService;
  models: ModelCatalogService;
  offerings: OfferingCatalogService;
  parties: PartyCatalogService;
  capabilities: CapabilityCatalogService;
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
}

export function createCatalogServices(database: Database, options: { seedDir?: string } = {}): CatalogServices {
  const seedDir = options.seedDir ?? path.join(findUp("seed", __dirname) ?? process.cwd(), "seed");
  const priceChanges = new PriceChangeFeed();
  const models = new ModelCatalogService(database);
  const offerings = new OfferingCatalogService(database);
  const parties = new PartyCatalogService(database);
  const capabilities = new CapabilityCatalogService(database);
  return {
    health: new CatalogHealthService(database),
    models,
    offerings,
    parties,
    capabilities,
    sources: new SourceCatalogService(database),
    provenance: new ProvenanceService(database),
    comparison: new CompareModelsService(models, offerings, capabilities, parties),
    costs: new CostEstimateService(models, offerings),
    priceChanges,
    priceWrites: new PriceWriteService(database, priceChanges),
    recordWrites: new RecordWriteService(database),
    auditLog: new AuditLogService(database),
    documentImports: new ImportDocumentService(database, seedDir, priceChanges),
    apiKeys: new ApiKeyService(database),
  };
}
