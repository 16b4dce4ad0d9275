-- CreateTable
CREATE TABLE "CatalogSeed" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "documents" INTEGER NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogSeed_pkey" PRIMARY KEY ("id")
);

