import { ValidationError } from "../errors";
import type { PriceMode } from "../views";
import { PRICE_MODES } from "../../ingest/observation";

/** What a user wants priced: token, image, search and request counts over a whole job, in one price mode. */
export interface Workload {
  /** Uncached prompt tokens, over all requests. */
  inputTokens: number;
  /** Completion tokens (excluding reasoning tokens when those are given separately). */
  outputTokens: number;
  /** Prompt tokens read from cache. */
  cachedInputTokens: number;
  /** Prompt tokens written to cache. */
  cacheWriteTokens: number;
  /** Billed at REASONING, or at OUTPUT when the offering has no REASONING price. */
  reasoningTokens: number;
  inputAudioTokens: number;
  outputAudioTokens: number;
  inputImages: number;
  outputImages: number;
  webSearches: number;
  /** At least 1; REQUEST and PER_1K_REQUESTS prices apply per request. */
  requests: number;
  mode: PriceMode;
  /** Prompt size of one request, for choosing a long-context tier; default: ceil((inputTokens + cachedInputTokens + cacheWriteTokens) / requests). */
  promptTokensPerRequest?: number;
}

/** The counts a workload prices, apart from `requests` (which alone is not work: it defaults to 1). */
export const WORKLOAD_QUANTITIES = [
  "inputTokens",
  "outputTokens",
  "cachedInputTokens",
  "cacheWriteTokens",
  "reasoningTokens",
  "inputAudioTokens",
  "outputAudioTokens",
  "inputImages",
  "outputImages",
  "webSearches",
] as const satisfies readonly (keyof Workload)[];
export type WorkloadQuantity = (typeof WORKLOAD_QUANTITIES)[number];

/** Beyond this a count is a typo or an attack, not a workload (a quadrillion tokens). */
export const MAX_WORKLOAD_COUNT = 1e15;

/**
 * Fills in a workload's defaults (counts 0, `requests` 1, `mode` STANDARD; null counts as not given) and
 * checks it. Throws a `ValidationError` whose `field` names the culprit ("workload.inputTokens") for a
 * count that is negative, fractional, not a finite number or above 1e15; for `requests` below 1; for an
 * unknown mode; and (field "workload") for a workload with nothing to price, where every count but
 * `requests` is 0.
 */
export function normalizeWorkload(input: Partial<Workload>): Workload {
  const counts = {} as Record<WorkloadQuantity, number>;
  for (const field of WORKLOAD_QUANTITIES) counts[field] = wholeCount(input[field], field, 0, 0);
  const requests = wholeCount(input.requests, "requests", 1, 1);
  const mode = input.mode ?? "STANDARD";
  if (!PRICE_MODES.includes(mode)) throw new ValidationError(`Unknown price mode "${String(mode)}"; expected one of ${PRICE_MODES.join(", ")}`, "workload.mode");
  if (WORKLOAD_QUANTITIES.every((field) => counts[field] === 0)) {
    throw new ValidationError("The workload has nothing to price: give at least one token, image or web-search count", "workload");
  }
  const workload: Workload = { ...counts, requests, mode };
  if (input.promptTokensPerRequest !== undefined && input.promptTokensPerRequest !== null) {
    workload.promptTokensPerRequest = wholeCount(input.promptTokensPerRequest, "promptTokensPerRequest", 0, 0);
  }
  return workload;
}

/** The prompt size of one request that decides a long-context tier: the stated one, or the average prompt rounded up. */
export function promptTokensPerRequest(workload: Workload): number {
  if (workload.promptTokensPerRequest !== undefined) return workload.promptTokensPerRequest;
  const promptTokens = workload.inputTokens + workload.cachedInputTokens + workload.cacheWriteTokens;
  return Math.ceil(promptTokens / Math.max(1, workload.requests));
}

function wholeCount(value: unknown, field: keyof Workload, fallback: number, minimum: number): number {
  if (value === undefined || value === null) return fallback;
  const path = `workload.${field}`;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new ValidationError(`${path} must be a finite number`, path);
  if (!Number.isInteger(value)) throw new ValidationError(`${path} must be a whole number, not ${value}`, path);
  if (value < minimum) throw new ValidationError(`${path} must be at least ${minimum}, not ${value}`, path);
  if (value > MAX_WORKLOAD_COUNT) throw new ValidationError(`${path} must be at most 1e15, not ${value}`, path);
  return value === 0 ? 0 : value; // never -0
}
