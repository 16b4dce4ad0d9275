// Contender "static": node:http answering each benchmark request with the bytes our server answered it
// with (recorded once per run), looked up by the request body. No GraphQL at all: the ceiling of a Node
// HTTP server on this machine. Env: PORT, BENCH_RECORDED (a JSON object, request body → response body).
import fs from "node:fs";
import http from "node:http";

const recorded = new Map(Object.entries(JSON.parse(fs.readFileSync(process.env.BENCH_RECORDED!, "utf8")) as Record<string, string>).map(([body, answer]) => [body, Buffer.from(answer)]));

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const answer = recorded.get(Buffer.concat(chunks).toString("utf8"));
    if (!answer) {
      response.writeHead(404, { "content-type": "application/json" }).end('{"errors":[{"message":"not recorded"}]}');
      return;
    }
    response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": answer.length }).end(answer);
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
