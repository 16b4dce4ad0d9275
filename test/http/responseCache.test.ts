import { ResponseCache } from "../../src/http/responseCache";
import type { Representation } from "../../src/http/representation";

const answer = (body: string): Representation => ({ status: 200, headers: [["content-type", "application/json"]], body: Buffer.from(body), effort: "dynamic" });

describe("the response cache", () => {
  it("serves an answer again while the catalog version it was computed on is current", () => {
    let version = {};
    const cache = new ResponseCache(() => version);
    const key = ResponseCache.keyOf("POST", "", '{"query":"{ models { totalCount } }"}', "application/json");
    expect(cache.lookup(key)).toBeUndefined();
    cache.store(version, key, answer("one"));
    expect(cache.lookup(key)?.body.toString()).toBe("one");
    version = {};
    expect(cache.lookup(key)).toBeUndefined();
  });

  it("never stores an answer computed on a version that is no longer current", () => {
    const old = {};
    let version = old;
    const cache = new ResponseCache(() => version);
    cache.lookup("k");
    version = {};
    cache.store(old, "k", answer("stale"));
    expect(cache.lookup("k")).toBeUndefined();
  });

  it("keys by method, query string, body and accepted type", () => {
    const keys = new Set([
      ResponseCache.keyOf("POST", "", "a", "application/json"),
      ResponseCache.keyOf("POST", "", "b", "application/json"),
      ResponseCache.keyOf("GET", "?query=a", "", "application/json"),
      ResponseCache.keyOf("POST", "", "a", "application/graphql-response+json"),
    ]);
    expect(keys.size).toBe(4);
  });

  it("drops the least recently used answers past its limits", () => {
    const version = {};
    const cache = new ResponseCache(() => version, { entries: 2, bytes: 1_000 });
    cache.store(version, "a", answer("a"));
    cache.store(version, "b", answer("b"));
    cache.lookup("a");
    cache.store(version, "c", answer("c"));
    expect(cache.lookup("b")).toBeUndefined();
    expect(cache.lookup("a")?.body.toString()).toBe("a");
    expect(cache.lookup("c")?.body.toString()).toBe("c");
    cache.store(version, "big", answer("x".repeat(100)));
    expect(cache.lookup("big")).toBeUndefined(); // with room for its compressed forms, over an eighth of the byte budget: not worth keeping
  });
});
