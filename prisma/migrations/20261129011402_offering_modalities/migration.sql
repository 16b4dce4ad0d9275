-- AlterTable
ALTER TABLE "Offering" ADD COLUMN     "inputModalities" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "outputModalities" TEXT[] DEFAULT ARRAY[]::TEXT[];

