import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { usingPostgres } from "../support/testDatabase";
import { startTestServer, type TestServer } from "../support/testServer";
import { CHROMIUM, launchTestBrowser, type TestBrowser } from "../support/testBrowser";

/** The browser globals the page.evaluate callbacks read (tests are compiled without the DOM's types). */
declare const document: { activeElement: { id: string; textContent: string | null } | null; documentElement: { scrollWidth: number } };

const ROOT = path.resolve(__dirname, "../..");
/** Screenshots of each step, kept after the run (git-ignored). */
const ARTIFACTS = path.join(ROOT, "test-artifacts", "catalog-page");

// CI installs Chromium, so there a missing browser is a failure, not a reason to skip.
const describeInBrowser = fs.existsSync(CHROMIUM) || process.env.CI === "true" ? describe : describe.skip;
const title = fs.existsSync(CHROMIUM)
  ? `the catalog page in Chromium on a seeded ${usingPostgres() ? "PostgreSQL" : "PGlite"} catalog`
  : `the catalog page in Chromium (skipped: ${CHROMIUM} is missing; apt-get install -y chromium)`;

interface Opened {
  page: Page;
  foreignRequests: string[];
  consoleErrors: string[];
}

describeInBrowser(title, () => {
  jest.setTimeout(120_000);

  let server: TestServer;
  let browser: TestBrowser;
  let origin: string;
  const opened: Opened[] = [];

  beforeAll(async () => {
    // The page is served from the bundle `npm run build` writes; build it from the sources under test.
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-web.js"), "--quiet"], { cwd: ROOT, stdio: "inherit" });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchTestBrowser();
    server = await startTestServer({ seedOnStart: true });
    origin = new URL(server.catalog.url).origin;
  });

  afterEach(async () => {
    // Every page of a test: nothing asked of another origin, nothing logged as an error (a CSP refusal is one).
    for (const { page, foreignRequests, consoleErrors } of opened.splice(0)) {
      await page.close();
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens `where` on the server in a fresh page (its own cache), recording foreign requests and console errors. */
  async function open(where: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.current().newContext({ viewport });
    const page = await context.newPage();
    const record: Opened = { page, foreignRequests: [], consoleErrors: [] };
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith("data:")) record.foreignRequests.push(url);
    });
    page.on("console", (message) => {
      if (message.type() === "error") record.consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => record.consoleErrors.push(error.message));
    // A context outlives its page unless closed with it; a browser already gone has closed it already.
    page.on("close", () => void context.close().catch(() => undefined));
    opened.push(record);
    const response = await page.goto(`${origin}${where}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });

  async function api<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const response = await fetch(`${origin}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data: Data; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  /** A test whose body runs once more in a new browser if Chromium went away under it (see TestBrowser). */
  const itInBrowser = (name: string, body: () => Promise<void>) => it(name, () => browser.run(body, () => void opened.splice(0)));

  const resultIds = (page: Page) => page.locator("table.results tbody th[scope=row] .id").allInnerTexts();

  itInBrowser("is interactive within a second of navigation: the first page of models listed and the search box ready", async () => {
    await open("/"); // the server's first answers (and compressions) are not what a visitor waits for
    const page = await open("/");
    await page.locator("table.results tbody tr").first().waitFor();
    const interactiveMs = await page.evaluate(() => performance.getEntriesByName("catalog-page-interactive")[0]?.startTime ?? -1);
    console.log(`catalog page: first screen interactive ${Math.round(interactiveMs)} ms after navigation start`);
    expect(interactiveMs).toBeGreaterThan(0);
    expect(interactiveMs).toBeLessThan(1000);
    expect(await page.locator("#search").isEditable()).toBe(true);
    expect(await page.locator("table.results tbody tr").count()).toBe(25);
    await shot(page, "01-first-screen");
  });

  itInBrowser("searches “gpt 4.1 mini” as it is typed and opens GPT-4.1 mini with its context window", async () => {
    const page = await open("/");
    await page.locator("table.results tbody tr").first().waitFor();
    await page.getByLabel("Search models").pressSequentially("gpt 4.1 mini", { delay: 20 });
    await page.waitForURL(/\?q=gpt\+4\.1\+mini$/);
    await eventually(() => resultIds(page), (value) => expect(value).toEqual(["gpt-4.1-mini"]));
    await shot(page, "02-search");

    await page.getByRole("link", { name: "GPT-4.1 mini", exact: true }).click();
    await page.waitForURL(/view=model&id=gpt-4\.1-mini/);
    await page.getByRole("heading", { level: 1, name: "GPT-4.1 mini" }).waitFor();
    await eventually(() => page.locator('table[aria-label="Facts"] tr[data-field="contextWindow"] td').first().innerText(), (value) => expect(value).toBe("1,047,576 tokens"));
    expect(await page.locator("section.offering").count()).toBeGreaterThan(5);
    await eventually(() => page.locator('[data-offering="openai:gpt-4.1-mini"] tr[data-field="price.INPUT.PER_1M_TOKENS.STANDARD.0"] td.num').innerText(), (value) => expect(value).toBe("$0.4 / 1M tokens"));
    await shot(page, "03-model");

    // The back button returns to the search, as typed.
    await page.goBack();
    await page.waitForURL(/\?q=gpt\+4\.1\+mini$/);
    expect(await page.getByLabel("Search models").inputValue()).toBe("gpt 4.1 mini");
  });

  itInBrowser("opens a value's provenance: the document and key of each candidate, and the sources that disagree", async () => {
    const page = await open("/?view=model&id=gpt-4.1-mini");
    const contextWindow = page.locator('table[aria-label="Facts"] tr[data-field="contextWindow"] details.provenance');
    await contextWindow.locator("summary").waitFor();
    expect(await contextWindow.locator("summary").innerText()).toBe("models.dev/models/openai/gpt-4.1-mini.toml · limit.context");
    await contextWindow.locator("summary").click();
    const candidates = contextWindow.getByRole("list", { name: "Candidates for contextWindow" });
    await candidates.waitFor();
    expect(await candidates.locator("li.chosen").innerText()).toContain("1,047,576 (written “1_047_576”) in models.dev/models/openai/gpt-4.1-mini.toml at limit.context — chosen");
    expect(await candidates.locator("li").count()).toBeGreaterThan(1);
    await shot(page, "04-provenance");

    // A model whose sources disagree: the mark, and the candidate that disagrees.
    const conflicted = await open("/?view=model&id=deepseek-chat");
    const marked = conflicted.locator('table[aria-label="Facts"] tr[data-field="contextWindow"] details.provenance.conflict');
    await marked.locator("summary").waitFor();
    expect(await marked.locator("summary").innerText()).toContain("sources disagree");
    await marked.locator("summary").press("Enter"); // keyboard opens it too
    expect(await marked.locator("li.disagrees").count()).toBeGreaterThan(0);
    expect(await conflicted.locator(".conflicts-note").innerText()).toContain("contextWindow");
    await shot(conflicted, "05-conflict");
  });

  itInBrowser("filters by a capability, sorts by input price (as the API orders them), and the back button undoes each step", async () => {
    const page = await open("/");
    await page.locator("table.results tbody tr").first().waitFor();
    await page.locator("details.capabilities summary").click();
    await page.getByLabel("Tool calls", { exact: true }).check();
    await page.waitForURL(/\?caps=tool_calls$/);
    await page.getByLabel("Sort by").selectOption("input");
    await page.waitForURL(/\?caps=tool_calls&sort=input$/);

    const expected = await api<{ models: { totalCount: number; edges: { node: { id: string } }[] } }>(
      `{ models(filter: { capabilities: ["tool_calls"] }, orderBy: [{ field: PRICE, priceKind: INPUT }], first: 25) { totalCount edges { node { id } } } }`,
    );
    await eventually(() => resultIds(page), (value) => expect(value).toEqual(expected.models.edges.map((edge) => edge.node.id)));
    expect(await page.locator(".toolbar .count").innerText()).toBe(`${expected.models.totalCount.toLocaleString("en-US")} models`);
    const prices = (await page.locator("table.results tbody td:nth-child(7)").allInnerTexts()).map((text) => Number(text.replace("$", "")));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    await shot(page, "06-filter-and-sort");

    await page.getByRole("link", { name: "Next page →" }).click();
    await page.waitForURL(/after=/);
    await eventually(async () => (await resultIds(page))[0], (value) => expect(value).not.toBe(expected.models.edges[0].node.id));

    await page.goBack();
    await page.waitForURL(/\?caps=tool_calls&sort=input$/);
    await page.goBack();
    await page.waitForURL(/\?caps=tool_calls$/);
    expect(await page.getByLabel("Sort by").inputValue()).toBe("name");
  });

  itInBrowser("compares three models picked from the results: best values marked, differing rows highlighted", async () => {
    const page = await open("/?q=gpt-4o");
    for (const [search, id] of [
      ["gpt 4.1 mini", "gpt-4.1-mini"],
      ["gpt-4o", "gpt-4o"],
      ["claude 3.7 sonnet", "claude-3-7-sonnet-20250219"],
    ]) {
      await page.goto(`${origin}/?q=${encodeURIComponent(search)}&pick=${new URL(page.url()).searchParams.get("pick") ?? ""}`);
      const row = page.locator("table.results tbody tr", { has: page.locator(".id", { hasText: new RegExp(`^${id.replace(/\./g, "\\.")}$`) }) });
      await row.getByRole("checkbox").check();
      await page.waitForURL(new RegExp(`pick=[^&]*${id.replace(/\./g, "\\.")}`));
    }
    await page.getByRole("link", { name: "Compare 3" }).click();
    await page.waitForURL(/view=compare&.*pick=gpt-4\.1-mini,gpt-4o,claude-3-7-sonnet-20250219/);
    const table = page.getByRole("table", { name: "Comparison" });
    await table.waitFor();
    expect(await table.locator("thead th").allInnerTexts()).toEqual(["Attribute", "GPT-4.1 mini", "GPT-4o", "Claude Sonnet 3.7"]);
    const expected = await api<{ compareModels: { rows: { key: string; differs: boolean; cells: { value: string | null; known: boolean; best: boolean; providerId: string | null }[] }[] } }>(
      `{ compareModels(ids: ["gpt-4.1-mini", "gpt-4o", "claude-3-7-sonnet-20250219"]) { rows { key differs cells { value known best providerId } } } }`,
    );
    const shown = (cell: { value: string | null; known: boolean; best: boolean; providerId: string | null }) =>
      cell.known ? `${cell.value}${cell.best ? " ★" : ""}${cell.providerId ? ` via ${cell.providerId}` : ""}` : "unknown";
    for (const key of ["contextWindow", "price.INPUT", "capability.structured_outputs", "releaseDate"]) {
      const row = expected.compareModels.rows.find((candidate) => candidate.key === key)!;
      const shownRow = table.locator(`tr[data-key="${key}"]`);
      expect(await shownRow.locator("td").allInnerTexts()).toEqual(row.cells.map(shown));
      expect(await shownRow.getAttribute("class")).toBe(row.differs ? "differs" : "");
    }
    // GPT-4.1 mini's 1,047,576 tokens is the longest context window known of the three.
    expect(await table.locator('tr[data-key="contextWindow"] td.best').innerText()).toBe("1047576 ★");
    expect(await table.locator("tr.differs").count()).toBe(expected.compareModels.rows.filter((row) => row.differs).length);
    await shot(page, "07-compare", true);
  });

  itInBrowser("prices a workload on the picked models: a table and a bar per estimate, and an offering's price history as a line", async () => {
    const page = await open("/?view=compare&pick=gpt-4.1-mini,gpt-4o");
    await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Cost" }).click();
    await page.getByRole("heading", { level: 1, name: "What would it cost?" }).waitFor();
    await page.getByLabel("Input tokens", { exact: true }).fill("2000000");
    await page.getByLabel("Output tokens", { exact: true }).fill("500000");
    await page.getByLabel("Requests", { exact: true }).fill("100");
    await page.getByRole("button", { name: "Price it" }).click();
    await page.waitForURL(/view=cost&pick=gpt-4\.1-mini,gpt-4o&input=2000000&output=500000&requests=100$/);

    const expected = await api<{ estimateCost: { totalCount: number; estimates: { total: string; offering: { id: string } }[] } }>(
      `{ estimateCost(workload: { inputTokens: 2000000, outputTokens: 500000, requests: 100 }, filter: { ids: ["gpt-4.1-mini", "gpt-4o"] }, first: 50) { totalCount estimates { total offering { id } } } }`,
    );
    const rows = page.locator("table.estimates tbody tr");
    await eventually(() => rows.count(), (value) => expect(value).toBe(expected.estimateCost.estimates.length));
    expect(await page.locator("svg.bar-chart rect.bar").count()).toBe(expected.estimateCost.estimates.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-offering")))).toEqual(expected.estimateCost.estimates.map((estimate) => estimate.offering.id));
    expect(await rows.first().locator("td.num").innerText()).toBe(`$${expected.estimateCost.estimates[0].total}`);
    await shot(page, "08-cost", true);

    const first = expected.estimateCost.estimates[0].offering.id;
    await page.getByRole("link", { name: `Price history of ${first}` }).click();
    await page.waitForURL(/history=/);
    const chart = page.locator("svg.line-chart");
    await chart.waitFor();
    expect(await chart.locator("path.line").count()).toBe(2);
    expect(await page.getByRole("table", { name: "Prices over time" }).locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    await shot(page, "09-price-history");
  });

  itInBrowser("follows a shared URL to the same view in a fresh browser", async () => {
    // claude-3.5-sonnet is an alias now (of claude-3-5-sonnet-20241022): a shared link made with it still works.
    const shared = "/?view=cost&pick=gpt-4.1-mini,claude-3.5-sonnet&input=1000000&output=100000&cheapest=1";
    const page = await open(shared);
    const rows = page.locator("table.estimates tbody tr");
    await eventually(() => rows.count(), (value) => expect(value).toBe(2));
    expect(await page.locator("svg.bar-chart rect.bar").count()).toBe(2);
    expect(await page.getByLabel("Input tokens", { exact: true }).inputValue()).toBe("1000000");
    expect(await page.getByLabel("Only each model's cheapest offering").isChecked()).toBe(true);
    await shot(page, "10-shared-url");
  });

  itInBrowser("shows the API's refusals in words: a price ceiling that is not a number, an unknown model", async () => {
    const page = await open("/?maxPrice=abc");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Decimal must be a decimal number written as a string, like "0.40"; got "abc"');
    expect(await alert.innerText()).toContain("[BAD_USER_INPUT]");
    await shot(page, "11-error");

    const unknown = await open("/?view=model&id=no-such-model");
    await unknown.getByRole("alert").waitFor();
    expect(await unknown.getByRole("alert").innerText()).toBe("The catalog has no model with the id or alias “no-such-model”.");
  });

  itInBrowser("is usable with the keyboard alone: type a search, tab to a result, open it with Enter", async () => {
    const page = await open("/");
    await page.locator("table.results tbody tr").first().waitFor();
    await page.keyboard.press("Tab"); // the skip link
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.locator("#search").focus();
    await page.keyboard.type("gpt 4.1 mini");
    await page.waitForURL(/q=gpt/);
    await eventually(() => resultIds(page), (value) => expect(value).toEqual(["gpt-4.1-mini"]));
    for (let step = 0; step < 60; step++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent)) === "GPT-4.1 mini") break;
    }
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "GPT-4.1 mini" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("model-title");
  });

  itInBrowser("reads at phone width: nothing wider than the screen but the tables' own scrolling", async () => {
    const page = await open("/?view=model&id=gpt-4.1-mini", { width: 390, height: 844 });
    await page.locator('table[aria-label="Facts"] tr[data-field="contextWindow"]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, "12-phone-model");
    const find = await open("/?caps=tool_calls", { width: 390, height: 844 });
    await find.locator("table.results tbody tr").first().waitFor();
    expect(await find.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(find, "13-phone-find");
  });
});

/** Reads `read()` until `check` passes on what it read (the page updates after its requests), or throws check's last failure after `timeoutMs`. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return;
    } catch (failure) {
      if (Date.now() > deadline) throw failure;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
