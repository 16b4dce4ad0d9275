-- AlterTable
ALTER TABLE "FieldDecision" ADD COLUMN     "derivedFrom" TEXT[] DEFAULT ARRAY[]::TEXT[];

