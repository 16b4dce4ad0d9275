import type { PrismaClient } from "./generated/client";

/** Each stored source's content hash by its URI: what an import compares a document's hash with before parsing it. */
export async function storedContentHashes(prisma: PrismaClient): Promise<Map<string, string>> {
  const sources = await prisma.source.findMany({ select: { uri: true, contentHash: true } });
  return new Map(sources.map((s) => [s.uri, s.contentHash]));
}
