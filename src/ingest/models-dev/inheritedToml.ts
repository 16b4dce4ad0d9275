// A provider model file with `base_model` is read as the base file's tables with the provider file's own
// values laid over them, as models.dev's generator does: tables deep-merge, arrays and scalars replace,
// and `base_model_omit` drops inherited keys. Every value keeps the file it came from, so a locator says
// "cost.input" for the file's own key and "models/openai/gpt-5.4.toml#limit.context" for an inherited one.

import { indexLiterals, keyPathText, type KeyPath, type Literal } from "./tomlLiterals";

export type TomlTable = Record<string, unknown>;

/** One parsed TOML file with the literal text of its values. */
export interface TomlLayer {
  /** Path of the file relative to the models.dev root; only used in locators of inherited values. */
  path: string;
  doc: TomlTable;
  literals: Map<string, Literal>;
}

export function tomlLayer(path: string, doc: TomlTable, text: string): TomlLayer {
  return { path, doc, literals: indexLiterals(text) };
}

export function isTable(value: unknown): value is TomlTable {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The value at a key path, or undefined where the path leads nowhere. */
export function valueAt(doc: unknown, path: KeyPath): unknown {
  let current = doc;
  for (const segment of path) {
    if (typeof segment === "number") current = Array.isArray(current) ? current[segment] : undefined;
    else current = isTable(current) && Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** The merged view of a file over its base, answering for each key path its value and where it was written. */
export class InheritedToml {
  readonly doc: TomlTable;

  /**
   * @param own the file itself; its values always win.
   * @param base the `models/` file it inherits from, if any.
   * @param omit dotted key paths ("limit.input") whose inherited values are dropped; the file's own stay.
   */
  constructor(
    private readonly own: TomlLayer,
    private readonly base?: TomlLayer,
    omit: readonly string[] = [],
  ) {
    if (!base) {
      this.doc = own.doc;
      return;
    }
    const inherited = cloneTables(base.doc);
    for (const dotted of omit) deletePath(inherited, dotted.split("."));
    this.doc = deepMerge(inherited, own.doc);
  }

  get(path: KeyPath): unknown {
    return valueAt(this.doc, path);
  }

  /** Whether the file itself (rather than its base) states the value at this path. */
  isOwn(path: KeyPath): boolean {
    return valueAt(this.own.doc, path) !== undefined;
  }

  /** "limit.context" for the file's own value, "models/openai/gpt-5.4.toml#limit.context" for an inherited one. */
  locator(path: KeyPath): string {
    const text = keyPathText(path);
    return this.isOwn(path) || !this.base ? text : `${this.base.path}#${text}`;
  }

  /** The value's literal text as written in the file it came from ("0.40", "1_047_576"), for scalars. */
  literal(path: KeyPath): string | undefined {
    return this.layerOf(path)?.literals.get(keyPathText(path))?.raw;
  }

  /** The line the value was written on, in the file it came from. */
  line(path: KeyPath): number | undefined {
    return this.layerOf(path)?.literals.get(keyPathText(path))?.line;
  }

  private layerOf(path: KeyPath): TomlLayer | undefined {
    if (this.isOwn(path)) return this.own;
    return this.base && valueAt(this.doc, path) !== undefined ? this.base : undefined;
  }
}

function deepMerge(base: TomlTable, over: TomlTable): TomlTable {
  const merged: TomlTable = { ...base };
  for (const [key, value] of Object.entries(over)) {
    merged[key] = isTable(value) && isTable(merged[key]) ? deepMerge(merged[key] as TomlTable, value) : value;
  }
  return merged;
}

/** A copy whose tables can be changed without touching the original; leaves (dates included) are shared. */
function cloneTables(doc: TomlTable): TomlTable {
  const copy: TomlTable = {};
  for (const [key, value] of Object.entries(doc)) copy[key] = isTable(value) ? cloneTables(value) : value;
  return copy;
}

function deletePath(doc: TomlTable, segments: string[]): void {
  const parent = valueAt(doc, segments.slice(0, -1));
  if (isTable(parent)) delete parent[segments[segments.length - 1]];
}
