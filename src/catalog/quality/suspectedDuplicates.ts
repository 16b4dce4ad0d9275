import { duplicateKey } from "./duplicateKey";

/** Models whose ids collide under the duplicate key: probably one model the catalog holds several times. */
export interface DuplicateGroup {
  key: string;
  /** The models' ids, sorted. */
  modelIds: string[];
}

export interface SuspectedDuplicates {
  /** Groups of two or more models. */
  groups: number;
  /** Models in those groups. */
  records: number;
  /** Records beyond one per group: what a perfect merge would remove. */
  surplus: number;
  /** Surplus as a percentage of all models, to one decimal. */
  surplusPercent: number;
  /** Every group, largest first, then by key. */
  list: DuplicateGroup[];
}

/** Groups model ids by `duplicateKey`; ids with an empty key are left out. */
export function suspectedDuplicates(modelIds: readonly string[]): SuspectedDuplicates {
  const byKey = new Map<string, string[]>();
  for (const id of modelIds) {
    const key = duplicateKey(id);
    if (key === "") continue;
    const group = byKey.get(key);
    if (group) group.push(id);
    else byKey.set(key, [id]);
  }
  const list = [...byKey]
    .filter(([, ids]) => ids.length > 1)
    .map(([key, ids]) => ({ key, modelIds: [...ids].sort() }))
    .sort((a, b) => b.modelIds.length - a.modelIds.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const records = list.reduce((n, g) => n + g.modelIds.length, 0);
  const surplus = records - list.length;
  return { groups: list.length, records, surplus, surplusPercent: percent(surplus, modelIds.length), list };
}

/** `part` of `whole` in percent, to one decimal; 0 of nothing. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
