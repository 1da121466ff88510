// browser-session.mjs: what a check in a real browser needs around its own steps, written once for
// gateway/browser-check.mjs (Banana Cake Pop) and clients/web/walk.mjs (the web page): one deadline for the
// whole check, a watchdog for whatever hangs, Chromium launched with retries, and one way to end: a failure
// (a screenshot of the page, a message on stderr, exit 1) or a report (one JSON line on stdout, exit 0).
//
// The caller passes its own puppeteer-core, which each script resolves from its own node_modules.
//
// Environment:
//   CHROMIUM_PATH            browser executable (default /usr/bin/chromium; Debian package `chromium`)
//   BROWSER_TIMEOUT_SECONDS  the whole check's time limit (default 60; CI on 2 busy cores wants more)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * @param {{ puppeteer: any, name: string, failureScreenshot: string, fullPage?: boolean }} options
 *   name: the script's, for messages; failureScreenshot: where the page is saved when the check fails.
 */
export function browserSession({ puppeteer, name, failureScreenshot, fullPage = false }) {
  const timeoutMs = 1000 * Number(process.env.BROWSER_TIMEOUT_SECONDS || 60);
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const deadline = Date.now() + timeoutMs;
  const userDataDir = mkdtempSync(join(tmpdir(), `${name}-`));
  let browser;
  let failing = false;

  const session = {
    /** What the check is doing, for the message when it fails or times out. */
    step: 'starting',
    /** The page to save when the check fails, once there is one. */
    page: null,
    remaining: () => Math.max(1, deadline - Date.now()),
    launch,
    fail,
    finish,
  };

  // A hard stop, whatever is hanging (browser launch, navigation, a wait).
  const watchdog = setTimeout(() => fail(`timed out after ${timeoutMs / 1000} s while ${session.step}`), timeoutMs);

  // Chromium now and then never prints its DevTools address on a loaded machine, and puppeteer then waits for
  // it until the timeout; a second launch has always come up. So each attempt gets at most 60 s, and a stuck
  // one is killed before the next.
  async function launch() {
    for (let attempt = 1; ; attempt++) {
      session.step = `launching ${executablePath} (attempt ${attempt})`;
      try {
        browser = await puppeteer.launch({
          executablePath,
          headless: true, // puppeteer adds --headless (Chromium's current headless mode)
          timeout: Math.min(60_000, session.remaining()),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            `--user-data-dir=${join(userDataDir, String(attempt))}`,
          ],
        });
        return browser;
      } catch (error) {
        if (attempt >= 3 || session.remaining() < 10_000) throw error;
        console.error(`${name}: launch attempt ${attempt} failed (${error.message}); retrying`);
      }
    }
  }

  async function fail(message) {
    if (failing) return new Promise(() => {}); // the first failure reports and exits
    failing = true;
    clearTimeout(watchdog);
    // A second hard stop, in case the browser hangs while the screenshot is taken or it closes.
    setTimeout(() => process.exit(1), 10_000).unref();
    let note = '';
    if (session.page) {
      try {
        mkdirSync(dirname(failureScreenshot), { recursive: true });
        await session.page.screenshot({ path: failureScreenshot, fullPage });
        const text = await session.page.evaluate(() => document.body.innerText);
        note = ` (screenshot of the failure: ${failureScreenshot}; page text: ${JSON.stringify(text.slice(0, 600))})`;
      } catch {
        // The page may be gone; the message matters more than the picture.
      }
    }
    console.error(`${name}: FAILED: ${message}${note}`);
    await close();
    process.exit(1);
  }

  async function finish(report) {
    clearTimeout(watchdog);
    await close();
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exit(0);
  }

  async function close() {
    try {
      await browser?.close();
    } catch {
      // Already closed.
    }
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // A leftover temp dir is not worth failing for.
    }
  }

  return session;
}
