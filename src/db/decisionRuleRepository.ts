import { createHash } from "node:crypto";
import { insertRows } from "./bulkRows";
import type { SqlSession } from "./database";
import { tableColumns } from "./tableColumns";

// A decision's rule text is stored once in "DecisionRule" under the MD5 of its text (the schema says
// why); a decision row holds the id. Decisions are written and read with their text here, so the
// loader and the provenance service never see ids.

const RULE_COLUMNS = tableColumns("DecisionRule", ["id", "text"]);

/** Texts already hashed: a seed stores 18,000 decisions with about 8,000 texts. Bounded, for admin reasons. */
const knownIds = new Map<string, string>();
const KNOWN_IDS_LIMIT = 20_000;

/** The id a rule text is stored under: MD5 of its UTF-8 bytes, hex, as PostgreSQL's `md5(text)`. */
export function decisionRuleId(text: string): string {
  let id = knownIds.get(text);
  if (id === undefined) {
    if (knownIds.size >= KNOWN_IDS_LIMIT) knownIds.clear();
    id = createHash("md5").update(text, "utf8").digest("hex");
    knownIds.set(text, id);
  }
  return id;
}

/**
 * Rows to write: each row's `rule` replaced by its `ruleId`, and the statement storing the rows' distinct
 * texts (none already stored changes). The caller issues that statement before or with the rows' own.
 */
export function withRuleIds<Row extends { rule: string }>(tx: SqlSession, rows: readonly Row[]): { rows: (Omit<Row, "rule"> & { ruleId: string })[]; rules: Promise<unknown> } {
  const texts = new Map<string, string>();
  const withIds = rows.map((row) => {
    const ruleId = decisionRuleId(row.rule);
    texts.set(ruleId, row.rule);
    // Copied key by key: a rest pattern (`{ rule, ...row }`) and a spread took 1.4-2.2 µs a row against
    // 0.35, a seed's 104,000 decisions on the load's thread.
    const copy: Record<string, unknown> = {};
    for (const key in row) if (key !== "rule") copy[key] = row[key];
    copy.ruleId = ruleId;
    return copy as Omit<Row, "rule"> & { ruleId: string };
  });
  const rules = insertRows(tx, "DecisionRule", RULE_COLUMNS, [...texts].map(([id, text]) => ({ id, text })), { onConflict: `ON CONFLICT ("id") DO NOTHING` });
  return { rows: withIds, rules };
}

/** The SQL joining a decision `d` to its rule text, read as `rule`: add `RULE_TEXT` to the select list and `RULE_JOIN` after `d`. */
export const RULE_JOIN = `JOIN "DecisionRule" r ON r.id = d."ruleId"`;
export const RULE_TEXT = `r.text AS rule`;
