import { Prisma, type PrismaClient } from "./generated/client";

/** Every column of a key but its hash: what listings and the services see. */
const VIEW_SELECT = { id: true, name: true, role: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } satisfies Prisma.ApiKeySelect;

export type ApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof VIEW_SELECT }>;
export type ApiKeyWithHash = ApiKeyRow & { hash: string };
export type NewApiKey = Pick<Prisma.ApiKeyUncheckedCreateInput, "id" | "name" | "role" | "prefix" | "hash" | "createdAt">;

/** The outcome of inserting a key: its row, or the unique column another key already holds. */
export type ApiKeyInsert = { row: ApiKeyRow } | { clash: "name" | "prefix" };

/** API keys, through the generated Prisma client. */
export class ApiKeyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Inserts a key; a name or prefix already taken is an answer, not a throw. */
  async insert(key: NewApiKey): Promise<ApiKeyInsert> {
    try {
      return { row: await this.prisma.apiKey.create({ data: key, select: VIEW_SELECT }) };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
      // Which unique column clashed: asked of the table rather than read from the error's metadata, whose
      // shape differs between driver adapters.
      const sameName = await this.prisma.apiKey.findUnique({ where: { name: key.name }, select: { id: true } });
      return { clash: sameName ? "name" : "prefix" };
    }
  }

  /** Every key, oldest first (by name within one instant). */
  async list(): Promise<ApiKeyRow[]> {
    return this.prisma.apiKey.findMany({ select: VIEW_SELECT, orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
  }

  async findByName(name: string): Promise<ApiKeyRow | null> {
    return this.prisma.apiKey.findUnique({ where: { name }, select: VIEW_SELECT });
  }

  /** The key with this prefix, with its hash, for checking a secret. */
  async findByPrefix(prefix: string): Promise<ApiKeyWithHash | null> {
    return this.prisma.apiKey.findUnique({ where: { prefix }, select: { ...VIEW_SELECT, hash: true } });
  }

  /**
   * Revokes the key named `nameOrPrefix` (a name wins over a prefix), keeping an earlier `revokedAt`.
   * Returns it as it then is; null when no key has that name or prefix.
   */
  async revoke(nameOrPrefix: string, at: Date): Promise<ApiKeyRow | null> {
    const key =
      (await this.prisma.apiKey.findUnique({ where: { name: nameOrPrefix }, select: { id: true } })) ??
      (await this.prisma.apiKey.findUnique({ where: { prefix: nameOrPrefix }, select: { id: true } }));
    if (!key) return null;
    await this.prisma.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: at } });
    return this.prisma.apiKey.findUnique({ where: { id: key.id }, select: VIEW_SELECT });
  }

  async recordUse(id: string, at: Date): Promise<void> {
    await this.prisma.apiKey.updateMany({ where: { id }, data: { lastUsedAt: at } });
  }
}
