import type { SqlSession } from "./database";
import type { $Enums, Prisma } from "./generated/client";

export type EntityType = $Enums.EntityType;

/** The table of each entity type, checked against the generated client's model names. */
const ENTITY_TABLE = { AUTHOR: "Author", PROVIDER: "Provider", MODEL: "Model", OFFERING: "Offering" } as const satisfies Record<EntityType, Prisma.ModelName>;

export type NewModel = Required<Pick<Prisma.ModelUncheckedCreateInput, "id" | "name">>;
export type NewProvider = Required<Pick<Prisma.ProviderUncheckedCreateInput, "id" | "name">>;
export type NewOffering = Required<Pick<Prisma.OfferingUncheckedCreateInput, "id" | "providerId" | "modelId" | "providerModelId">>;

/**
 * The catalog's records (authors, providers, models, offerings) as an admin's write creates, finds and
 * locks them, on the write's transaction.
 *
 * Raw SQL, all of it: an admin's write is one transaction on a SqlSession, whose connection holds the
 * record's row lock and runs the loader's statements that decide and apply its fields (refreshDecisions,
 * applyColumns, syncCapabilities); the Prisma client cannot join that transaction. A client bound to the
 * transaction's connection would: measured on PGlite, a PrismaClient made per transaction takes 11-54 ms
 * for its first query (its query compiler is set up per client), more than the rest of a write. Each
 * statement is one row by its key; the columns are the generated client's, named in the types above.
 */
export class CatalogRecordRepository {
  /** Whether the record exists. */
  async exists(tx: SqlSession, entityType: EntityType, id: string): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM "${ENTITY_TABLE[entityType]}" WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /**
   * Locks the record's row until the transaction ends (FOR UPDATE, which Prisma cannot ask for) and
   * returns its optimistic version; undefined when there is no such record.
   */
  async lockVersion(tx: SqlSession, entityType: EntityType, id: string): Promise<number | undefined> {
    const [row] = await tx.query<{ version: number }>(`SELECT version FROM "${ENTITY_TABLE[entityType]}" WHERE id = $1 FOR UPDATE`, [id]);
    return row?.version;
  }

  /** The id of the model a name (its id or an alias, as given) stands for; undefined if none. */
  async findModelId(tx: SqlSession, name: string): Promise<string | undefined> {
    const [model] = await tx.query<{ id: string }>(`SELECT id FROM "Model" WHERE id = $1 OR id = (SELECT "modelId" FROM "ModelAlias" WHERE alias = $1)`, [name]);
    return model?.id;
  }

  async createModel(tx: SqlSession, model: NewModel): Promise<void> {
    await tx.query(`INSERT INTO "Model" (id, name, "updatedAt") VALUES ($1, $2, now())`, [model.id, model.name]);
  }

  /** Creates an author named by its id, unless it exists. */
  async ensureAuthor(tx: SqlSession, id: string): Promise<void> {
    await tx.query(`INSERT INTO "Author" (id, name, "updatedAt") VALUES ($1, $1, now()) ON CONFLICT DO NOTHING`, [id]);
  }

  async createProvider(tx: SqlSession, provider: NewProvider): Promise<void> {
    await tx.query(`INSERT INTO "Provider" (id, name, "updatedAt") VALUES ($1, $2, now())`, [provider.id, provider.name]);
  }

  async createOffering(tx: SqlSession, offering: NewOffering): Promise<void> {
    await tx.query(`INSERT INTO "Offering" (id, "providerId", "modelId", "providerModelId", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      offering.id,
      offering.providerId,
      offering.modelId,
      offering.providerModelId,
    ]);
  }
}
