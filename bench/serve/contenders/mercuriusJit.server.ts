// Contender "mercurius-jit": Fastify + Mercurius compiling each query with graphql-jit after its first
// use (`jit: 1`), over the catalog in arrays, with the same SDL and resolvers. Fastify, Mercurius and
// their graphql come from bench/contenders. Env: PORT, BENCH_CATALOG.
import { CatalogArrays } from "../arrays/catalogArrays";
import { readSdl } from "../arrays/arraySchema";
import { arrayResolvers } from "../arrays/resolvers";
import { contenderRequire } from "../paths";

interface FastifyApp {
  register(plugin: unknown, options: unknown): void;
  listen(options: { port: number; host: string }): Promise<string>;
}

async function main(): Promise<void> {
  const fastify = contenderRequire("fastify") as (options: unknown) => FastifyApp;
  const mercurius = contenderRequire("mercurius") as unknown;
  const app = fastify({ logger: false });
  app.register(mercurius, { schema: readSdl(), resolvers: arrayResolvers(CatalogArrays.load(process.env.BENCH_CATALOG!)), jit: 1, path: "/graphql" });
  await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
