import {
  emptyDocument,
  ParseError,
  type CapabilityLevel,
  type ModelObservation,
  type OfferingObservation,
  type ParsedDocument,
  type ParseIssue,
  type PriceKind,
  type PriceObservation,
  type PriceUnit,
  type Stated,
} from "../observation";
import { findLoneSurrogate, isDecimalText, modalityList, normalizeDecimal, perTokenToPerMillion, unixSecondsToIsoDay } from "../units";

export const OPENROUTER_PROVIDER_ID = "openrouter";

/**
 * OpenRouter's pricing keys (its API reference, "Pricing"): what each prices and how its amount is
 * expressed. `image` is documented as USD per input image; where it equals the prompt's per-token price
 * (all 17 Gemini entries of the seed list), the endpoint bills images as prompt tokens and the amount is
 * a per-token price: it is stored as such (see imagePrice).
 */
const PRICE_KEYS: Record<string, { kind: PriceKind; unit: PriceUnit; perToken: boolean }> = {
  prompt: { kind: "INPUT", unit: "PER_1M_TOKENS", perToken: true },
  completion: { kind: "OUTPUT", unit: "PER_1M_TOKENS", perToken: true },
  input_cache_read: { kind: "CACHED_INPUT", unit: "PER_1M_TOKENS", perToken: true },
  input_cache_write: { kind: "CACHE_WRITE", unit: "PER_1M_TOKENS", perToken: true },
  internal_reasoning: { kind: "REASONING", unit: "PER_1M_TOKENS", perToken: true },
  audio: { kind: "INPUT_AUDIO", unit: "PER_1M_TOKENS", perToken: true },
  image: { kind: "INPUT_IMAGE", unit: "PER_IMAGE", perToken: false },
  image_token: { kind: "INPUT_IMAGE", unit: "PER_1M_TOKENS", perToken: true },
  image_output: { kind: "OUTPUT_IMAGE", unit: "PER_IMAGE", perToken: false },
  web_search: { kind: "WEB_SEARCH", unit: "PER_REQUEST", perToken: false },
  request: { kind: "REQUEST", unit: "PER_REQUEST", perToken: false },
};

/** Pricing keys OpenRouter documents that the catalog has no place for: read, reported NOT_STORED. */
const NOT_STORED_KEYS: Record<string, string> = {
  input_cache_write_1h: "a one-hour cache write has no price mode of its own in the catalog",
  input_audio_cache: "cached audio input has no price kind in the catalog",
  discount: "a discount is not a price; the listed prices are stored as listed",
};

/** `supported_parameters` entries and the capability flag each one means. */
const PARAMETER_CAPABILITIES: Record<string, string> = {
  tools: "tools",
  tool_choice: "tool_choice",
  parallel_tool_calls: "parallel_tool_calls",
  structured_outputs: "structured_outputs",
  response_format: "format_response",
  temperature: "temperature",
  top_p: "top_p",
  top_k: "top_k",
  min_p: "min_p",
  top_a: "top_a",
  max_tokens: "max_tokens",
  stop: "stop",
  seed: "seed",
  frequency_penalty: "frequency_penalty",
  presence_penalty: "presence_penalty",
  repetition_penalty: "repetition_penalty",
  logit_bias: "logit_bias",
  logprobs: "logprobs",
  top_logprobs: "top_logprobs",
  reasoning: "reasoning",
  include_reasoning: "reasoning",
  reasoning_effort: "reasoning_effort",
  verbosity: "verbosity",
  web_search_options: "web_search",
};

interface OpenRouterEntry {
  id?: unknown;
  canonical_slug?: unknown;
  hugging_face_id?: unknown;
  name?: unknown;
  created?: unknown;
  description?: unknown;
  context_length?: unknown;
  architecture?: { input_modalities?: unknown; output_modalities?: unknown; tokenizer?: unknown };
  pricing?: Record<string, unknown>;
  top_provider?: { context_length?: unknown; max_completion_tokens?: unknown };
  supported_parameters?: unknown;
  knowledge_cutoff?: unknown;
  expiration_date?: unknown;
}

/**
 * Parses OpenRouter's model list (`GET /api/v1/models`: `{ "data": [ ... ] }`). Every entry is an
 * offering of the `openrouter` provider and an observation of the model it serves; prices per token
 * become prices per 1M tokens, exactly.
 * @throws ParseError when the text is not JSON or has no `data` array.
 */
export function parseOpenRouterModels(text: string, origin: string): ParsedDocument {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ParseError(origin, `not valid JSON: ${(error as Error).message}`);
  }
  const notText = findLoneSurrogate(document);
  if (notText !== undefined) throw new ParseError(origin, `not text: ${JSON.stringify(notText).slice(0, 80)} escapes a lone UTF-16 surrogate, which is no character`);
  const data = (document as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new ParseError(origin, 'expected an object with a "data" array of models');

  const result = emptyDocument("openrouter", origin);
  result.providers.push({ id: OPENROUTER_PROVIDER_ID, name: { value: "OpenRouter", locator: "" }, kind: { value: "AGGREGATOR", locator: "" } });
  const authors = new Set<string>();

  data.forEach((entry: OpenRouterEntry, index) => {
    const at = `data[${index}]`;
    if (typeof entry?.id !== "string" || entry.id.trim() === "") {
      result.issues.push({ code: "SKIPPED_RECORD", message: "entry has no id", locator: `${at}.id` });
      return;
    }
    const providerModelId = entry.id.trim();
    const modelRef = modelRefOf(providerModelId);
    const authorId = modelRef.includes("/") ? modelRef.split("/")[0] : undefined;
    if (authorId) authors.add(authorId);

    const model: ModelObservation = {
      ref: modelRef,
      authorId: authorId ? { value: authorId, locator: `${at}.id`, raw: providerModelId } : undefined,
      aliases: typeof entry.canonical_slug === "string" && entry.canonical_slug !== modelRef ? [entry.canonical_slug] : [],
      fields: {},
      capabilities: {},
    };
    const f = model.fields;
    const name = text_(entry.name, `${at}.name`);
    if (name) f.name = { ...name, value: name.value.replace(/^[^:]{1,40}:\s+/, ""), raw: name.value };
    f.description = text_(entry.description, `${at}.description`);
    f.huggingFaceId = text_(entry.hugging_face_id, `${at}.hugging_face_id`);
    f.tokenizer = text_(entry.architecture?.tokenizer, `${at}.architecture.tokenizer`);
    f.contextWindow = count(entry.context_length, `${at}.context_length`, result.issues);
    f.maxOutputTokens = count(entry.top_provider?.max_completion_tokens, `${at}.top_provider.max_completion_tokens`, result.issues);
    f.inputModalities = list(entry.architecture?.input_modalities, `${at}.architecture.input_modalities`);
    f.outputModalities = list(entry.architecture?.output_modalities, `${at}.architecture.output_modalities`);
    f.knowledgeCutoff = isoDate(entry.knowledge_cutoff, `${at}.knowledge_cutoff`, result.issues);
    f.deprecationDate = isoDate(entry.expiration_date, `${at}.expiration_date`, result.issues);
    if (typeof entry.created === "number" && Number.isFinite(entry.created) && entry.created > 0) {
      f.releaseDate = { value: unixSecondsToIsoDay(entry.created), locator: `${at}.created`, raw: String(entry.created), precision: "day" };
    }
    model.capabilities = capabilitiesOf(entry, at);
    dropUndefined(f);
    result.models.push(model);

    const offering: OfferingObservation = {
      providerId: OPENROUTER_PROVIDER_ID,
      providerModelId,
      modelRef,
      fields: {
        name: name,
        contextWindow: count(entry.top_provider?.context_length, `${at}.top_provider.context_length`, result.issues),
        maxOutputTokens: f.maxOutputTokens,
      },
      capabilities: {},
      prices: pricesOf(entry.pricing, `${at}.pricing`, result.issues),
    };
    dropUndefined(offering.fields);
    result.offerings.push(offering);
  });

  result.authors = [...authors].sort().map((id) => ({ id }));
  return result;
}

/** "openai/gpt-4.1-mini:free" and "~openai/gpt-mini-latest" name the models "openai/gpt-4.1-mini" and "openai/gpt-mini-latest". */
function modelRefOf(providerModelId: string): string {
  return providerModelId.replace(/^~/, "").replace(/:[\w-]+$/, "");
}

function capabilitiesOf(entry: OpenRouterEntry, at: string): Record<string, Stated<CapabilityLevel>> {
  const capabilities: Record<string, Stated<CapabilityLevel>> = {};
  const parameters = Array.isArray(entry.supported_parameters) ? entry.supported_parameters : [];
  parameters.forEach((parameter, i) => {
    const key = typeof parameter === "string" ? PARAMETER_CAPABILITIES[parameter] : undefined;
    if (key && !capabilities[key]) capabilities[key] = { value: "SUPPORTED", locator: `${at}.supported_parameters[${i}]`, raw: parameter };
  });
  if (capabilities.tools) capabilities.tool_calls = { ...capabilities.tools };
  const inputs = Array.isArray(entry.architecture?.input_modalities) ? entry.architecture.input_modalities : [];
  const imageAt = inputs.indexOf("image");
  if (imageAt >= 0) capabilities.vision = { value: "SUPPORTED", locator: `${at}.architecture.input_modalities[${imageAt}]`, raw: "image" };
  return capabilities;
}

function pricesOf(pricing: Record<string, unknown> | undefined, at: string, issues: ParseIssue[]): PriceObservation[] {
  if (!pricing || typeof pricing !== "object") {
    issues.push({ code: "MISSING_FIELD", message: "entry has no pricing", locator: at });
    return [];
  }
  const prices: PriceObservation[] = [];
  for (const [key, rawValue] of Object.entries(pricing)) {
    const locator = `${at}.${key}`;
    const listed = PRICE_KEYS[key];
    if (!listed) {
      const why = NOT_STORED_KEYS[key];
      issues.push(why ? { code: "NOT_STORED", message: `price ${key} not stored: ${why}`, locator } : { code: "UNKNOWN_VALUE", message: `unknown price key "${key}"`, locator });
      continue;
    }
    const spec = key === "image" ? imagePrice(listed, rawValue, pricing.prompt) : listed;
    const raw = typeof rawValue === "number" ? String(rawValue) : rawValue;
    if (typeof raw !== "string" || !isDecimalText(raw)) {
      issues.push({ code: "INVALID_NUMBER", message: `price ${key} is not a decimal number: ${JSON.stringify(rawValue)}`, locator });
      continue;
    }
    if (raw.trim().startsWith("-")) {
      // OpenRouter writes -1 for a router whose price depends on the model it picks.
      const message = raw.trim() === "-1" ? `price ${key} is variable (-1), not a fixed price` : `price ${key} is negative: ${raw}`;
      issues.push({ code: raw.trim() === "-1" ? "UNKNOWN_VALUE" : "NEGATIVE_PRICE", message, locator });
      continue;
    }
    prices.push({
      kind: spec.kind,
      unit: spec.unit,
      mode: "STANDARD",
      contextAbove: 0,
      amount: spec.perToken ? perTokenToPerMillion(raw) : normalizeDecimal(raw),
      currency: "USD",
      locator,
      raw,
    });
  }
  return prices;
}

function text_(value: unknown, locator: string): Stated<string> | undefined {
  return typeof value === "string" && value.trim() !== "" ? { value: value.trim(), locator } : undefined;
}

function list(value: unknown, locator: string): Stated<string[]> | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = modalityList(value.filter((v): v is string => typeof v === "string"));
  return items.length > 0 ? { value: items, locator } : undefined;
}

function count(value: unknown, locator: string, issues: ParseIssue[]): Stated<number> | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    issues.push({ code: "INVALID_NUMBER", message: `expected a positive whole number, got ${JSON.stringify(value)}`, locator });
    return undefined;
  }
  return { value, locator };
}

function isoDate(value: unknown, locator: string, issues: ParseIssue[]): Stated<string> | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return { value, locator, precision: "day" };
  }
  if (typeof value === "string" && /^\d{4}-\d{2}$/.test(value)) return { value, locator, precision: "month" };
  issues.push({ code: "INVALID_DATE", message: `expected an ISO date, got ${JSON.stringify(value)}`, locator });
  return undefined;
}

function dropUndefined(record: object): void {
  for (const [key, value] of Object.entries(record)) if (value === undefined) delete (record as Record<string, unknown>)[key];
}

/**
 * How OpenRouter's `image` amount reads: per input image as documented, unless it is exactly the prompt's
 * per-token price, which is how OpenRouter lists endpoints that bill an image as prompt tokens (Gemini's).
 */
function imagePrice(listed: { kind: PriceKind; unit: PriceUnit; perToken: boolean }, image: unknown, prompt: unknown): { kind: PriceKind; unit: PriceUnit; perToken: boolean } {
  const same = typeof image === "string" && typeof prompt === "string" && isDecimalText(image) && isDecimalText(prompt) && normalizeDecimal(image) === normalizeDecimal(prompt);
  return same ? { kind: listed.kind, unit: "PER_1M_TOKENS", perToken: true } : listed;
}
