import type { Database } from "../../db/database";
import { capabilityKey } from "../../ingest/capabilityVocabulary";
import { groupByKeys } from "../batch";
import type { CapabilityDefinitionView, CapabilityLevel, CapabilityValue } from "../views";

/** Reads capability flag definitions and the flags of models and offerings. */
export class CapabilityCatalogService {
  constructor(private readonly database: Database) {}

  /** Every flag the catalog knows, by category and key. */
  async definitions(): Promise<CapabilityDefinitionView[]> {
    return this.database.sql.query<CapabilityDefinitionView>(`SELECT key, name, category, description FROM "CapabilityDefinition" ORDER BY category, key`);
  }

  async capabilitiesByModelIds(ids: readonly string[]): Promise<CapabilityValue[][]> {
    const rows = await this.database.sql.query<{ owner: string; key: string; level: CapabilityLevel }>(
      `SELECT "modelId" AS owner, "capabilityKey" AS key, level::text AS level FROM "ModelCapability" WHERE "modelId" = ANY($1::text[]) ORDER BY "capabilityKey"`,
      [[...ids]],
    );
    return groupByKeys(ids, rows, (r) => r.owner).map((group) => group.map(({ key, level }) => ({ key, level })));
  }

  async capabilitiesByOfferingIds(ids: readonly string[]): Promise<CapabilityValue[][]> {
    const rows = await this.database.sql.query<{ owner: string; key: string; level: CapabilityLevel }>(
      `SELECT "offeringId" AS owner, "capabilityKey" AS key, level::text AS level FROM "OfferingCapability" WHERE "offeringId" = ANY($1::text[]) ORDER BY "capabilityKey"`,
      [[...ids]],
    );
    return groupByKeys(ids, rows, (r) => r.owner).map((group) => group.map(({ key, level }) => ({ key, level })));
  }
}

/** Whether a level means the capability is there (supported, or a core parameter). */
export function isSupported(level: CapabilityLevel): boolean {
  return level !== "NOT_SUPPORTED";
}

/** Whether a set of flags says a capability is there: true (supported or core), false (not supported), or null (no one says). */
export function supports(capabilities: CapabilityValue[], label: string): boolean | null {
  const key = capabilityKey(label);
  const found = capabilities.find((c) => c.key === key);
  return found ? isSupported(found.level) : null;
}
