-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('YEAR', 'MONTH', 'DAY');

-- CreateEnum
CREATE TYPE "LifecycleStatus" AS ENUM ('ACTIVE', 'PREVIEW', 'DEPRECATED', 'RETIRED');

-- CreateEnum
CREATE TYPE "ProviderKind" AS ENUM ('FIRST_PARTY', 'CLOUD', 'AGGREGATOR', 'INFERENCE_HOST', 'OTHER');

-- CreateEnum
CREATE TYPE "PriceKind" AS ENUM ('INPUT', 'OUTPUT', 'CACHED_INPUT', 'CACHE_WRITE', 'REASONING', 'INPUT_AUDIO', 'OUTPUT_AUDIO', 'INPUT_IMAGE', 'OUTPUT_IMAGE', 'REQUEST', 'WEB_SEARCH');

-- CreateEnum
CREATE TYPE "PriceUnit" AS ENUM ('PER_1M_TOKENS', 'PER_IMAGE', 'PER_REQUEST', 'PER_1K_REQUESTS', 'PER_SECOND', 'PER_MINUTE');

-- CreateEnum
CREATE TYPE "PriceMode" AS ENUM ('STANDARD', 'BATCH', 'PRIORITY', 'FLEX', 'FAST');

-- CreateEnum
CREATE TYPE "TierRule" AS ENUM ('WHOLE_REQUEST');

-- CreateEnum
CREATE TYPE "CapabilityLevel" AS ENUM ('SUPPORTED', 'NOT_SUPPORTED', 'CORE');

-- CreateEnum
CREATE TYPE "SourceFormat" AS ENUM ('FOUNDRY', 'STARMAP', 'MODELS_DEV', 'OPENROUTER', 'ADMIN');

-- CreateEnum
CREATE TYPE "EntityType" AS ENUM ('AUTHOR', 'PROVIDER', 'MODEL', 'OFFERING');

-- CreateEnum
CREATE TYPE "ApiKeyRole" AS ENUM ('ADMIN', 'EDITOR');

-- CreateTable
CREATE TABLE "Author" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Author_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ProviderKind" NOT NULL DEFAULT 'OTHER',
    "docsUrl" TEXT,
    "apiUrl" TEXT,
    "apiKeyEnvVars" TEXT[],
    "sdkPackage" TEXT,
    "statusPageUrl" TEXT,
    "privacyPolicyUrl" TEXT,
    "trainsOnData" BOOLEAN,
    "dataRetentionDays" INTEGER,
    "headquarters" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Model" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "authorId" TEXT,
    "family" TEXT,
    "description" TEXT,
    "snapshot" TEXT,
    "releaseDate" DATE,
    "releaseDatePrecision" "DatePrecision",
    "lastUpdated" DATE,
    "knowledgeCutoff" DATE,
    "knowledgeCutoffPrecision" "DatePrecision",
    "openWeights" BOOLEAN,
    "license" TEXT,
    "languages" TEXT[],
    "languageCount" INTEGER,
    "inputModalities" TEXT[],
    "outputModalities" TEXT[],
    "contextWindow" INTEGER,
    "maxInputTokens" INTEGER,
    "maxOutputTokens" INTEGER,
    "status" "LifecycleStatus" NOT NULL DEFAULT 'ACTIVE',
    "deprecationDate" DATE,
    "retirementDate" DATE,
    "qualityIndex" DECIMAL(12,6),
    "huggingFaceId" TEXT,
    "tokenizer" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelAlias" (
    "alias" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelAlias_pkey" PRIMARY KEY ("alias")
);

-- CreateTable
CREATE TABLE "Offering" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "providerModelId" TEXT NOT NULL,
    "name" TEXT,
    "contextWindow" INTEGER,
    "maxInputTokens" INTEGER,
    "maxOutputTokens" INTEGER,
    "deploymentTypes" TEXT[],
    "regions" TEXT[],
    "status" "LifecycleStatus" NOT NULL DEFAULT 'ACTIVE',
    "deprecationDate" DATE,
    "retirementDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offering_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Price" (
    "id" TEXT NOT NULL,
    "offeringId" TEXT NOT NULL,
    "kind" "PriceKind" NOT NULL,
    "unit" "PriceUnit" NOT NULL DEFAULT 'PER_1M_TOKENS',
    "mode" "PriceMode" NOT NULL DEFAULT 'STANDARD',
    "contextAbove" INTEGER NOT NULL DEFAULT 0,
    "tierRule" "TierRule" NOT NULL DEFAULT 'WHOLE_REQUEST',
    "amount" DECIMAL(24,12) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "validFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" TIMESTAMP(3),
    "currentSlot" TEXT,
    "sourceId" TEXT,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Price_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CapabilityDefinition" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CapabilityDefinition_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ModelCapability" (
    "modelId" TEXT NOT NULL,
    "capabilityKey" TEXT NOT NULL,
    "level" "CapabilityLevel" NOT NULL,

    CONSTRAINT "ModelCapability_pkey" PRIMARY KEY ("modelId","capabilityKey")
);

-- CreateTable
CREATE TABLE "OfferingCapability" (
    "offeringId" TEXT NOT NULL,
    "capabilityKey" TEXT NOT NULL,
    "level" "CapabilityLevel" NOT NULL,

    CONSTRAINT "OfferingCapability_pkey" PRIMARY KEY ("offeringId","capabilityKey")
);

-- CreateTable
CREATE TABLE "ModelBenchmark" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "score" DECIMAL(18,6) NOT NULL,
    "unit" TEXT,
    "sourceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelBenchmark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "format" "SourceFormat" NOT NULL,
    "uri" TEXT NOT NULL,
    "title" TEXT,
    "contentHash" CHAR(64) NOT NULL,
    "sizeBytes" INTEGER NOT NULL DEFAULT 0,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fact" (
    "id" TEXT NOT NULL,
    "entityType" "EntityType" NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "rawValue" TEXT,
    "precision" TEXT,
    "sourceId" TEXT NOT NULL,
    "locator" TEXT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FieldDecision" (
    "entityType" "EntityType" NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "chosenValue" JSONB,
    "chosenFactId" TEXT,
    "rule" TEXT NOT NULL,
    "hasConflict" BOOLEAN NOT NULL DEFAULT false,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FieldDecision_pkey" PRIMARY KEY ("entityType","entityId","field")
);

-- CreateTable
CREATE TABLE "FieldOverride" (
    "entityType" "EntityType" NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "apiKeyId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FieldOverride_pkey" PRIMARY KEY ("entityType","entityId","field")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "ApiKeyRole" NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "apiKeyId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Provider_kind_idx" ON "Provider"("kind");

-- CreateIndex
CREATE INDEX "Model_authorId_idx" ON "Model"("authorId");

-- CreateIndex
CREATE INDEX "Model_family_idx" ON "Model"("family");

-- CreateIndex
CREATE INDEX "Model_releaseDate_idx" ON "Model"("releaseDate");

-- CreateIndex
CREATE INDEX "Model_contextWindow_idx" ON "Model"("contextWindow");

-- CreateIndex
CREATE INDEX "Model_maxOutputTokens_idx" ON "Model"("maxOutputTokens");

-- CreateIndex
CREATE INDEX "Model_status_idx" ON "Model"("status");

-- CreateIndex
CREATE INDEX "Model_name_idx" ON "Model"("name");

-- CreateIndex
CREATE INDEX "Model_inputModalities_idx" ON "Model" USING GIN ("inputModalities");

-- CreateIndex
CREATE INDEX "Model_outputModalities_idx" ON "Model" USING GIN ("outputModalities");

-- CreateIndex
CREATE INDEX "ModelAlias_modelId_idx" ON "ModelAlias"("modelId");

-- CreateIndex
CREATE INDEX "Offering_modelId_idx" ON "Offering"("modelId");

-- CreateIndex
CREATE INDEX "Offering_providerId_modelId_idx" ON "Offering"("providerId", "modelId");

-- CreateIndex
CREATE UNIQUE INDEX "Offering_providerId_providerModelId_key" ON "Offering"("providerId", "providerModelId");

-- CreateIndex
CREATE UNIQUE INDEX "Price_currentSlot_key" ON "Price"("currentSlot");

-- CreateIndex
CREATE INDEX "Price_offeringId_kind_validFrom_idx" ON "Price"("offeringId", "kind", "validFrom");

-- CreateIndex
CREATE INDEX "Price_kind_mode_amount_idx" ON "Price"("kind", "mode", "amount");

-- CreateIndex
CREATE INDEX "Price_validTo_idx" ON "Price"("validTo");

-- CreateIndex
CREATE INDEX "CapabilityDefinition_category_idx" ON "CapabilityDefinition"("category");

-- CreateIndex
CREATE INDEX "ModelCapability_capabilityKey_level_modelId_idx" ON "ModelCapability"("capabilityKey", "level", "modelId");

-- CreateIndex
CREATE INDEX "OfferingCapability_capabilityKey_level_offeringId_idx" ON "OfferingCapability"("capabilityKey", "level", "offeringId");

-- CreateIndex
CREATE INDEX "ModelBenchmark_name_score_idx" ON "ModelBenchmark"("name", "score");

-- CreateIndex
CREATE UNIQUE INDEX "ModelBenchmark_modelId_name_key" ON "ModelBenchmark"("modelId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Source_uri_key" ON "Source"("uri");

-- CreateIndex
CREATE INDEX "Source_format_idx" ON "Source"("format");

-- CreateIndex
CREATE INDEX "Fact_sourceId_idx" ON "Fact"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Fact_entityType_entityId_field_sourceId_key" ON "Fact"("entityType", "entityId", "field", "sourceId");

-- CreateIndex
CREATE INDEX "FieldDecision_hasConflict_entityType_entityId_idx" ON "FieldDecision"("hasConflict", "entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_name_key" ON "ApiKey"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_apiKeyId_idx" ON "AuditEvent"("apiKeyId");

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelAlias" ADD CONSTRAINT "ModelAlias_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offering" ADD CONSTRAINT "Offering_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offering" ADD CONSTRAINT "Offering_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Price" ADD CONSTRAINT "Price_offeringId_fkey" FOREIGN KEY ("offeringId") REFERENCES "Offering"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Price" ADD CONSTRAINT "Price_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelCapability" ADD CONSTRAINT "ModelCapability_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelCapability" ADD CONSTRAINT "ModelCapability_capabilityKey_fkey" FOREIGN KEY ("capabilityKey") REFERENCES "CapabilityDefinition"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferingCapability" ADD CONSTRAINT "OfferingCapability_offeringId_fkey" FOREIGN KEY ("offeringId") REFERENCES "Offering"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferingCapability" ADD CONSTRAINT "OfferingCapability_capabilityKey_fkey" FOREIGN KEY ("capabilityKey") REFERENCES "CapabilityDefinition"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelBenchmark" ADD CONSTRAINT "ModelBenchmark_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelBenchmark" ADD CONSTRAINT "ModelBenchmark_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldOverride" ADD CONSTRAINT "FieldOverride_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

