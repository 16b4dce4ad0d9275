// Contender "apollo-memory": @apollo/server (the project's version) on node:http through its standalone
// server, with plain resolvers over the catalog in arrays; Apollo's defaults otherwise. Env: PORT, BENCH_CATALOG.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { CatalogArrays } from "../arrays/catalogArrays";
import { arraySchema } from "../arrays/arraySchema";
import { arrayResolvers } from "../arrays/resolvers";

async function main(): Promise<void> {
  const schema = arraySchema(arrayResolvers(CatalogArrays.load(process.env.BENCH_CATALOG!)));
  const server = new ApolloServer({ schema });
  await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: "127.0.0.1" } });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
