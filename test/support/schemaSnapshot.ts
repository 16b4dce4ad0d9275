import type { SqlSession } from "../../src/db/database";

/**
 * Everything of the public schema that Prisma's schema describes: enums, columns, indexes and
 * constraints, as sorted text lines, so two databases can be compared line by line.
 * Prisma's own history table is left out.
 */
export async function snapshotSchema(session: SqlSession): Promise<string[]> {
  const enums = await session.query<{ line: string }>(`
    SELECT 'enum ' || t.typname || ' = ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname`);
  const columns = await session.query<{ line: string }>(`
    SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' null=' || is_nullable
      || ' default=' || coalesce(column_default, '') || ' len=' || coalesce(character_maximum_length::text, '')
      || ' num=' || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '') AS line
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
  const indexes = await session.query<{ line: string }>(`
    SELECT 'index ' || indexdef AS line FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
  const constraints = await session.query<{ line: string }>(`
    SELECT 'constraint ' || rel.relname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
    FROM pg_constraint c JOIN pg_class rel ON rel.oid = c.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
    WHERE n.nspname = 'public' AND rel.relname <> '_prisma_migrations'`);
  return [...enums, ...columns, ...indexes, ...constraints].map((row) => row.line).sort();
}
