import type { Database } from "../../src/db/database";
import { ApiKeyService, AUTH_MESSAGES, type Authentication } from "../../src/catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../../src/db/apiKeyRepository";
import { NotFoundError, ValidationError } from "../../src/catalog/errors";
import { createCatalogDatabase } from "../support/catalogDatabase";

const T0 = new Date("2026-03-01T12:00:00.000Z");

describe("API keys", () => {
  let database: Database;
  let dispose: () => Promise<void>;
  let clock: Date;
  let apiKeys: ApiKeyService;
  let repository: ApiKeyRepository;

  // One migrated database for the file (migrating is the slow part); each test starts with no keys.
  beforeAll(async () => {
    ({ database, dispose } = await createCatalogDatabase());
  });
  afterAll(() => dispose());
  beforeEach(async () => {
    await database.sql.query(`DELETE FROM "ApiKey"`);
    clock = T0;
    repository = new ApiKeyRepository(database.prisma);
    apiKeys = new ApiKeyService(repository, () => clock);
  });
  afterEach(() => jest.restoreAllMocks());

  const failureOf = (result: Authentication) => ("failure" in result ? result : undefined);
  const partsOf = (key: string) => {
    const [, prefix, secret] = /^mck_([0-9a-f]{12})_(.+)$/.exec(key)!;
    return { prefix, secret };
  };

  describe("creating", () => {
    it("returns a key of the form mck_<12 hex>_<43 base64url> with its view, and the key authenticates as that viewer", async () => {
      const { key, apiKey } = await apiKeys.create("ci-bot", "EDITOR");
      expect(key).toMatch(/^mck_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      expect(apiKey).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: "ci-bot",
        role: "EDITOR",
        prefix: partsOf(key).prefix,
        createdAt: T0,
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(await apiKeys.authenticate(`Bearer ${key}`)).toEqual({ viewer: { apiKeyId: apiKey.id, name: "ci-bot", role: "EDITOR" } });
    });

    it("stores no secret: the key's secret part appears in no column, only its SHA-256", async () => {
      const { key } = await apiKeys.create("ops", "ADMIN");
      const { secret } = partsOf(key);
      const rows = await database.sql.query<Record<string, unknown>>(`SELECT * FROM "ApiKey"`);
      expect(rows).toHaveLength(1);
      for (const value of Object.values(rows[0])) {
        expect(String(value)).not.toContain(secret);
        expect(String(value)).not.toContain(key);
      }
      expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("lists keys oldest first without hashes", async () => {
      await apiKeys.create("first", "ADMIN");
      clock = new Date(T0.getTime() + 1000);
      await apiKeys.create("second", "EDITOR");
      const list = await apiKeys.list();
      expect(list.map((k) => [k.name, k.role, k.createdAt.toISOString()])).toEqual([
        ["first", "ADMIN", "2026-03-01T12:00:00.000Z"],
        ["second", "EDITOR", "2026-03-01T12:00:01.000Z"],
      ]);
      expect(Object.keys(list[0]).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt", "role"]);
    });

    it("refuses a duplicate name with a ValidationError naming the field \"name\"", async () => {
      await apiKeys.create("ci-bot", "EDITOR");
      const error = await apiKeys.create("ci-bot", "ADMIN").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: "name", message: 'An API key named "ci-bot" already exists' });
    });

    it.each([
      ["", "name", "name must not be empty"],
      ["   ", "name", "name must not be empty"],
      ["x".repeat(101), "name", "name must be at most 100 characters, got 101"],
    ])("refuses the name %j with a ValidationError on %s", async (name, field, message) => {
      await expect(apiKeys.create(name, "EDITOR")).rejects.toMatchObject({ name: "ValidationError", field, message });
    });

    it("accepts a name of exactly 100 characters", async () => {
      await expect(apiKeys.create("x".repeat(100), "EDITOR")).resolves.toMatchObject({ apiKey: { name: "x".repeat(100) } });
    });

    it("refuses a role other than ADMIN or EDITOR with a ValidationError on \"role\"", async () => {
      await expect(apiKeys.create("bot", "OWNER" as never)).rejects.toMatchObject({ name: "ValidationError", field: "role", message: 'role must be ADMIN or EDITOR, got "OWNER"' });
    });
  });

  describe("authenticating", () => {
    it("accepts the scheme in any case and surrounding whitespace", async () => {
      const { key } = await apiKeys.create("bot", "ADMIN");
      expect(await apiKeys.authenticate(`bearer ${key}`)).toMatchObject({ viewer: { role: "ADMIN" } });
      expect(await apiKeys.authenticate(`  BEARER   ${key} `)).toMatchObject({ viewer: { role: "ADMIN" } });
    });

    it("fails a wrong secret and an unknown prefix alike: UNKNOWN with the same message", async () => {
      const { key } = await apiKeys.create("bot", "EDITOR");
      const { prefix, secret } = partsOf(key);
      const otherSecret = Buffer.alloc(32, 7).toString("base64url");
      const wrongSecret = await apiKeys.authenticate(`Bearer mck_${prefix}_${otherSecret}`);
      const unknownPrefix = await apiKeys.authenticate(`Bearer mck_000000000000_${secret}`);
      expect(wrongSecret).toEqual({ failure: "UNKNOWN", message: AUTH_MESSAGES.UNKNOWN, prefix });
      expect(unknownPrefix).toEqual({ failure: "UNKNOWN", message: AUTH_MESSAGES.UNKNOWN, prefix: "000000000000" });
      expect(failureOf(wrongSecret)!.message).toBe(failureOf(unknownPrefix)!.message);
    });

    it.each([
      ["a Basic scheme", "Basic dXNlcjpwYXNz", AUTH_MESSAGES.MALFORMED_SCHEME],
      ["the scheme alone", "Bearer", AUTH_MESSAGES.MALFORMED_SCHEME],
      ["a bare key without a scheme", "mck_0123456789ab_" + "A".repeat(43), AUTH_MESSAGES.MALFORMED_SCHEME],
      ["two tokens after the scheme", "Bearer mck_a b", AUTH_MESSAGES.MALFORMED_SCHEME],
      ["a key without the mck_ marker", "Bearer sk-0123456789abcdef", AUTH_MESSAGES.MALFORMED_KEY],
      ["an upper-case prefix", "Bearer mck_0123456789AB_" + "A".repeat(43), AUTH_MESSAGES.MALFORMED_KEY],
      ["a short prefix", "Bearer mck_0123_" + "A".repeat(43), AUTH_MESSAGES.MALFORMED_KEY],
      ["a truncated secret", "Bearer mck_0123456789ab_" + "A".repeat(42), AUTH_MESSAGES.MALFORMED_KEY],
      ["a secret with padding", "Bearer mck_0123456789ab_" + "A".repeat(42) + "=", AUTH_MESSAGES.MALFORMED_KEY],
    ])("fails %s as MALFORMED", async (_what, header, message) => {
      expect(await apiKeys.authenticate(header)).toEqual({ failure: "MALFORMED", message });
    });

    it("never echoes the secret in a failure message", async () => {
      const secret = "S".repeat(42) + "!";
      const result = await apiKeys.authenticate(`Bearer mck_0123456789ab_${secret}`);
      expect(failureOf(result)!.message).not.toContain(secret);
    });

    it.each([[undefined], [null], [""], ["   "]])("fails %j as MISSING", async (header) => {
      expect(await apiKeys.authenticate(header)).toEqual({ failure: "MISSING", message: AUTH_MESSAGES.MISSING });
    });

    it("fails a revoked key as REVOKED, by name or by prefix, and a second revoke keeps the first revokedAt", async () => {
      const { key, apiKey } = await apiKeys.create("old", "ADMIN");
      clock = new Date("2026-03-02T00:00:00.000Z");
      expect(await apiKeys.revoke("old")).toMatchObject({ name: "old", revokedAt: clock });
      expect(await apiKeys.authenticate(`Bearer ${key}`)).toEqual({ failure: "REVOKED", message: AUTH_MESSAGES.REVOKED, prefix: apiKey.prefix });
      clock = new Date("2026-03-03T00:00:00.000Z");
      expect((await apiKeys.revoke(apiKey.prefix)).revokedAt).toEqual(new Date("2026-03-02T00:00:00.000Z"));
    });

    it("reports a revoked key's prefix with a wrong secret as UNKNOWN, not REVOKED", async () => {
      const { apiKey } = await apiKeys.create("old", "ADMIN");
      await apiKeys.revoke("old");
      const result = await apiKeys.authenticate(`Bearer mck_${apiKey.prefix}_${Buffer.alloc(32).toString("base64url")}`);
      expect(result).toMatchObject({ failure: "UNKNOWN" });
    });

    it("throws NotFoundError when revoking a key no name or prefix matches", async () => {
      const error = await apiKeys.revoke("nobody").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ entity: "API key", id: "nobody", message: 'No API key with id "nobody"' });
    });

    it("sets lastUsedAt on first use, does not rewrite it within a minute, and does after", async () => {
      const { key } = await apiKeys.create("bot", "EDITOR");
      const lastUsed = async () => (await apiKeys.list())[0].lastUsedAt;
      const writes = jest.spyOn(repository, "recordUse");

      clock = new Date("2026-03-01T12:05:00.000Z");
      await apiKeys.authenticate(`Bearer ${key}`);
      expect(await lastUsed()).toEqual(new Date("2026-03-01T12:05:00.000Z"));
      expect(writes).toHaveBeenCalledTimes(1);

      clock = new Date("2026-03-01T12:05:59.999Z");
      await apiKeys.authenticate(`Bearer ${key}`);
      await apiKeys.authenticate(`Bearer ${key}`);
      expect(await lastUsed()).toEqual(new Date("2026-03-01T12:05:00.000Z"));
      expect(writes).toHaveBeenCalledTimes(1);

      clock = new Date("2026-03-01T12:06:00.000Z");
      await apiKeys.authenticate(`Bearer ${key}`);
      expect(await lastUsed()).toEqual(new Date("2026-03-01T12:06:00.000Z"));
      expect(writes).toHaveBeenCalledTimes(2);
    });
  });
});
