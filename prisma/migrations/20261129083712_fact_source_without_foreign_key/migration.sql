-- DropForeignKey
ALTER TABLE "Fact" DROP CONSTRAINT "Fact_sourceId_fkey";

