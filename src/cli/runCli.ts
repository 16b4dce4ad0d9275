import { ConfigError } from "../config";

/** A mistake in how a command was called: exit 2 with the usage text. */
export class UsageError extends Error {}

/**
 * Runs a command's `main` and exits with its code: 2 (with `usage`) for a usage mistake, 78 for bad
 * configuration, 1 for anything else, with the message on stderr.
 */
export function runCli(main: (argv: string[]) => Promise<number>, usage: string): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError || (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
        process.stderr.write(`${error.message}\n${usage}\n`);
        process.exit(2);
      }
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(error instanceof ConfigError ? 78 : 1);
    },
  );
}
