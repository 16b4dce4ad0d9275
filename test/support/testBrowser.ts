import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/**
 * The flags this machine's own browser check starts Chromium with: without the network ones Chromium
 * keeps trying hosts this closed network refuses.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Chromium for the page tests. The browser is a process of its own that can go away under a test without
 * the page being at fault: Playwright closes it when the test process receives SIGTERM, SIGINT or SIGHUP,
 * and one CI run lost a whole suite that way ("Target page, context or browser has been closed" right after
 * a passing first screen, every later test failing at its first step). `run` runs a test body; when the
 * browser process went away during it, it says so, starts a new browser and runs the body once more. A
 * failure while the browser stays up is the test's own and is never retried.
 */
export interface TestBrowser {
  /** The running browser, for new pages and contexts. */
  current(): Browser;
  /** Runs `body`; once more in a new browser if the browser disappeared meanwhile (`discard` drops what the failed attempt opened). */
  run<T>(body: () => Promise<T>, discard?: () => void): Promise<T>;
  close(): Promise<void>;
}

export async function launchTestBrowser(): Promise<TestBrowser> {
  let browser = await launch();
  let closing = false;

  async function launch(): Promise<Browser> {
    const started = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    started.on("disconnected", () => {
      if (!closing) console.warn("test browser: Chromium went away during a test (its process exited or was closed by a signal)");
    });
    return started;
  }

  return {
    current: () => browser,
    async run(body, discard) {
      const used = browser;
      try {
        return await body();
      } catch (error) {
        if (!(await wentAway(used, error))) throw error;
        console.warn(`test browser: starting a new Chromium and running the test once more, after: ${(error as Error).message.split("\n")[0]}`);
        discard?.();
        if (browser === used) browser = await launch();
        return await body();
      }
    },
    async close() {
      closing = true;
      await browser.close();
    },
  };
}

/** Whether `error` came of the browser going away: a page's end can be reported a moment before the browser's. */
async function wentAway(browser: Browser, error: unknown): Promise<boolean> {
  if (!browser.isConnected()) return true;
  if (!/Target page, context or browser has been closed/.test((error as Error)?.message ?? "")) return false;
  return new Promise((resolve) => {
    const gaveUp = setTimeout(() => resolve(!browser.isConnected()), 2_000);
    browser.once("disconnected", () => {
      clearTimeout(gaveUp);
      resolve(true);
    });
  });
}
