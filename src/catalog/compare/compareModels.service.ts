import type { CapabilityCatalogService } from "../capabilities/capabilityCatalog.service";
import { NotFoundError, ValidationError } from "../errors";
import type { ModelCatalogService } from "../models/modelCatalog.service";
import type { OfferingCatalogService } from "../offerings/offeringCatalog.service";
import type { PartyCatalogService } from "../parties/partyCatalog.service";
import type { ModelView } from "../views";
import { compareModels, type ComparisonRow } from "./modelComparison";

export const MAX_COMPARED = 10;

export interface ModelComparisonResult {
  models: ModelView[];
  rows: ComparisonRow[];
}

/** Loads what a side-by-side comparison needs and builds its rows. */
export class CompareModelsService {
  constructor(
    private readonly models: ModelCatalogService,
    private readonly offerings: OfferingCatalogService,
    private readonly capabilities: CapabilityCatalogService,
    private readonly parties: PartyCatalogService,
  ) {}

  /**
   * Compares models named by id or alias (the same model named twice is compared once), on one provider's
   * offerings when `providerId` is given. Throws NotFoundError naming the first unknown id, and
   * ValidationError for an empty or too long list.
   */
  async compare(ids: string[], providerId?: string | null): Promise<ModelComparisonResult> {
    if (ids.length === 0) throw new ValidationError("ids must name at least one model", "ids");
    if (ids.length > MAX_COMPARED) throw new ValidationError(`ids may name at most ${MAX_COMPARED} models, got ${ids.length}`, "ids");
    const resolved = await this.models.resolveIds(ids);
    const unknown = ids.findIndex((_, i) => !resolved[i]);
    if (unknown >= 0) throw new NotFoundError("model", ids[unknown]);
    if (providerId) {
      const [provider] = await this.parties.providersByIds([providerId]);
      if (!provider) throw new NotFoundError("provider", providerId);
    }
    const modelIds = [...new Set(resolved as string[])];
    const [models, capabilities, offerings] = await Promise.all([
      this.models.modelsByIds(modelIds),
      this.capabilities.capabilitiesByModelIds(modelIds),
      this.offerings.offeringsByModelIds(modelIds, providerId),
    ]);
    const prices = await this.offerings.pricesByOfferingIds(offerings.flat().map((o) => o.id));
    const pricesByOffering = new Map(offerings.flat().map((o, i) => [o.id, prices[i]]));
    const authorIds = [...new Set(models.flatMap((m) => (m?.authorId ? [m.authorId] : [])))];
    const authors = await this.parties.authorsByIds(authorIds);
    const authorName = new Map(authorIds.map((id, i) => [id, authors[i]?.name ?? null]));
    const compared = modelIds.map((_, i) => {
      const model = models[i]!;
      return {
        model,
        capabilities: capabilities[i],
        offerings: offerings[i],
        prices: offerings[i].flatMap((o) => pricesByOffering.get(o.id) ?? []),
        authorName: model.authorId ? authorName.get(model.authorId) : null,
      };
    });
    return { models: compared.map((c) => c.model), rows: compareModels(compared) };
  }
}
