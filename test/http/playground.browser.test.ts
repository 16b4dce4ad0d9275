import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { bootstrap, type RunningCatalog } from "../../src/main";
import { silentLogger } from "../../src/logger";
import { createTestDatabase, usingPostgres, type TestDatabase } from "../support/testDatabase";
import { CHROMIUM, launchTestBrowser, type TestBrowser } from "../support/testBrowser";

const SEED_DIR = path.resolve(__dirname, "../../seed");

// CI installs Chromium, so there a missing browser is a failure, not a reason to skip.
const describeInBrowser = fs.existsSync(CHROMIUM) || process.env.CI === "true" ? describe : describe.skip;
const title = fs.existsSync(CHROMIUM)
  ? `the GraphQL playground in Chromium on a seeded ${usingPostgres() ? "PostgreSQL" : "PGlite"} catalog`
  : `the GraphQL playground in Chromium (skipped: ${CHROMIUM} is missing; apt-get install -y chromium)`;

describeInBrowser(title, () => {
  jest.setTimeout(120_000);

  let testDb: TestDatabase;
  let catalog: RunningCatalog;
  let browser: TestBrowser;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    browser = await launchTestBrowser();
    catalog = await bootstrap(
      { port: 0, host: "127.0.0.1", database: testDb.target, logLevel: "silent", seedDir: SEED_DIR, seedOnStart: true },
      silentLogger,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await catalog?.stop();
    await testDb?.drop();
  });

  /** Opens the playground in a fresh page, recording requests to anywhere but the server and console errors. */
  async function openPlayground() {
    const page = await browser.current().newPage();
    const origin = new URL(catalog.url).origin;
    const foreignRequests: string[] = [];
    const consoleErrors: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith("data:")) foreignRequests.push(url);
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    const response = await page.goto(catalog.url);
    expect(response?.status()).toBe(200);
    return { page, foreignRequests, consoleErrors };
  }

  /** A test whose body runs once more in a new browser if Chromium went away under it (see TestBrowser). */
  const itInBrowser = (name: string, body: () => Promise<void>) => it(name, () => browser.run(body));

  const editorText = (page: Page, selector: string) =>
    page.locator(selector).evaluate((element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());

  itInBrowser("opens on the Lookup example with the schema's docs and working dialogs, loading nothing from elsewhere and with nothing blocked", async () => {
    const { page, foreignRequests, consoleErrors } = await openPlayground();

    await page.locator(".graphiql-query-editor .CodeMirror").waitFor();
    const shownQuery = await editorText(page, ".graphiql-query-editor .CodeMirror");
    expect(shownQuery).toContain("query Lookup {");
    expect(shownQuery).toContain('model(id: "gpt-4.1-mini")');
    expect(await page.locator(".graphiql-tab").allInnerTexts()).toEqual(["Lookup", "CheapToolCallers", "Compare", "Estimate", "WhereFrom"]);

    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.locator(".graphiql-doc-explorer-root-type", { hasText: "Query" }).first().waitFor();
    // GraphiQL's dialogs inject <style> elements: the policy must let them through.
    await page.getByRole("button", { name: "Open settings dialog" }).click();
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  itInBrowser("runs the Lookup example and shows GPT-4.1 mini with its context window", async () => {
    const { page, foreignRequests, consoleErrors } = await openPlayground();

    await page.locator(".graphiql-execute-button").click();
    const result = await waitUntil(() => editorText(page, ".result-window .CodeMirror"), (text) => text.trim().startsWith("{"), 30_000);

    expect(result).toContain('"name": "GPT-4.1 mini"');
    expect(result).toContain('"contextWindow": 1047576');
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

/** Reads `read()` until `done` holds or time runs out, and returns the last reading either way. */
async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
