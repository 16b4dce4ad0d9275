import fs from "node:fs";
import path from "node:path";
import { parseModelsDevTree, type ModelsDevTreeFile } from "../../src/ingest/models-dev/modelsDevTree.parser";
import { ParseError, type ParseIssueCode } from "../../src/ingest/observation";

/** Every file under a folder, with its path relative to the folder and "/" separators. */
function readTree(rootDir: string, only: (file: string) => boolean = () => true): ModelsDevTreeFile[] {
  const files: ModelsDevTreeFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (only(entry.name)) files.push({ path: path.relative(rootDir, full).split(path.sep).join("/"), text: fs.readFileSync(full, "utf8") });
    }
  };
  walk(rootDir);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

const fixtureFiles = readTree(path.join(__dirname, "../fixtures/models-dev"));
const ISSUE_CODES: ParseIssueCode[] = ["MISSING_FIELD", "INVALID_NUMBER", "NEGATIVE_PRICE", "INVALID_DATE", "UNKNOWN_VALUE", "SKIPPED_RECORD", "DANGLING_LINK", "NOT_STORED"];

describe("the models.dev tree parser", () => {
  describe("the fixture tree", () => {
    const tree = parseModelsDevTree(fixtureFiles);
    const tomlCount = fixtureFiles.filter((f) => f.path.endsWith(".toml")).length;

    it("parses every TOML file as one document and passes over SOURCE.md and LICENSE", () => {
      expect(fixtureFiles.map((f) => f.path)).toEqual(expect.arrayContaining(["SOURCE.md", "LICENSE"]));
      expect(tree.failures).toEqual([]);
      expect(tree.documents).toHaveLength(tomlCount);
      expect(tree.documents.map((d) => d.origin)).not.toContain("SOURCE.md");
      expect(tree.documents.every((d) => d.format === "models-dev")).toBe(true);
    });

    it("finds each provider, each models/ model and each offering once", () => {
      const providers = tree.documents.flatMap((d) => d.providers.map((p) => p.id)).sort();
      const offerings = tree.documents.flatMap((d) => d.offerings.map((o) => `${o.providerId}:${o.providerModelId}`)).sort();

      expect(providers).toEqual(["amazon-bedrock", "azure", "github-copilot", "helicone", "openai", "openrouter", "perplexity"]);
      expect(offerings).toEqual([
        "amazon-bedrock:openai.gpt-5.4",
        "azure:gpt-4.1-mini",
        "github-copilot:claude-opus-4.7",
        "github-copilot:gpt-5.4",
        "helicone:gpt-4.1-mini",
        "openai:gpt-4.1-mini",
        "openai:gpt-5.4",
        "openai:gpt-image-1",
        "openrouter:openai/gpt-4.1-mini",
        "perplexity:sonar-deep-research",
      ]);
    });

    it("resolves base_model against the tree's own models/ files", () => {
      const bedrock = tree.documents.find((d) => d.origin === "providers/amazon-bedrock/models/openai.gpt-5.4.toml")!;

      expect(bedrock.models[0].fields.name).toEqual({ value: "GPT-5.4", locator: "models/openai/gpt-5.4.toml#name" });
      expect(bedrock.offerings[0].modelRef).toBe("openai/gpt-5.4");
    });

    it("finds every linked file in the tree, so no document has a dangling link", () => {
      expect(tree.documents.flatMap((d) => d.issues).filter((i) => i.code === "DANGLING_LINK")).toEqual([]);
    });
  });

  describe("failures and links", () => {
    it("puts a file that cannot be read in the failures, with its path and reason, and goes on with the rest", () => {
      const tree = parseModelsDevTree([
        { path: "providers/acme/provider.toml", text: 'name = "Acme"\n' },
        { path: "providers/acme/models/broken.toml", text: 'name = "x"\ninput = \n' },
        { path: "providers/acme/models/orphan.toml", text: 'base_model = "acme/missing"\n' },
        { path: "providers/acme/models/empty.toml", text: "" },
        { path: "providers/acme/models/good.toml", text: 'name = "Good"\n[cost]\ninput = 1\n' },
      ]);

      expect(tree.documents.map((d) => d.origin)).toEqual(["providers/acme/provider.toml", "providers/acme/models/good.toml"]);
      expect(tree.failures.every((f) => f instanceof ParseError)).toBe(true);
      expect(tree.failures.map((f) => [f.origin, f.line, f.message])).toEqual([
        ["providers/acme/models/broken.toml", 2, "providers/acme/models/broken.toml:2: TOML syntax error: invalid value"],
        ["providers/acme/models/orphan.toml", 1, 'providers/acme/models/orphan.toml:1: base_model "acme/missing" not found'],
        ["providers/acme/models/empty.toml", undefined, "providers/acme/models/empty.toml: empty document"],
      ]);
    });

    it("reports a provider model whose provider.toml the tree lacks as a dangling link", () => {
      const tree = parseModelsDevTree([{ path: "providers/ghost/models/m1.toml", text: 'name = "M1"\n' }]);

      expect(tree.documents[0].issues).toEqual([
        { code: "DANGLING_LINK", message: "links to providers/ghost/provider.toml, which the tree does not have", locator: "" },
      ]);
    });

    it("accepts paths written with ./ or backslashes", () => {
      const tree = parseModelsDevTree([
        { path: "./models\\acme\\big.toml", text: 'name = "Big"\n' },
        { path: ".\\providers\\acme\\provider.toml", text: 'name = "Acme"\n' },
        { path: "providers/acme/models/big.toml", text: 'base_model = "acme/big"\n' },
      ]);

      expect(tree.failures).toEqual([]);
      expect(tree.documents.map((d) => d.origin)).toEqual(["models/acme/big.toml", "providers/acme/provider.toml", "providers/acme/models/big.toml"]);
      expect(tree.documents[2].models[0].fields.name).toEqual({ value: "Big", locator: "models/acme/big.toml#name" });
    });
  });

  const dataRoot = path.join(__dirname, "../../seed/models.dev");
  const sweep = it;

  sweep("reads the whole models.dev snapshot with few failures, each naming its path and reason", () => {
    const files = readTree(dataRoot, (name) => name.endsWith(".toml"));
    const tree = parseModelsDevTree(files);
    const documents = tree.documents;
    const prices = documents.flatMap((d) => d.offerings.flatMap((o) => o.prices));
    const issues = documents.flatMap((d) => d.issues);

    expect(files.length).toBeGreaterThan(5000);
    expect(documents.length + tree.failures.length).toBe(files.length);
    expect(tree.failures.length).toBeLessThanOrEqual(5);
    for (const failure of tree.failures) {
      expect(failure).toBeInstanceOf(ParseError);
      expect(failure.message).toMatch(/^(providers|models)\/\S+\.toml(:\d+)?: \S.*/);
    }
    const providerModelFiles = files.filter((f) => /^providers\/[^/]+\/models\//.test(f.path)).length;
    expect(documents.flatMap((d) => d.offerings)).toHaveLength(providerModelFiles - tree.failures.filter((f) => f.origin.includes("/models/")).length);
    expect(documents.flatMap((d) => d.providers).length).toBe(files.filter((f) => f.path.endsWith("/provider.toml")).length);
    expect(prices.length).toBeGreaterThan(10000);
    expect(prices.every((p) => /^\d+(\.\d+)?$/.test(p.amount) && p.currency === "USD" && (p.unit === "PER_1M_TOKENS" || (p.kind === "REQUEST" && p.unit === "PER_1K_REQUESTS")))).toBe(true);
    expect(prices.filter((p) => p.mode === "FAST").length).toBeGreaterThan(0);
    expect(prices.filter((p) => p.contextAbove > 0).length).toBeGreaterThan(0);
    expect(issues.every((i) => ISSUE_CODES.includes(i.code) && typeof i.locator === "string")).toBe(true);
    // Keys the catalog has no place for are reported, file by file (a model's own SDK override, its weights' and links' tables).
    expect(issues.filter((i) => i.code !== "NOT_STORED").length).toBeLessThan(50);
    expect(new Set(issues.filter((i) => i.code === "NOT_STORED").map((i) => i.message.split(" ")[0] === "price" ? "cost" : i.message.split(" ")[0]))).toEqual(new Set(["provider", "weights", "links", "cost"]));
  });
});
