import fs from "node:fs";
import path from "node:path";
import { DOCUMENT_FORMATS, type DocumentFormat } from "../../src/ingest/formatRegistry";
import { baseModelPath } from "../../src/ingest/models-dev/modelsDevFile.parser";
import { describeParserConformance, type ConformanceSamples, type SampleDocument } from "../support/parserConformance";

const FIXTURES = path.join(__dirname, "../fixtures");

/** Every file under a fixture folder that is data (not SOURCE.md or LICENSE), named by its path under the folder. */
function fixtureDocuments(format: string, only: RegExp): SampleDocument[] {
  const root = path.join(FIXTURES, format);
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return walk(root)
    .map((file) => path.relative(root, file).split(path.sep).join("/"))
    .filter((origin) => only.test(origin) && !/(^|\/)(SOURCE\.md|LICENSE)$/.test(origin))
    .map((origin) => ({ origin, text: fs.readFileSync(path.join(root, origin), "utf8") }));
}

/** A fixture's text with `from` replaced by `to` (which must be there), for a bad record. */
function edited(text: string, from: string | RegExp, to: string): string {
  if (!(typeof from === "string" ? text.includes(from) : from.test(text))) throw new Error(`the fixture no longer holds ${String(from)}`);
  return text.replace(from, to);
}

const foundry = fixtureDocuments("foundry", /\.txt$/);
// Index pages (README.md) state no facts; the conformance checks run on the pages that do, the README of a provider among them.
const starmap = fixtureDocuments("starmap", /(models\/.*\.md|providers\/openai\/README\.md|\.txt)$/);
const modelsDevFiles = fixtureDocuments("models-dev", /\.toml$/);
const modelsDevContext = { baseOf: (ref: string) => modelsDevFiles.find((f) => f.origin === baseModelPath(ref))?.text };
const modelsDev = modelsDevFiles.map((f) => ({ ...f, context: modelsDevContext }));
const openrouter = fixtureDocuments("openrouter", /\.json$/);

const starmapModelPage = starmap.find((s) => s.origin === "providers/openai/models/gpt-4.1-mini.md")!;
const modelsDevProviderModel = modelsDev.find((s) => s.origin === "providers/openai/models/gpt-4.1-mini.toml")!;

/** Each registered format's samples; a format registered without samples fails the first test below. */
const SAMPLES: Record<DocumentFormat, ConformanceSamples> = {
  foundry: {
    documents: foundry,
    badRecords: [
      {
        origin: "gpt-4.1-mini (bad values).txt",
        text: edited(edited(foundry[0].text, "Context Length1048576", "Context Lengthabout a million"), "Training DataMay 2024", "Training DataSometime"),
        codes: ["INVALID_NUMBER", "INVALID_DATE"],
      },
    ],
    unreadable: [{ origin: "notes.txt", text: "Some notes\nabout nothing in particular\n" }],
    wholeDocumentFacts: [{ path: /^providers\[\d+\]\.(name|kind)$/, why: "Microsoft Foundry, whose card the whole document is; no line names it" }],
  },
  starmap: {
    documents: starmap,
    badRecords: [
      {
        origin: "providers/openai/models/gpt-4.1-mini.md",
        text: edited(edited(starmapModelPage.text, "| $0.40/1M | $1.60/1M |", "| $abc/1M | -$1.60/1M |"), "**Release Date**: 2025-04-14", "**Release Date**: someday"),
        codes: ["INVALID_NUMBER", "INVALID_DATE"],
      },
    ],
    unreadable: [{ origin: "providers/openai/models/nameless.md", text: edited(starmapModelPage.text, /- \*\*ID\*\*: `gpt-4\.1-mini`\n/, "") }],
  },
  "models-dev": {
    documents: modelsDev,
    badRecords: [
      {
        origin: "providers/openai/models/gpt-4.1-mini.toml",
        context: modelsDevContext,
        text: edited(edited(modelsDevProviderModel.text, "input = 0.40", 'input = "forty cents"\nreasoning = -1'), 'release_date = "2025-04-14"', 'release_date = "someday"'),
        codes: ["INVALID_NUMBER", "NEGATIVE_PRICE", "INVALID_DATE"],
      },
    ],
    unreadable: [
      { origin: "providers/openai/models/broken.toml", text: 'name = "GPT\n[cost\ninput = ' },
      { origin: "providers/openai/models/orphan.toml", text: 'base_model = "openai/no-such-model"\n', context: modelsDevContext },
      { origin: "notes/readme.toml", text: 'name = "not in a models.dev tree"\n' },
    ],
    wholeDocumentFacts: [{ path: /^models\[\d+\]\.authorId$/, origin: /^models\//, why: "an author's file states its author by its folder, models/<author>/, not by any key" }],
  },
  openrouter: {
    documents: openrouter,
    badRecords: [
      {
        origin: "models (bad entries).json",
        text: JSON.stringify({
          data: [
            null,
            { name: "no id" },
            { id: "acme/bad", name: "Acme Bad", context_length: "many", created: "yesterday", pricing: { prompt: "abc", completion: "-0.000001" } },
          ],
        }),
        codes: ["SKIPPED_RECORD", "INVALID_NUMBER", "NEGATIVE_PRICE"],
      },
    ],
    unreadable: [
      { origin: "models (cut).json", text: '{"data": [{"id": "acme/x", ' },
      { origin: "models (no list).json", text: '{"models": []}' },
    ],
    wholeDocumentFacts: [{ path: /^providers\[\d+\]\.(name|kind)$/, why: "OpenRouter, whose list the whole document is; no key names it" }],
  },
};

describe("the parser conformance suite", () => {
  it("has samples for every registered format, and no samples for a format that is not registered", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...DOCUMENT_FORMATS.ids].sort());
  });
});

for (const format of DOCUMENT_FORMATS.formats) describeParserConformance(format, SAMPLES[format.id]);
