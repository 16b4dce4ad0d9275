import type http from "node:http";
import { wantsPlayground } from "./wantsPlayground";

const request = (method: string, accept?: string) => ({ method, headers: accept === undefined ? {} : { accept } }) as http.IncomingMessage;
const graphql = new URL("http://localhost/graphql");

describe("wantsPlayground: who gets the page instead of GraphQL", () => {
  it.each([
    ["Chromium's navigation", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"],
    ["Firefox's navigation", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"],
    ["HTML over JSON by quality", "application/json;q=0.5, text/html"],
    ["text/* over a lower-ranked JSON", "text/*, application/json;q=0.1"],
  ])("serves the page to %s", (_who, accept) => {
    expect(wantsPlayground(request("GET", accept), graphql)).toBe(true);
  });

  it.each([
    ["no Accept header", undefined],
    ["any type alike", "*/*"],
    ["JSON", "application/json"],
    ["GraphQL's own media type first", "application/graphql-response+json, application/json;q=0.9"],
    ["HTML and JSON alike", "text/html, application/json"],
    ["HTML refused", "text/html;q=0, */*"],
  ])("leaves a GET with %s to GraphQL", (_what, accept) => {
    expect(wantsPlayground(request("GET", accept), graphql)).toBe(false);
  });

  it("leaves a browser's GET with a query parameter, and any POST, to GraphQL", () => {
    const browser = "text/html,*/*;q=0.8";

    expect(wantsPlayground(request("GET", browser), new URL("http://localhost/graphql?query=%7Bhealth%7Bstatus%7D%7D"))).toBe(false);
    expect(wantsPlayground(request("POST", browser), graphql)).toBe(false);
  });
});
