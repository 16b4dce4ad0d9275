// Contender "graphql-js": bare graphql-js `graphql()` (parse, validate, execute on every request, no
// caches) over the catalog in arrays, behind node:http. Env: PORT, BENCH_CATALOG.
import http from "node:http";
import { graphql } from "graphql";
import { CatalogArrays } from "../arrays/catalogArrays";
import { arraySchema } from "../arrays/arraySchema";
import { arrayResolvers } from "../arrays/resolvers";

const schema = arraySchema(arrayResolvers(CatalogArrays.load(process.env.BENCH_CATALOG!)));

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    let params: { query?: string; variables?: Record<string, unknown>; operationName?: string };
    try {
      params = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof params;
    } catch {
      response.writeHead(400, { "content-type": "application/json" }).end('{"errors":[{"message":"body is not JSON"}]}');
      return;
    }
    graphql({ schema, source: params.query ?? "", variableValues: params.variables, operationName: params.operationName }).then(
      (result) => {
        const body = JSON.stringify(result);
        response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
      },
      (error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      },
    );
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
