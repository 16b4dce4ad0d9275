import type { Database } from "../db/database";
import { CapabilityCatalogService } from "./capabilities/capabilityCatalog.service";
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
}

export function createCatalogServices(database: Database): CatalogServices {
  return {
    health: new CatalogHealthService(database),
    models: new ModelCatalogService(database),
    offerings: new OfferingCatalogService(database),
    parties: new PartyCatalogService(database),
    capabilities: new CapabilityCatalogService(database),
    sources: new SourceCatalogService(database),
    provenance: new ProvenanceService(database),
  };
}
