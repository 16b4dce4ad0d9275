import { parse, TomlError } from "smol-toml";
import {
  emptyDocument,
  ParseError,
  type BenchmarkObservation,
  type CapabilityLevel,
  type ModelFields,
  type ModelObservation,
  type OfferingObservation,
  type ParsedDocument,
  type Stated,
} from "../observation";
import { capabilityKey } from "../capabilityVocabulary";
import { InheritedToml, isTable, tomlLayer, type TomlLayer, type TomlTable } from "./inheritedToml";
import { pricesOf } from "./modelsDevPrices";
import { ValueReader } from "./modelsDevValues";
import type { KeyPath } from "./tomlLiterals";

/** What a path inside the models.dev tree holds, decided by the path alone. */
export type ModelsDevFileKind =
  | { kind: "provider"; providerId: string }
  | { kind: "providerModel"; providerId: string; modelId: string }
  | { kind: "model"; authorId: string; modelId: string };

/** The kind of file at a path relative to the models.dev root; undefined for a path that holds none of them. */
export function modelsDevFileKind(path: string): ModelsDevFileKind | undefined {
  let match = /^providers\/([^/]+)\/provider\.toml$/.exec(path);
  if (match) return { kind: "provider", providerId: match[1] };
  match = /^providers\/([^/]+)\/models\/(.+)\.toml$/.exec(path);
  if (match) return { kind: "providerModel", providerId: match[1], modelId: match[2] };
  match = /^models\/([^/]+)\/(.+)\.toml$/.exec(path);
  if (match) return { kind: "model", authorId: match[1], modelId: match[2] };
  return undefined;
}

/** Where a `base_model` ref's file lives: "openai/gpt-5.4" → "models/openai/gpt-5.4.toml". */
export function baseModelPath(ref: string): string {
  return `models/${ref}.toml`;
}

/** The boolean feature flags every model file may carry, each a capability. */
const CAPABILITY_FLAGS = ["tool_call", "structured_output", "reasoning", "attachment", "temperature"] as const;

const PROVIDER_KEYS = new Set(["name", "env", "npm", "doc", "api"]);
const MODEL_KEYS = new Set([
  "name", "family", "description", "release_date", "last_updated", "knowledge", "open_weights", "license", "status",
  ...CAPABILITY_FLAGS, "interleaved", "limit", "modalities", "benchmarks", "weights", "links",
]);
/** A provider's model file adds serving details; `provider` (an SDK override) and request shapes have no fact to hold them yet. */
const PROVIDER_MODEL_KEYS = new Set([...MODEL_KEYS, "base_model", "base_model_omit", "cost", "reasoning_options", "provider", "experimental"]);
const LIMIT_KEYS = new Set(["context", "input", "output"]);
const MODALITY_KEYS = new Set(["input", "output"]);

/**
 * Parses one file of the models.dev data tree; `path` is relative to the tree's root and decides the kind:
 * - `providers/<p>/provider.toml`: the provider (name, env → apiKeyEnvVars, npm → sdkPackage, doc, api);
 * - `models/<author>/<model>.toml`: the model "<author>/<model>" with its limits and benchmarks, and its author;
 * - `providers/<p>/models/<id>.toml`: the model's facts (its ref is `base_model` when set, with `<id>` as an
 *   alias, else `<id>`) and the provider's offering of it (limits, status, prices per 1M tokens).
 * With `base_model`, `baseOf(ref)` gives the text of models/<ref>.toml; its values are merged under the file's
 * own (tables deep-merge, `base_model_omit` drops inherited keys) and their locators name that file
 * ("models/openai/gpt-5.4.toml#limit.context"). Bad values become issues, not errors.
 * @throws ParseError for an empty or binary file, a TOML syntax error (with its line), a path of no known
 * kind, or a `base_model` that is malformed, missing or unreadable (with the line of the key).
 */
export function parseModelsDevFile(text: string, path: string, baseOf?: (ref: string) => string | undefined): ParsedDocument {
  const kind = modelsDevFileKind(path);
  if (!kind) {
    throw new ParseError(path, "not a models.dev data file: expected providers/<provider>/provider.toml, providers/<provider>/models/<model>.toml or models/<author>/<model>.toml");
  }
  const own = tomlLayer(path, readToml(text, path), text);
  const result = emptyDocument("models-dev", path);
  if (kind.kind === "provider") readProvider(own, kind.providerId, result);
  else if (kind.kind === "model") readAuthorModel(own, kind.authorId, kind.modelId, result);
  else readProviderModel(own, kind.providerId, kind.modelId, baseOf, result);
  return result;
}

/**
 * The table a TOML text holds.
 * @throws ParseError for empty, whitespace-only or binary text, or a TOML syntax error (with its line).
 */
export function readToml(text: string, origin: string): TomlTable {
  if (text.includes("\u0000")) throw new ParseError(origin, "binary content, not TOML");
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new ParseError(origin, "empty document");
  try {
    return parse(body) as TomlTable;
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split("\n")[0].replace(/^Invalid TOML document:\s*/, "");
      throw new ParseError(origin, `TOML syntax error: ${reason}`, error.line);
    }
    throw new ParseError(origin, `TOML cannot be read: ${(error as Error).message}`);
  }
}

function readProvider(own: TomlLayer, providerId: string, result: ParsedDocument): void {
  const read = new ValueReader(new InheritedToml(own), result.issues);
  reportUnknownKeys(read, [], PROVIDER_KEYS);
  const provider = {
    id: providerId,
    name: read.text(["name"]),
    apiKeyEnvVars: read.textList(["env"]),
    sdkPackage: read.text(["npm"]),
    docsUrl: read.text(["doc"]),
    apiUrl: read.text(["api"]),
  };
  if (!provider.name) result.issues.push({ code: "MISSING_FIELD", message: "provider has no name", locator: "name" });
  result.providers.push(dropUndefined(provider));
}

function readAuthorModel(own: TomlLayer, authorId: string, modelId: string, result: ParsedDocument): void {
  const read = new ValueReader(new InheritedToml(own), result.issues);
  reportUnknownKeys(read, [], MODEL_KEYS);
  const model = modelOf(read, `${authorId}/${modelId}`, []);
  model.authorId = { value: authorId, locator: "" };
  Object.assign(model.fields, limitsOf(read));
  if (!model.fields.name) result.issues.push({ code: "MISSING_FIELD", message: "model has no name", locator: "name" });
  result.models.push(model);
  result.authors.push({ id: authorId });
}

function readProviderModel(
  own: TomlLayer,
  providerId: string,
  modelId: string,
  baseOf: ((ref: string) => string | undefined) | undefined,
  result: ParsedDocument,
): void {
  const baseRef = own.doc.base_model;
  let source = new InheritedToml(own);
  if (baseRef !== undefined) {
    const line = own.literals.get("base_model")?.line;
    if (typeof baseRef !== "string" || !/^[^/\s]+\/\S+$/.test(baseRef)) {
      throw new ParseError(own.path, `base_model must be "<author>/<model>", got ${JSON.stringify(baseRef)}`, line);
    }
    const basePath = baseModelPath(baseRef);
    const baseText = baseOf?.(baseRef);
    if (baseText === undefined) throw new ParseError(own.path, `base_model "${baseRef}" not found`, line);
    let baseDoc: TomlTable;
    try {
      baseDoc = readToml(baseText, basePath);
    } catch (error) {
      throw new ParseError(own.path, `base_model "${baseRef}" cannot be read: ${(error as Error).message}`, line);
    }
    source = new InheritedToml(own, tomlLayer(basePath, baseDoc, baseText), omitList(own, result));
    result.links.push({ target: basePath, locator: "base_model" });
  }
  result.links.push({ target: `providers/${providerId}/provider.toml`, locator: "" });

  const read = new ValueReader(source, result.issues);
  reportUnknownKeys(read, [], PROVIDER_MODEL_KEYS);
  const ref = typeof baseRef === "string" ? baseRef : modelId;
  // The provider's own id for a model is another name for it, unless it is the base's ref itself.
  const model = modelOf(read, ref, ref !== modelId ? [modelId] : []);
  if (typeof baseRef === "string") {
    const authorId = baseRef.split("/")[0];
    model.authorId = { value: authorId, locator: "base_model", raw: baseRef };
    result.authors.push({ id: authorId });
  }
  if (!model.fields.name) result.issues.push({ code: "MISSING_FIELD", message: "model has no name", locator: "name" });
  result.models.push(model);

  const offering: OfferingObservation = {
    providerId,
    providerModelId: modelId,
    modelRef: ref,
    fields: dropUndefined({ name: model.fields.name, ...limitsOf(read), status: model.fields.status }),
    capabilities: reasoningControls(read),
    prices: pricesOf(source, result.issues),
  };
  result.offerings.push(offering);
}

/** The model-level facts a model file states (limits are added by the caller where they are model facts). */
function modelOf(read: ValueReader, ref: string, aliases: string[]): ModelObservation {
  const fields: ModelFields = {
    name: read.text(["name"]),
    family: read.text(["family"]),
    description: read.text(["description"]),
    releaseDate: read.date(["release_date"]),
    lastUpdated: read.date(["last_updated"]),
    knowledgeCutoff: read.date(["knowledge"]),
    openWeights: read.boolean(["open_weights"]),
    license: read.text(["license"]),
    inputModalities: read.modalities(["modalities", "input"]),
    outputModalities: read.modalities(["modalities", "output"]),
    status: read.status(["status"]),
    huggingFaceId: huggingFaceIdOf(read),
  };
  reportUnknownKeys(read, ["modalities"], MODALITY_KEYS);
  const model: ModelObservation = { ref, aliases, fields: dropUndefined(fields), capabilities: capabilitiesOf(read, fields) };
  const benchmarks = benchmarksOf(read);
  if (benchmarks.length > 0) model.benchmarks = benchmarks;
  return model;
}

function limitsOf(read: ValueReader): Pick<ModelFields, "contextWindow" | "maxInputTokens" | "maxOutputTokens"> {
  reportUnknownKeys(read, ["limit"], LIMIT_KEYS);
  return dropUndefined({
    contextWindow: read.count(["limit", "context"]),
    maxInputTokens: read.count(["limit", "input"]),
    maxOutputTokens: read.count(["limit", "output"]),
  });
}

function capabilitiesOf(read: ValueReader, fields: ModelFields): Record<string, Stated<CapabilityLevel>> {
  const capabilities: Record<string, Stated<CapabilityLevel>> = {};
  for (const flag of CAPABILITY_FLAGS) {
    const level = read.capability([flag]);
    if (level) capabilities[capabilityKey(flag)] = level;
  }
  const interleaved = interleavedOf(read);
  if (interleaved) capabilities[capabilityKey("interleaved_reasoning")] = interleaved;
  const imageAt = read.source.get(["modalities", "input"]);
  if (fields.inputModalities?.value.includes("image") && Array.isArray(imageAt)) {
    const index = imageAt.findIndex((m) => typeof m === "string" && m.trim().toLowerCase() === "image");
    capabilities.vision = { value: "SUPPORTED", locator: read.source.locator(["modalities", "input", index]), raw: String(imageAt[index]) };
  }
  return capabilities;
}

/** `interleaved = true`, or `[interleaved] field = "reasoning_content"`: reasoning text the API returns between tool calls. */
function interleavedOf(read: ValueReader): Stated<CapabilityLevel> | undefined {
  const value = read.source.get(["interleaved"]);
  if (value === undefined) return undefined;
  if (typeof value === "boolean") return read.capability(["interleaved"]);
  if (isTable(value) && typeof value.field === "string") {
    return { value: "SUPPORTED", locator: read.source.locator(["interleaved", "field"]), raw: value.field };
  }
  read.problem("UNKNOWN_VALUE", `expected true, false or { field = "..." }, got ${JSON.stringify(value)}`, ["interleaved"]);
  return undefined;
}

/** `reasoning_options = [{ type = "effort", values = [...] }]`: the provider accepts a reasoning effort. */
function reasoningControls(read: ValueReader): Record<string, Stated<CapabilityLevel>> {
  const options = read.source.get(["reasoning_options"]);
  if (options === undefined) return {};
  if (!Array.isArray(options)) {
    read.problem("UNKNOWN_VALUE", "expected an array of reasoning options", ["reasoning_options"]);
    return {};
  }
  const effort = options.findIndex((o) => isTable(o) && o.type === "effort");
  if (effort < 0) return {};
  const values = (options[effort] as TomlTable).values;
  const raw = Array.isArray(values) ? values.join(", ") : undefined;
  return { reasoning_effort: { value: "SUPPORTED", locator: read.source.locator(["reasoning_options", effort]), ...(raw ? { raw } : {}) } };
}

/** The first `[[weights]]` link to huggingface.co names the model's Hugging Face repository. */
function huggingFaceIdOf(read: ValueReader): Stated<string> | undefined {
  const weights = read.source.get(["weights"]);
  if (!Array.isArray(weights)) return undefined;
  for (let i = 0; i < weights.length; i++) {
    const url = isTable(weights[i]) ? (weights[i] as TomlTable).url : undefined;
    const match = typeof url === "string" ? /^https?:\/\/(?:www\.)?huggingface\.co\/([^/?#\s]+\/[^/?#\s]+)/.exec(url) : null;
    if (match) return { value: match[1], locator: read.source.locator(["weights", i, "url"]), raw: url as string };
  }
  return undefined;
}

/**
 * `[[benchmarks]]` the file itself states; a provider file's inherited ones are the base model's, which its
 * own file reports. The harness, variant, dataset and version that tell two scores of one benchmark apart
 * go into the metric text, since a benchmark observation has no field of its own for them.
 */
function benchmarksOf(read: ValueReader): BenchmarkObservation[] {
  const list = read.source.get(["benchmarks"]);
  if (list === undefined || !read.source.isOwn(["benchmarks"])) return [];
  if (!Array.isArray(list)) {
    read.problem("UNKNOWN_VALUE", "expected an array of benchmarks", ["benchmarks"]);
    return [];
  }
  const benchmarks: BenchmarkObservation[] = [];
  list.forEach((entry, i) => {
    const at: KeyPath = ["benchmarks", i];
    const name = isTable(entry) ? read.text([...at, "name"]) : undefined;
    if (!name) {
      read.problem("SKIPPED_RECORD", "benchmark has no name", at);
      return;
    }
    if (read.source.get([...at, "score"]) === undefined) {
      read.problem("SKIPPED_RECORD", `benchmark "${name.value}" has no score`, at);
      return;
    }
    const score = read.decimal([...at, "score"]);
    if (score === undefined) return;
    const qualifiers = ["harness", "variant", "dataset", "version"]
      .map((key) => [key, read.text([...at, key])?.value] as const)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}: ${value}`);
    const metric = [read.text([...at, "metric"])?.value, ...qualifiers].filter((v) => v !== undefined).join("; ");
    const benchmark: BenchmarkObservation = { name: name.value, score, locator: read.source.locator(at) };
    if (metric !== "") benchmark.metric = metric;
    const url = read.text([...at, "source"]);
    if (url) benchmark.url = url.value;
    const date = read.date([...at, "date"]);
    if (date) benchmark.date = date.value;
    benchmarks.push(benchmark);
  });
  return benchmarks;
}

/** `base_model_omit = ["limit.input", ...]`: the inherited keys to drop; a non-string entry is an issue. */
function omitList(own: TomlLayer, result: ParsedDocument): string[] {
  const omit = own.doc.base_model_omit;
  if (omit === undefined) return [];
  if (!Array.isArray(omit)) {
    result.issues.push({ code: "UNKNOWN_VALUE", message: "base_model_omit is not a list of key paths", locator: "base_model_omit" });
    return [];
  }
  return omit.filter((entry, i) => {
    if (typeof entry === "string" && entry.trim() !== "") return true;
    result.issues.push({ code: "UNKNOWN_VALUE", message: `base_model_omit entry is not a key path: ${JSON.stringify(entry)}`, locator: `base_model_omit[${i}]` });
    return false;
  });
}

function reportUnknownKeys(read: ValueReader, at: KeyPath, known: ReadonlySet<string>): void {
  const table = at.length === 0 ? read.source.doc : read.source.get(at);
  if (!isTable(table)) return;
  for (const key of Object.keys(table)) {
    if (!known.has(key)) read.problem("UNKNOWN_VALUE", `unknown key "${key}"`, [...at, key]);
    else if (at.length === 0 && NOT_STORED_KEYS[key]) read.problem("NOT_STORED", `${key} not stored: ${NOT_STORED_KEYS[key]}`, [key]);
  }
}

/** Keys of the format the catalog reads but has no place for yet: reported NOT_STORED, never dropped silently. */
const NOT_STORED_KEYS: Record<string, string> = {
  weights: "the catalog has no field for where a model's weights are published",
  links: "the catalog has no field for a model's links",
  provider: "a model's own SDK package and API URL at its provider have no field in the catalog",
};

function dropUndefined<T extends object>(record: T): T {
  for (const [key, value] of Object.entries(record)) if (value === undefined) delete (record as Record<string, unknown>)[key];
  return record;
}
