import path from "node:path";
import { ConfigError, describeDatabase, loadConfig } from "./config";

describe("loadConfig", () => {
  it("defaults to port 4000, all interfaces, info logs and an embedded database in ./data", () => {
    const config = loadConfig({}, "/srv/catalog");

    expect(config).toEqual({
      port: 4000,
      host: "0.0.0.0",
      logLevel: "info",
      database: { kind: "pglite", dataDir: path.resolve("/srv/catalog/data") },
      seedDir: path.resolve("/srv/catalog/seed"),
      seedOnStart: true,
      responseCacheEntries: 2000,
      corsOrigins: "*",
      shutdownGraceMs: 10_000,
      rateLimits: { authFailuresPerMinute: 10, mutationsPerMinute: 120, costPerMinute: 3_000_000 },
      trustedProxies: [],
    });
  });

  it("reads CORS origins as a comma-separated list and the shutdown grace period in seconds", () => {
    const config = loadConfig({ CATALOG_CORS_ORIGINS: "https://app.example.com, http://localhost:5173", CATALOG_SHUTDOWN_GRACE_SECONDS: "30" });

    expect(config.corsOrigins).toEqual(["https://app.example.com", "http://localhost:5173"]);
    expect(config.shutdownGraceMs).toBe(30_000);
  });

  it("reads the rate limits per minute, 0 turning one off", () => {
    const config = loadConfig({ CATALOG_RATE_LIMIT_AUTH_FAILURES: "0", CATALOG_RATE_LIMIT_MUTATIONS: "30", CATALOG_RATE_LIMIT_COST: "500000" });

    expect(config.rateLimits).toEqual({ authFailuresPerMinute: 0, mutationsPerMinute: 30, costPerMinute: 500_000 });
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const config = loadConfig({ DATABASE_URL: "postgresql://u:p@db:5432/catalog", PORT: "8080", LOG_LEVEL: "DEBUG" });

    expect(config.database).toEqual({ kind: "postgresql", url: "postgresql://u:p@db:5432/catalog" });
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe("debug");
  });

  it("does not seed on start when CATALOG_SEED_ON_START is false", () => {
    expect(loadConfig({ CATALOG_SEED_ON_START: "false" }).seedOnStart).toBe(false);
  });

  it("turns the response cache off with CATALOG_RESPONSE_CACHE_ENTRIES=0", () => {
    expect(loadConfig({ CATALOG_RESPONSE_CACHE_ENTRIES: "0" }).responseCacheEntries).toBe(0);
  });

  it("reads CATALOG_DATA_DIR relative to the working directory", () => {
    expect(loadConfig({ CATALOG_DATA_DIR: "var/db" }, "/srv").database).toEqual({ kind: "pglite", dataDir: "/srv/var/db" });
  });

  it.each([
    [{ PORT: "http" }, 'PORT must be a whole number from 0 to 65535, got "http"'],
    [{ PORT: "70000" }, 'PORT must be a whole number from 0 to 65535, got "70000"'],
    [{ PORT: "" }, "PORT is set but empty"],
    [{ LOG_LEVEL: "loud" }, 'LOG_LEVEL must be one of debug, info, warn, error, silent, got "loud"'],
    [{ CATALOG_RESPONSE_CACHE_ENTRIES: "lots" }, 'CATALOG_RESPONSE_CACHE_ENTRIES must be a whole number (0 turns it off), got "lots"'],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL is not a URL"],
    [{ DATABASE_URL: "mysql://u:p@h/db" }, 'DATABASE_URL must start with postgresql:// (got "mysql://")'],
    [{ DATABASE_URL: "postgresql://u:p@localhost:5432" }, "DATABASE_URL names no database"],
    [{ CATALOG_SEED_ON_START: "maybe" }, 'CATALOG_SEED_ON_START must be true or false, got "maybe"'],
    [{ CATALOG_CORS_ORIGINS: "https://app.example.com/" }, '"https://app.example.com/" is not one'],
    [{ CATALOG_CORS_ORIGINS: "app.example.com" }, '"app.example.com" is not one'],
    [{ CATALOG_TRUSTED_PROXIES: "10.0.0.1, proxy.internal" }, '"proxy.internal" is not one'],
    [{ CATALOG_SHUTDOWN_GRACE_SECONDS: "soon" }, 'CATALOG_SHUTDOWN_GRACE_SECONDS must be a whole number'],
  ])("refuses %j naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("reports every bad variable at once", () => {
    const attempt = () => loadConfig({ PORT: "x", LOG_LEVEL: "y" });
    expect(attempt).toThrow(/PORT must be[\s\S]*LOG_LEVEL must be/);
  });

  it("hides the password when describing the database", () => {
    expect(describeDatabase({ kind: "postgresql", url: "postgresql://u:secret@db:5432/catalog" })).toBe(
      "PostgreSQL at postgresql://u:****@db:5432/catalog",
    );
  });
});
