import crypto from "node:crypto";
import type http from "node:http";
import { exampleOperations, type ExampleOperation } from "./exampleOperations";
import { playgroundAssets } from "./playgroundAssets";

export interface PlaygroundPage {
  html: string;
  contentSecurityPolicy: string;
}

/**
 * The GraphiQL page: the installed React, ReactDOM and GraphiQL bundles (nothing from another origin,
 * so it works offline) and one inline script that mounts GraphiQL on the whole page with a fetcher that
 * POSTs JSON to `/graphql` and the example operations as its first tabs. The page is the same for every
 * request, so its inline script is allowed by hash instead of a per-request nonce.
 */
export function renderPlaygroundPage(examples: readonly ExampleOperation[] = exampleOperations): PlaygroundPage {
  const script = bootstrapScript(examples);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Model Catalog · GraphQL playground</title>
<link rel="icon" href="data:,">
${playgroundAssets.styles.map((asset) => `<link rel="stylesheet" href="${asset.url}">`).join("\n")}
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">Loading the playground…</div>
${playgroundAssets.scripts.map((asset) => `<script src="${asset.url}"></script>`).join("\n")}
<script>${script}</script>
</body>
</html>
`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src 'self' ${sha256Source(script)}`,
    // GraphiQL's dialogs inject <style> elements with computed values (react-remove-scroll), which no
    // hash can foresee; a hash here would also disable 'unsafe-inline', so there is none.
    "style-src 'self' 'unsafe-inline'",
    // GraphiQL's stylesheet embeds its fonts as data: URLs; the favicon is an empty data: URL.
    "font-src data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { html, contentSecurityPolicy };
}

const page = renderPlaygroundPage();

/** Sends the playground page with its Content-Security-Policy; it is never cached, the assets it names are. */
export function sendPlaygroundPage(response: http.ServerResponse): void {
  response.statusCode = 200;
  response.setHeader("content-type", "text/html; charset=utf-8");
  response.setHeader("content-security-policy", page.contentSecurityPolicy);
  response.setHeader("cache-control", "no-cache");
  response.setHeader("x-content-type-options", "nosniff");
  response.setHeader("referrer-policy", "no-referrer");
  response.setHeader("vary", "accept");
  response.end(page.html);
}

function bootstrapScript(examples: readonly ExampleOperation[]): string {
  // `<` escaped so no operation text can close the script element.
  const tabs = JSON.stringify(examples).replace(/</g, "\\u003c");
  return `
(function () {
  var tabs = ${tabs};
  function fetcher(params, options) {
    var headers = Object.assign({}, options && options.headers, {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json"
    });
    return fetch("/graphql", { method: "POST", headers: headers, body: JSON.stringify(params) }).then(function (response) {
      return response.json();
    });
  }
  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: tabs })
  );
})();
`;
}

function sha256Source(text: string): string {
  return `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
}
