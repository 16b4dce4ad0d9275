import Decimal from "decimal.js";
import type { OfferingView, PriceView } from "../views";

/**
 * Which offerings a price comparison leaves out. A free offering (everything priced at zero, or a free or
 * promotional tier) and a router's meta-model (whose price says nothing of the model that answers) are
 * not what a user shopping for the cheapest model means, so cheapest-first lists, `cheapestPrice`,
 * comparisons' price cells and cost estimates leave them out unless asked to include them.
 */
export interface PriceInclusion {
  includeFree?: boolean | null;
  includeRouters?: boolean | null;
}

/** What the rule says of one offering; an offering can be both (OpenRouter's `openrouter/free`). */
export interface OfferingKind {
  free: boolean;
  router: boolean;
}

/** The fields of an offering the rule reads. */
export type ClassifiedOffering = Pick<OfferingView, "providerModelId" | "modelId" | "name">;

/** The words of an id or a name, lower-cased: split on anything but letters and digits. */
const words = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);

/** The last path segment of an id, without a `:variant` tag ("nanogpt/coding-router:high" → "coding-router"). */
function lastSegment(id: string): string {
  const segments = id.toLowerCase().split("/");
  return segments[segments.length - 1].split(":")[0];
}

/** The `:tag`s of an id's last segment ("nvidia/nemotron-3-ultra:free" → ["free"]). */
function variantTags(id: string): string[] {
  const segments = id.toLowerCase().split("/");
  return segments[segments.length - 1].split(":").slice(1);
}

/** Markers of a free or promotional tier, as the last word of an id's last segment or a `:tag`. */
const FREE_MARKERS = new Set(["free", "promo", "promotional"]);

/**
 * Whether an id names a free or promotional tier: a `:free` tag (OpenRouter, Kilo: "cohere/north-mini-code:free"),
 * a last segment ending in the word free ("kimi-k2.5-free", "z-ai/glm-5.2-free", "openrouter/free",
 * "kilo-auto/free"), or the same with promo. A word inside the id ("freedom-7b", "free-form-13b") is not a marker.
 */
export function hasFreeTierMarker(id: string): boolean {
  if (variantTags(id).some((tag) => FREE_MARKERS.has(tag))) return true;
  const last = words(lastSegment(id));
  return last.length > 0 && FREE_MARKERS.has(last[last.length - 1]);
}

/** A display name marking a free tier: the word Free ("Nemotron 3 Ultra (free)", "GLM-5 Free", "Free Models Router"). */
function nameSaysFree(name: string | null): boolean {
  return name !== null && words(name).includes("free");
}

/**
 * Whether an offering is free: it has current base-tier INPUT or OUTPUT prices and every one of them
 * (any mode, any currency) is zero, or its provider model id, its model id or its name marks a free or
 * promotional tier. Prices of other kinds (cache, images) do not make an offering paid; an offering with
 * no INPUT or OUTPUT price is free only by its marker.
 */
export function isFreeOffering(offering: ClassifiedOffering, prices: readonly PriceView[]): boolean {
  if (hasFreeTierMarker(offering.providerModelId) || hasFreeTierMarker(offering.modelId) || nameSaysFree(offering.name)) return true;
  let priced = false;
  for (const price of prices) {
    if (price.contextAbove !== 0 || (price.kind !== "INPUT" && price.kind !== "OUTPUT")) continue;
    if (!new Decimal(price.amount).isZero()) return false;
    priced = true;
  }
  return priced;
}

/** Last segments that are routers whatever their words: Abacus's RouteLLM. */
const ROUTER_NAMES = new Set(["routellm"]);
/** What may follow "auto" in an auto-routing id: "auto-model", "auto-model-basic", "auto-route", "auto-router". */
const AUTO_SUFFIXES = new Set(["model", "route", "router", "routing", "select"]);

/**
 * Whether an id names a router's meta-model, one that forwards each request to a model of its choosing:
 * - a last segment that is `auto` ("openrouter/auto", "orcarouter/auto", llmgateway's and Morph's "auto"),
 *   or starts with auto followed by model, route or router ("auto-model-premium" at NanoGPT);
 * - a last segment with the word router or routing ("switchpoint/router", "model-router" at Azure,
 *   "nanogpt/coding-router:high") or named RouteLLM ("route-llm" at Abacus);
 * - a path under an auto-router's namespace ("kilo-auto/balanced", "kilo-auto/free").
 * Not routers: a namespace holding one model's deployments ("accounts/fireworks/routers/glm-5p1-fast",
 * "route/deepseek-v4-pro" at routing.run), an alias of a family's latest model ("~openai/gpt-latest"),
 * and ids that only start with the letters ("autoglm-phone-9b", "automl-e2e").
 */
export function isRouterId(id: string): boolean {
  // Every rule below needs "auto" or "rout" in the id's letters and digits (RouteLLM's words joined): most
  // ids have neither, and are answered without splitting them into words (identity resolution asks for
  // each model name of a seed's 6,000 documents: 81 ms of the load's thread).
  const letters = id.toLowerCase().replace(/[^a-z0-9]+/g, "");
  if (!letters.includes("auto") && !letters.includes("rout")) return false;
  const last = lastSegment(id);
  const lastWords = words(last);
  if (lastWords.length === 1 && lastWords[0] === "auto") return true;
  if (lastWords[0] === "auto" && AUTO_SUFFIXES.has(lastWords[1] ?? "")) return true;
  if (lastWords.includes("router") || lastWords.includes("routing")) return true;
  if (ROUTER_NAMES.has(lastWords.join(""))) return true;
  const namespaces = id.toLowerCase().split("/").slice(0, -1);
  return namespaces.some((segment) => segment === "auto" || segment.endsWith("-auto"));
}

/**
 * A display name of a router: the word Router or Auto standing alone ("Auto Router", "Pareto Code Router",
 * "Kilo Auto Small", "Auto" for Tencent's "tc-code-latest"), or RouteLLM. "AutoGLM" is one word, not Auto.
 */
export function isRouterName(name: string | null): boolean {
  if (name === null) return false;
  const nameWords = words(name);
  return nameWords.includes("router") || nameWords.includes("auto") || nameWords.join("").startsWith("routellm");
}

/** Whether an offering serves a router's meta-model: its provider model id, its model id or its name says so. */
export function isRouterOffering(offering: ClassifiedOffering): boolean {
  return isRouterId(offering.providerModelId) || isRouterId(offering.modelId) || isRouterName(offering.name);
}

/** Free, router, both, or neither (paid) for an offering with these current prices. */
export function offeringKind(offering: ClassifiedOffering, prices: readonly PriceView[]): OfferingKind {
  return { free: isFreeOffering(offering, prices), router: isRouterOffering(offering) };
}

/** Whether a price comparison with this inclusion counts an offering of this kind. */
export function isIncluded(kind: OfferingKind, inclusion: PriceInclusion | null | undefined): boolean {
  return (!kind.free || inclusion?.includeFree === true) && (!kind.router || inclusion?.includeRouters === true);
}

/** The memo key part of an inclusion: "paid", "free", "routers" or "all". */
export function inclusionKey(inclusion: PriceInclusion | null | undefined): string {
  const free = inclusion?.includeFree === true;
  const routers = inclusion?.includeRouters === true;
  return free && routers ? "all" : free ? "free" : routers ? "routers" : "paid";
}
