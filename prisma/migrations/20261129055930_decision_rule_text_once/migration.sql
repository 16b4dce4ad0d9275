-- Each decision's rule text moves to "DecisionRule", kept once under the MD5 of its text (the id the
-- loader computes too). Written by hand around `npm run migration:new`'s statements so that stored
-- decisions keep their words: the generated diff dropped the column.

-- CreateTable
CREATE TABLE "DecisionRule" (
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "DecisionRule_pkey" PRIMARY KEY ("id")
);

INSERT INTO "DecisionRule" ("id", "text") SELECT DISTINCT md5("rule"), "rule" FROM "FieldDecision";

-- AlterTable
ALTER TABLE "FieldDecision" ADD COLUMN "ruleId" TEXT;
UPDATE "FieldDecision" SET "ruleId" = md5("rule");
ALTER TABLE "FieldDecision" ALTER COLUMN "ruleId" SET NOT NULL,
DROP COLUMN "rule";
