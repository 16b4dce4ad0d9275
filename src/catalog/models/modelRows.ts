import Decimal from "decimal.js";
import type { ModelView } from "../views";

/** The SELECT list of a model row as ModelView wants it (dates as ISO text, decimals as text). */
export const MODEL_COLUMNS = `m.id, m.name, m."authorId", m.family, m.description, m.snapshot,
  m."releaseDate"::text AS "releaseDate", m."releaseDatePrecision"::text AS "releaseDatePrecision",
  m."lastUpdated"::text AS "lastUpdated", m."knowledgeCutoff"::text AS "knowledgeCutoff",
  m."knowledgeCutoffPrecision"::text AS "knowledgeCutoffPrecision", m."openWeights", m.license, m.languages,
  m."languageCount", m."inputModalities", m."outputModalities", m."contextWindow", m."maxInputTokens",
  m."maxOutputTokens", m.status::text AS status, m."deprecationDate"::text AS "deprecationDate",
  m."retirementDate"::text AS "retirementDate", m."qualityIndex"::text AS "qualityIndex", m."huggingFaceId",
  m.tokenizer, m.version, m."updatedAt"`;

/** A row read with MODEL_COLUMNS as a ModelView. */
export function toModelView(row: Record<string, unknown>): ModelView {
  const view = row as unknown as ModelView;
  return {
    ...view,
    qualityIndex: view.qualityIndex === null ? null : new Decimal(view.qualityIndex).toFixed(),
    updatedAt: row.updatedAt instanceof Date ? row.updatedAt : new Date(String(row.updatedAt)),
  };
}
