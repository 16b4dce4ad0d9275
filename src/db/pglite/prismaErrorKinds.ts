// PGlite's Prisma adapter reports every database error as kind "postgres" with its SQLSTATE, which Prisma
// passes on as it is; PostgreSQL's adapter (@prisma/adapter-pg) names the kinds Prisma turns into its
// known errors. So a unique clash was P2002 on PostgreSQL and a bare error on PGlite, and code that
// handles P2002 (an API key's name taken in a race) worked on one database only. The same SQLSTATEs are
// named here as adapter-pg names them.

/** A Prisma driver adapter error's `cause`, as PGlite's adapter gives it. */
interface PostgresCause {
  kind: string;
  code?: string;
  message?: string;
  detail?: string;
  column?: string;
}

/** The cause as adapter-pg would give it for the same SQLSTATE; other causes are returned unchanged. */
export function namedErrorKind(cause: PostgresCause): Record<string, unknown> {
  if (cause.kind !== "postgres" || !cause.code) return { ...cause };
  const fields = cause.detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(", ");
  const original = { originalCode: cause.code, originalMessage: cause.message };
  switch (cause.code) {
    case "22001":
      return { ...original, kind: "LengthMismatch", column: cause.column };
    case "22003":
      return { ...original, kind: "ValueOutOfRange", cause: cause.message };
    case "23505":
      return { ...original, kind: "UniqueConstraintViolation", constraint: fields ? { fields } : undefined };
    case "23502":
      return { ...original, kind: "NullConstraintViolation", constraint: fields ? { fields } : undefined };
    case "23503":
      return { ...original, kind: "ForeignKeyConstraintViolation", constraint: cause.column ? { fields: [cause.column] } : undefined };
    case "40001":
      return { ...original, kind: "TransactionWriteConflict" };
    case "42P01":
      return { ...original, kind: "TableDoesNotExist", table: cause.message?.split(" ")[1]?.split('"')[1] };
    case "42703":
      return { ...original, kind: "ColumnNotFound", column: cause.message?.split(" ")[1]?.split('"')[1] };
    default:
      return { ...cause };
  }
}
