import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { transformFileSync } from "@swc/core";
import { GraphQLError } from "graphql";
import { createLogger, REDACTED, silentLogger, type Logger } from "./logger";
import type { LogLevel } from "./config";

/** A logger at `level` whose lines are collected, each parsed as the JSON object it must be. */
function capture(level: LogLevel = "debug"): { logger: Logger; raw: string[]; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  return { logger: createLogger(level, (line) => raw.push(line)), raw, lines: () => raw.map((line) => JSON.parse(line)) };
}

describe("createLogger: the line format", () => {
  it("writes one JSON object per call, ending in a newline, with pino's level, time and msg and the fields", () => {
    const { logger, raw, lines } = capture();
    logger.info("Seeded the catalog", { models: 12, sources: ["a", "b"] });

    expect(raw).toHaveLength(1);
    expect(raw[0].endsWith("\n")).toBe(true);
    expect(raw[0].indexOf("\n")).toBe(raw[0].length - 1);
    expect(lines()[0]).toEqual({ level: 30, time: expect.any(Number), pid: process.pid, hostname: expect.any(String), msg: "Seeded the catalog", models: 12, sources: ["a", "b"] });
  });

  it("writes a message without fields as just the message", () => {
    const { logger, lines } = capture();
    logger.warn("Done");
    expect(lines()[0]).toMatchObject({ level: 40, msg: "Done" });
  });

  it("keeps a message's % sequences as written instead of treating them as printf placeholders", () => {
    const { logger, lines } = capture();
    logger.info("100%s done %d", { n: 1 });
    logger.info("50%o");
    expect(lines().map((line) => line.msg)).toEqual(["100%s done %d", "50%o"]);
  });

  it("gives each level pino's number: debug 20, info 30, warn 40, error 50", () => {
    const { logger, lines } = capture();
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    expect(lines().map((line) => [line.msg, line.level])).toEqual([["d", 20], ["i", 30], ["w", 40], ["e", 50]]);
  });
});

describe("createLogger: level filtering", () => {
  it.each<[LogLevel, string[]]>([
    ["debug", ["d", "i", "w", "e"]],
    ["info", ["i", "w", "e"]],
    ["warn", ["w", "e"]],
    ["error", ["e"]],
    ["silent", []],
  ])("at %s writes %j", (level, written) => {
    const { logger, lines } = capture(level);
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    expect(lines().map((line) => line.msg)).toEqual(written);
  });

  it("offers a silent logger that writes nothing, children included", () => {
    const write = jest.spyOn(process.stderr, "write");
    silentLogger.error("nothing", { a: 1 });
    silentLogger.child({ requestId: "r" }).error("nothing either");
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });
});

describe("Logger.child", () => {
  it("puts its bindings on every line it writes, beside the line's own fields", () => {
    const { logger, lines } = capture();
    const request = logger.child({ requestId: "req-7" });
    request.info("GraphQL request", { operation: "Models", status: 200 });
    request.warn("Refused an operation over the limits", { limit: "depth" });
    request.child({ subscription: "s1" }).error("nested");

    expect(lines()).toEqual([
      expect.objectContaining({ requestId: "req-7", msg: "GraphQL request", operation: "Models", status: 200 }),
      expect.objectContaining({ requestId: "req-7", msg: "Refused an operation over the limits", limit: "depth" }),
      expect.objectContaining({ requestId: "req-7", subscription: "s1", msg: "nested", level: 50 }),
    ]);
  });

  it("leaves the parent's lines without the child's bindings, at the parent's level", () => {
    const { logger, lines } = capture("warn");
    logger.child({ requestId: "req-8" }).info("below the level");
    logger.warn("parent");
    expect(lines()).toEqual([expect.not.objectContaining({ requestId: expect.anything() })]);
    expect(lines()[0].msg).toBe("parent");
  });
});

describe("createLogger: values in fields", () => {
  it("writes an Error as its name and message, without the stack", () => {
    const { logger, raw, lines } = capture();
    const error = new TypeError("offering not found");
    logger.error("Unexpected error in a GraphQL request", { requestId: "r1", error });

    expect(lines()[0].error).toEqual({ name: "TypeError", message: "offering not found" });
    expect(raw[0]).not.toContain("at ");
    expect(raw[0]).not.toContain(__filename);
  });

  it("writes an Error nested in an array or object the same way, and one in a child's bindings", () => {
    const { logger, lines } = capture();
    logger.child({ cause: new RangeError("r") }).warn("nested", { errors: [new Error("a")], detail: { error: new SyntaxError("s") } });
    expect(lines()[0]).toMatchObject({
      cause: { name: "RangeError", message: "r" },
      errors: [{ name: "Error", message: "a" }],
      detail: { error: { name: "SyntaxError", message: "s" } },
    });
  });

  it("writes a GraphQLError as its JSON form (message, path, extensions), as JSON.stringify would", () => {
    const { logger, lines } = capture();
    logger.warn("refused", { error: new GraphQLError("too deep", { path: ["models"], extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "depth" } }) });
    expect(lines()[0].error).toEqual({ message: "too deep", path: ["models"], extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "depth" } });
  });

  it("writes a bigint as its decimal string, at any depth", () => {
    const { logger, lines } = capture();
    logger.child({ catalogVersion: 12345678901234567890n }).info("counted", { rows: 3n, nested: { list: [1n] } });
    expect(lines()[0]).toMatchObject({ catalogVersion: "12345678901234567890", rows: "3", nested: { list: ["1"] } });
  });

  it("writes a Date as its ISO string", () => {
    const { logger, lines } = capture();
    logger.info("at", { at: new Date("2025-01-02T03:04:05.000Z") });
    expect(lines()[0].at).toBe("2025-01-02T03:04:05.000Z");
  });

  it("writes a circular field as [Circular] instead of throwing, and a value shared by two fields twice", () => {
    const { logger, lines } = capture();
    const loop: Record<string, unknown> = { name: "loop" };
    loop.self = loop;
    const shared = { id: 1 };
    expect(() => logger.info("odd", { loop, a: shared, b: shared })).not.toThrow();
    expect(lines()[0]).toMatchObject({ loop: { name: "loop", self: "[Circular]" }, a: { id: 1 }, b: { id: 1 } });
  });
});

describe("createLogger: redaction of credentials", () => {
  const SECRET = "mck_abcdefghijkl_c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1iZS1sb2dnZWQtZXZlcg";

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["an authorization field", { authorization: `Bearer ${SECRET}` }, { authorization: REDACTED }],
    ["an apiKey field", { apiKey: SECRET }, { apiKey: REDACTED }],
    ["a password or secret field", { password: SECRET, secret: SECRET }, { password: REDACTED, secret: REDACTED }],
    ["the request's headers", { headers: { authorization: `Bearer ${SECRET}`, cookie: SECRET, "x-api-key": SECRET, accept: "application/json" } }, { headers: { authorization: REDACTED, cookie: REDACTED, "x-api-key": REDACTED, accept: "application/json" } }],
    ["headers one level down", { request: { headers: { authorization: `Bearer ${SECRET}`, host: "h" } } }, { request: { headers: { authorization: REDACTED, host: "h" } } }],
    ["an authorization or apiKey one level down", { viewer: { apiKey: SECRET, authorization: SECRET, name: "alice" } }, { viewer: { apiKey: REDACTED, authorization: REDACTED, name: "alice" } }],
  ])("replaces %s with [Redacted] and keeps the rest", (_what, fields, expected) => {
    const { logger, raw, lines } = capture();
    logger.warn("request", fields);
    expect(raw[0]).not.toContain(SECRET);
    expect(lines()[0]).toMatchObject(expected);
  });

  it("redacts a child's bindings too", () => {
    const { logger, raw, lines } = capture();
    logger.child({ requestId: "r", authorization: `Bearer ${SECRET}` }).info("child");
    expect(raw[0]).not.toContain(SECRET);
    expect(lines()[0]).toMatchObject({ requestId: "r", authorization: REDACTED });
  });

  it("keeps a key's name in the `key` field, which the refusal log uses to say which key was refused", () => {
    const { logger, lines } = capture();
    logger.warn("Refused a GraphQL operation", { code: "UNAUTHENTICATED", key: "abcdefghijkl", reason: "REVOKED" });
    expect(lines()[0]).toMatchObject({ key: "abcdefghijkl", reason: "REVOKED" });
  });
});

describe("createLogger on stderr", () => {
  it("writes JSON lines to stderr, and a line logged right before process.exit is not lost", () => {
    // The module runs in a real child process, compiled alone, so the exit is a real one.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "logger-"));
    const compiled = transformFileSync(path.join(__dirname, "logger.ts"), { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } });
    fs.writeFileSync(path.join(dir, "logger.js"), compiled.code);
    const script = `
      const { createLogger } = require(${JSON.stringify(path.join(dir, "logger.js"))});
      const logger = createLogger("warn");
      logger.info("below the level");
      logger.error("last words", { code: 3 });
      process.exit(3);
    `;
    const env = { ...process.env, NODE_PATH: path.resolve(__dirname, "../node_modules") };
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env });
    fs.rmSync(dir, { recursive: true, force: true });

    expect(child.status).toBe(3);
    expect(child.stdout).toBe("");
    const lines = child.stderr.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: "last words", code: 3 })]);
  });
});
