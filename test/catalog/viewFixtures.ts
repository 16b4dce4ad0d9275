import type { ModelView, OfferingView, ProviderView } from "../../src/catalog/views";

// Views for catalogs made up in tests (CatalogContent): every field a test does not name is empty, so a
// test states only what it is about.

/** A model named by its id, no author, text in and out, active, version 1. */
export function modelView(id: string, extra: Partial<ModelView> = {}): ModelView {
  return {
    id,
    name: id,
    authorId: null,
    family: null,
    description: null,
    snapshot: null,
    releaseDate: null,
    releaseDatePrecision: null,
    lastUpdated: null,
    knowledgeCutoff: null,
    knowledgeCutoffPrecision: null,
    openWeights: null,
    license: null,
    languages: [],
    languageCount: null,
    inputModalities: ["text"],
    outputModalities: ["text"],
    contextWindow: null,
    maxInputTokens: null,
    maxOutputTokens: null,
    status: "ACTIVE",
    deprecationDate: null,
    retirementDate: null,
    qualityIndex: null,
    huggingFaceId: null,
    tokenizer: null,
    version: 1,
    updatedAt: new Date("2026-01-01T00:00:00Z"),
    ...extra,
  };
}

/** `providerId`'s offering of `modelId` under the model's own id, "<provider>:<model>", active, version 1. */
export function offeringView(providerId: string, modelId: string, extra: Partial<OfferingView> = {}): OfferingView {
  return {
    id: `${providerId}:${modelId}`,
    providerId,
    modelId,
    providerModelId: modelId,
    name: null,
    contextWindow: null,
    maxInputTokens: null,
    maxOutputTokens: null,
    billingTierThresholds: [],
    inputModalities: null,
    outputModalities: null,
    deploymentTypes: [],
    regions: [],
    status: "ACTIVE",
    deprecationDate: null,
    retirementDate: null,
    version: 1,
    ...extra,
  };
}

/** A provider of kind OTHER named by its id. */
export function providerView(id: string): ProviderView {
  return {
    id,
    name: id,
    kind: "OTHER",
    docsUrl: null,
    apiUrl: null,
    apiKeyEnvVars: [],
    sdkPackage: null,
    statusPageUrl: null,
    privacyPolicyUrl: null,
    trainsOnData: null,
    dataRetentionDays: null,
    headquarters: null,
    version: 1,
  };
}
