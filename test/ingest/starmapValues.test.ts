import type { ParseIssue } from "../../src/ingest/observation";
import { badgesIn, readMarkdownPage } from "../../src/ingest/starmap/markdownPage";
import { badgeLevel, capabilityCell, isoDate, money, tokenCount } from "../../src/ingest/starmap/starmapValues";

const line = { text: "", number: 7 };

describe("reading Starmap's displayed values", () => {
  it("reads rounded token counts with the unit of their last digit, and exact ones without precision", () => {
    const issues: ParseIssue[] = [];
    expect(tokenCount("1.0M tokens", line, issues, "c")).toEqual({ value: 1_000_000, locator: "L7", raw: "1.0M tokens", precision: "rounded", step: 100_000 });
    expect(tokenCount("32k tokens", line, issues, "c")).toEqual({ value: 32_000, locator: "L7", raw: "32k tokens", precision: "rounded", step: 1000 });
    expect(tokenCount("16.4k", line, issues, "c")).toEqual({ value: 16_400, locator: "L7", raw: "16.4k", precision: "rounded", step: 100 });
    expect(tokenCount("1,047,576", line, issues, "c")).toEqual({ value: 1_047_576, locator: "L7", raw: "1,047,576" });
    expect(tokenCount("448", line, issues, "c")).toEqual({ value: 448, locator: "L7" });
    expect(issues).toEqual([]);
    expect(tokenCount("lots", line, issues, "Context")).toBeUndefined();
    expect(issues).toEqual([{ code: "INVALID_NUMBER", message: 'Context is not a token count: "lots"', locator: "L7" }]);
  });

  it("reads dates to the precision written", () => {
    const issues: ParseIssue[] = [];
    expect(isoDate("2024-04-01", line, issues, "d")).toEqual({ value: "2024-04-01", locator: "L7", precision: "day" });
    expect(isoDate("2024-04", line, issues, "d")).toEqual({ value: "2024-04", locator: "L7", precision: "month" });
    expect(isoDate("April 2024", line, issues, "d")).toEqual({ value: "2024-04", locator: "L7", raw: "April 2024", precision: "month" });
    expect(isoDate("2024", line, issues, "d")).toEqual({ value: "2024", locator: "L7", precision: "year" });
    expect(issues).toEqual([]);
  });

  it("reads prices as exact decimals with their currency and unit, and rejects negative or non-numeric ones", () => {
    const issues: ParseIssue[] = [];
    expect(money("$0.40/1M", line, issues, "p")).toEqual({ amount: "0.4", currency: "USD", per: "1M", raw: "$0.40/1M" });
    expect(money("€2.50/1M", line, issues, "p")).toEqual({ amount: "2.5", currency: "EUR", per: "1M", raw: "€2.50/1M" });
    expect(money("$0.000300", line, issues, "p")).toEqual({ amount: "0.0003", currency: "USD", per: "", raw: "$0.000300" });
    expect(money("-", line, issues, "p")).toBeUndefined();
    expect(issues).toEqual([]);
    expect(money("-$0.40/1M", line, issues, "Input price")).toBeUndefined();
    expect(money("$abc/1M", line, issues, "Input price")).toBeUndefined();
    expect(money("¥100/1M", line, issues, "Input price")).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(["NEGATIVE_PRICE", "INVALID_NUMBER", "UNKNOWN_VALUE"]);
  });

  it("reads capability cells and badge messages", () => {
    expect(["✅", "❌", "0.0-2.0", "-2.0 to 2.0", "1-32k", "maybe"].map(capabilityCell)).toEqual([
      "SUPPORTED", "NOT_SUPPORTED", "SUPPORTED", "SUPPORTED", "SUPPORTED", undefined,
    ]);
    expect(["✓", "core", "advanced", "✗", "❌"].map(badgeLevel)).toEqual(["SUPPORTED", "CORE", "SUPPORTED", "NOT_SUPPORTED", "NOT_SUPPORTED"]);
  });
});

describe("reading Starmap's markdown", () => {
  it("decodes shields.io badge escapes: '__' is '_', '_' is a space, '--' is '-'", () => {
    const text = "![a](https://img.shields.io/badge/tool__calls-✓-yellow) ![b](https://img.shields.io/badge/top--k_sampling-a__b--c-red)";
    expect(badgesIn(text).map((b) => [b.label, b.value])).toEqual([
      ["tool_calls", "✓"],
      ["top-k sampling", "a_b-c"],
    ]);
  });

  it("reads front matter, headings without their emoji, and tables outside code blocks", () => {
    const page = readMarkdownPage(["---", 'title: "x"', "---", "## 📋 Overview", "```", "# not a heading", "| a |", "|---|", "```", "| k | v |", "|---|---|", "| 1 | 2 |"].join("\n"));
    expect(page.frontMatter.get("title")?.value).toBe("x");
    expect(page.headings.map((h) => [h.title, h.line.number])).toEqual([["Overview", 4]]);
    expect(page.tables.map((t) => [t.header, t.rows.map((r) => r.cells), t.line.number])).toEqual([[["k", "v"], [["1", "2"]], 10]]);
  });
});
