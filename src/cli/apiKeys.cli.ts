import { parseArgs } from "node:util";
import { describeDatabase, loadConfig } from "../config";
import { createLogger } from "../logger";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrations/migrationRunner";
import { defaultMigrationsDir, readMigrationFiles } from "../db/migrations/migrationFiles";
import { ApiKeyService, type ApiKeyView, type Role } from "../catalog/auth/apiKeys.service";
import { ApiKeyRepository } from "../db/apiKeyRepository";
import { runCli, UsageError } from "./runCli";

const USAGE = `usage:
  npm run api-keys -- create --name NAME --role admin|editor
  npm run api-keys -- list
  npm run api-keys -- revoke NAME_OR_PREFIX`;

type Command = { kind: "create"; name: string; role: Role } | { kind: "list" } | { kind: "revoke"; nameOrPrefix: string };

/** Reads the command line into a command, or throws UsageError; touches nothing. */
function parseCommand(argv: string[]): Command | "help" {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { name: { type: "string" }, role: { type: "string" }, help: { type: "boolean", default: false } },
  });
  if (values.help || command === "help" || command === "--help") return "help";
  switch (command) {
    case "create": {
      if (positionals.length > 0) throw new UsageError(`create takes no positional arguments, got "${positionals[0]}"`);
      if (values.name === undefined) throw new UsageError("create needs --name NAME");
      if (values.role === undefined) throw new UsageError("create needs --role admin|editor");
      const role = values.role.toUpperCase();
      if (role !== "ADMIN" && role !== "EDITOR") throw new UsageError(`--role must be admin or editor, got "${values.role}"`);
      return { kind: "create", name: values.name, role };
    }
    case "list":
      if (positionals.length > 0 || values.name !== undefined || values.role !== undefined) throw new UsageError("list takes no arguments");
      return { kind: "list" };
    case "revoke":
      if (values.name !== undefined || values.role !== undefined) throw new UsageError("revoke takes the key's name or prefix as its only argument");
      if (positionals.length !== 1) throw new UsageError("revoke needs exactly one key name or prefix");
      return { kind: "revoke", nameOrPrefix: positionals[0] };
    default:
      throw new UsageError(`unknown command "${command ?? ""}"`);
  }
}

/**
 * \`npm run api-keys -- create|list|revoke\`: manages the keys the GraphQL API's mutations need. Migrates the
 * configured database first. Exits 1 when the key is unknown or the name is refused, 2 on bad usage, 78 on bad
 * configuration. \`create\` prints the key alone on stdout, so that it can be captured, and only then.
 */
async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv);
  if (command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  process.stderr.write(`API keys in ${describeDatabase(config.database)}\n`);
  const database = await openDatabase(config.database);
  try {
    await applyMigrations(database, readMigrationFiles(defaultMigrationsDir()), logger);
    const apiKeys = new ApiKeyService(new ApiKeyRepository(database.prisma));
    switch (command.kind) {
      case "create": {
        const { key, apiKey } = await apiKeys.create(command.name, command.role);
        process.stdout.write(`${key}\n`);
        process.stderr.write(
          `Created ${apiKey.role} key "${apiKey.name}" (prefix ${apiKey.prefix}). This is the only time the key is shown: store it now.\n`,
        );
        return 0;
      }
      case "list": {
        const keys = await apiKeys.list();
        process.stdout.write(keys.length === 0 ? "No API keys.\n" : `${apiKeyTable(keys)}\n`);
        return 0;
      }
      case "revoke": {
        const apiKey = await apiKeys.revoke(command.nameOrPrefix);
        process.stdout.write(`Revoked ${apiKey.role} key "${apiKey.name}" (prefix ${apiKey.prefix}) at ${timestamp(apiKey.revokedAt)}\n`);
        return 0;
      }
    }
  } finally {
    await database.close();
  }
}

/** A plain-text table of keys: what they are and when they were used, never a secret or a hash. */
function apiKeyTable(keys: ApiKeyView[]): string {
  const header = ["NAME", "ROLE", "PREFIX", "CREATED", "LAST USED", "REVOKED"];
  const rows = keys.map((k) => [k.name, k.role, k.prefix, timestamp(k.createdAt), timestamp(k.lastUsedAt, "never"), timestamp(k.revokedAt, "-")]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}

function timestamp(value: Date | null, absent = "-"): string {
  return value === null ? absent : value.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// A NotFoundError (no such key) or ValidationError (a refused name) is the operator's mistake about the keys
// that exist, not about usage: exit 1 with the message.
runCli(main, USAGE);
