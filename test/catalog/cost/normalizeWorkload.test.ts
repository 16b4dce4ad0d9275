import { ValidationError } from "../../../src/catalog/errors";
import { normalizeWorkload, promptTokensPerRequest, type Workload } from "../../../src/catalog/cost/workload";

function rejectionOf(input: Partial<Workload>): ValidationError {
  try {
    normalizeWorkload(input);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`normalizeWorkload accepted ${JSON.stringify(input)}`);
}

describe("normalizeWorkload", () => {
  it("fills every count not given with 0, requests with 1 and the mode with STANDARD", () => {
    expect(normalizeWorkload({ inputTokens: 1000 })).toEqual({
      inputTokens: 1000,
      outputTokens: 0,
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
      inputAudioTokens: 0,
      outputAudioTokens: 0,
      inputImages: 0,
      outputImages: 0,
      webSearches: 0,
      requests: 1,
      mode: "STANDARD",
    });
  });

  it("reads null as not given, as a GraphQL input sends it", () => {
    const workload = normalizeWorkload({ outputImages: 2, inputTokens: null as unknown as number, requests: null as unknown as number });
    expect(workload).toMatchObject({ inputTokens: 0, outputImages: 2, requests: 1 });
    expect(workload.promptTokensPerRequest).toBeUndefined();
  });

  it("keeps a stated mode and prompt size per request", () => {
    expect(normalizeWorkload({ inputTokens: 10, mode: "BATCH", promptTokensPerRequest: 300_000 })).toMatchObject({ mode: "BATCH", promptTokensPerRequest: 300_000 });
  });

  it.each([
    [{ inputTokens: -1 }, "workload.inputTokens", "workload.inputTokens must be at least 0, not -1"],
    [{ outputTokens: 1.5 }, "workload.outputTokens", "workload.outputTokens must be a whole number, not 1.5"],
    [{ cachedInputTokens: Number.NaN }, "workload.cachedInputTokens", "workload.cachedInputTokens must be a finite number"],
    [{ webSearches: Number.POSITIVE_INFINITY }, "workload.webSearches", "workload.webSearches must be a finite number"],
    [{ reasoningTokens: 1e15 + 1 }, "workload.reasoningTokens", "workload.reasoningTokens must be at most 1e15, not 1000000000000001"],
    [{ inputImages: "3" as unknown as number }, "workload.inputImages", "workload.inputImages must be a finite number"],
    [{ inputTokens: 10, requests: 0 }, "workload.requests", "workload.requests must be at least 1, not 0"],
    [{ inputTokens: 10, promptTokensPerRequest: -5 }, "workload.promptTokensPerRequest", "workload.promptTokensPerRequest must be at least 0, not -5"],
    [{ inputTokens: 10, mode: "CHEAP" as Workload["mode"] }, "workload.mode", 'Unknown price mode "CHEAP"; expected one of STANDARD, BATCH, PRIORITY, FLEX, FAST'],
  ])("rejects %j, naming the field %s", (input, field, message) => {
    const error = rejectionOf(input);
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });

  it("rejects a workload with nothing to price, even with requests, since requests alone default to 1", () => {
    expect(rejectionOf({}).field).toBe("workload");
    expect(rejectionOf({ requests: 5, inputTokens: 0 }).message).toBe("The workload has nothing to price: give at least one token, image or web-search count");
  });

  it("accepts the largest sensible count, 1e15", () => {
    expect(normalizeWorkload({ inputTokens: 1e15 }).inputTokens).toBe(1e15);
  });
});

describe("promptTokensPerRequest", () => {
  it("averages uncached, cached and cache-write prompt tokens over the requests, rounding up", () => {
    expect(promptTokensPerRequest(normalizeWorkload({ inputTokens: 1000, cachedInputTokens: 500, cacheWriteTokens: 1, outputTokens: 9999, requests: 2 }))).toBe(751);
  });

  it("uses the stated prompt size over the average", () => {
    expect(promptTokensPerRequest(normalizeWorkload({ inputTokens: 1000, requests: 2, promptTokensPerRequest: 300_000 }))).toBe(300_000);
  });
});
