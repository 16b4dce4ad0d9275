-- AlterTable
ALTER TABLE "Offering" ADD COLUMN     "billingTierThresholds" INTEGER[];

-- AlterTable
ALTER TABLE "Fact" ADD COLUMN     "step" INTEGER;

