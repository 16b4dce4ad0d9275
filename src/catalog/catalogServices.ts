import type { Database } from "../db/database";
import { CatalogHealthService } from "./health/catalogHealth.service";

/** Every domain service, built once per process from the open database. */
export interface CatalogServices {
  health: CatalogHealthService;
}

export function createCatalogServices(database: Database): CatalogServices {
  return { health: new CatalogHealthService(database) };
}
