import type { Database } from "../db/database";
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
}

export function createCatalogServices(database: Database): CatalogServices {
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
  };
}
