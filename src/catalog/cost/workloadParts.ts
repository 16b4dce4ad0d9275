import type { PriceKind, PriceUnit } from "../views";
import type { Workload, WorkloadQuantity } from "./workload";

/** How one count of a workload is billed. */
export interface WorkloadPart {
  quantity: WorkloadQuantity | "requests";
  kind: PriceKind;
  /** Units a price must be in to apply to this count, the preferred first. */
  units: readonly PriceUnit[];
  /** The kind billed instead when the offering has no price of `kind`, and the note that says so. */
  fallback?: { kind: PriceKind; note: string };
  /** True when an offering without such a price simply does not charge for it, so the estimate is not incomplete. */
  optional?: boolean;
  why: string;
}

const TOKENS: readonly PriceUnit[] = ["PER_1M_TOKENS"];
const COUNTED: readonly PriceUnit[] = ["PER_REQUEST", "PER_1K_REQUESTS"];

/**
 * The billing table: one row per workload count, in the order an estimate lists its lines. PER_SECOND and
 * PER_MINUTE appear nowhere: a token workload says nothing about seconds of audio or video.
 */
export const WORKLOAD_PARTS: readonly WorkloadPart[] = [
  { quantity: "inputTokens", kind: "INPUT", units: TOKENS, why: "Uncached prompt tokens are what INPUT prices." },
  { quantity: "outputTokens", kind: "OUTPUT", units: TOKENS, why: "Completion tokens are what OUTPUT prices." },
  {
    quantity: "cachedInputTokens",
    kind: "CACHED_INPUT",
    units: TOKENS,
    fallback: { kind: "INPUT", note: "no CACHED_INPUT price: billed at the INPUT price" },
    why: "A provider without a cache discount bills cache reads as ordinary prompt tokens.",
  },
  {
    quantity: "cacheWriteTokens",
    kind: "CACHE_WRITE",
    units: TOKENS,
    fallback: { kind: "INPUT", note: "no CACHE_WRITE price: billed at the INPUT price" },
    why: "A provider without a cache-write surcharge (OpenAI's automatic caching) bills the write as prompt tokens.",
  },
  {
    quantity: "reasoningTokens",
    kind: "REASONING",
    units: TOKENS,
    fallback: { kind: "OUTPUT", note: "no REASONING price: billed as output" },
    why: "Most providers bill reasoning tokens as output tokens; a few price them separately.",
  },
  { quantity: "inputAudioTokens", kind: "INPUT_AUDIO", units: TOKENS, why: "Audio tokens are priced apart from text; the text price would understate them." },
  { quantity: "outputAudioTokens", kind: "OUTPUT_AUDIO", units: TOKENS, why: "Audio tokens are priced apart from text; the text price would understate them." },
  { quantity: "inputImages", kind: "INPUT_IMAGE", units: ["PER_IMAGE"], why: "A count of images needs a per-image price; a per-token one needs the image's token count, which the workload lacks." },
  { quantity: "outputImages", kind: "OUTPUT_IMAGE", units: ["PER_IMAGE"], why: "A count of images needs a per-image price; a per-token one needs the image's token count, which the workload lacks." },
  { quantity: "webSearches", kind: "WEB_SEARCH", units: ["PER_1K_REQUESTS", "PER_REQUEST"], why: "Providers state search fees per call or per thousand calls." },
  {
    quantity: "requests",
    kind: "REQUEST",
    units: COUNTED,
    optional: true,
    why: "Most offerings have no per-request fee, so the lack of one is no gap in the estimate.",
  },
];

export function quantityOf(workload: Workload, part: WorkloadPart): number {
  return workload[part.quantity];
}
