import type { RateLimitSettings } from "../config";

// Per-client limits (token buckets). A client is its API key once the key authenticates, else its
// address: an unverified key names no one, so failed authentications are always counted by address.

/** Every limit off: for a server embedded where its caller limits clients (and tests of other things). */
export const NO_RATE_LIMITS: RateLimitSettings = { authFailuresPerMinute: 0, mutationsPerMinute: 0, costPerMinute: 0 };

export type RateLimitName = "authFailures" | "mutations" | "cost";

/** A refusal: which limit, and when to try again. */
export interface RateLimited {
  limit: RateLimitName;
  retryAfterSeconds: number;
}

/** Buckets kept at most; past it, full buckets (clients that spent nothing lately) are forgotten first. */
const MAX_BUCKETS = 100_000;

/**
 * One token bucket per key: `capacity` tokens at most, refilled at `perMinute` a minute. Taking more
 * than is left refuses and says how long until enough has refilled. Idle buckets cost memory only
 * until they are full again.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes `amount` tokens of `key`'s bucket; undefined when taken, else the seconds until they would be there. */
  take(key: string, amount = 1): number | undefined {
    const bucket = this.refilled(key);
    if (bucket.tokens >= amount) {
      bucket.tokens -= amount;
      return undefined;
    }
    return Math.max(1, Math.ceil((Math.min(amount, this.capacity) - bucket.tokens) / this.perMs / 1000));
  }

  /** Whether `key` has fewer than `amount` tokens now, and if so the seconds until it has. */
  short(key: string, amount = 1): number | undefined {
    const bucket = this.refilled(key);
    return bucket.tokens >= amount ? undefined : Math.max(1, Math.ceil((amount - bucket.tokens) / this.perMs / 1000));
  }

  private refilled(key: string) {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) this.forgetFull(now);
      bucket = { tokens: this.capacity, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    return bucket;
  }

  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.capacity) this.buckets.delete(key);
    }
    // Every bucket in use: forget the oldest, which at worst hands one client a fresh bucket.
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}

/** The three limits of issue 11, each off when its rate is 0. */
export class ClientRateLimits {
  private readonly authFailures?: TokenBuckets;
  private readonly mutations?: TokenBuckets;
  private readonly cost?: TokenBuckets;

  constructor(settings: RateLimitSettings, now?: () => number) {
    if (settings.authFailuresPerMinute > 0) this.authFailures = new TokenBuckets(settings.authFailuresPerMinute, settings.authFailuresPerMinute, now);
    if (settings.mutationsPerMinute > 0) this.mutations = new TokenBuckets(settings.mutationsPerMinute, Math.max(1, Math.ceil(settings.mutationsPerMinute / 4)), now);
    if (settings.costPerMinute > 0) this.cost = new TokenBuckets(settings.costPerMinute, Math.ceil(settings.costPerMinute / 5), now);
  }

  /** Before checking credentials from `address`: refused while its failed authentications are spent. */
  beforeAuthentication(address: string): RateLimited | undefined {
    const wait = this.authFailures?.short(`address:${address}`);
    return wait === undefined ? undefined : { limit: "authFailures", retryAfterSeconds: wait };
  }

  /** Counts a failed authentication from `address`. */
  authenticationFailed(address: string): void {
    this.authFailures?.take(`address:${address}`);
  }

  /** Before running an operation for `client`: counts it against the mutation and cost limits. */
  beforeOperation(client: string, operation: { kind: "query" | "mutation" | "subscription"; cost: number }): RateLimited | undefined {
    if (operation.kind === "mutation") {
      const wait = this.mutations?.take(client);
      if (wait !== undefined) return { limit: "mutations", retryAfterSeconds: wait };
    }
    // An operation over the whole burst could never run; the gate's cost limit keeps them under it.
    const wait = this.cost?.take(client, Math.min(operation.cost, this.cost.capacity));
    return wait === undefined ? undefined : { limit: "cost", retryAfterSeconds: wait };
  }
}

/** The message of a 429, in words a client's developer can act on. */
export function rateLimitMessage(limited: RateLimited): string {
  const what = {
    authFailures: "Too many failed authentications from this address",
    mutations: "Too many mutations from this client",
    cost: "This client has spent its query budget (operation cost per minute)",
  }[limited.limit];
  return `${what}; try again in ${limited.retryAfterSeconds} s`;
}
