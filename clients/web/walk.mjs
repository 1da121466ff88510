#!/usr/bin/env node
// walk.mjs: a reader's walk through the web page over the graph, in headless Chromium (puppeteer-core),
// as gateway/browser-check.mjs does for Banana Cake Pop. WebPageTests runs it and asserts on its report.
//
// Usage: node clients/web/walk.mjs <gatewayUrl> <screenshotDir> [<route>]
//   Without <route>: opens <gatewayUrl>/, reads the comparison table, checks the keyboard focus ring and the
//   page at phone width, searches "BFF" with the keyboard, opens the term found, follows one of its patterns,
//   then one of the pattern's roles. With <route> (such as '#/role/backend-developer'): opens that page alone.
//   Each step waits for its page to finish loading (<main aria-busy="false"> of that route), saves a
//   full-page screenshot into <screenshotDir>, and the script prints ONE line of JSON on stdout:
//     {"steps":[{"name","route","heading","notices":[…],"sections":{id:{"heading","links":[…],"text"}},
//       "screenshot"}…], "table":{…}, "firstRenderMs", "firstContentfulPaintMs", "scriptLoadedMs",
//       "tableRequestMs":[start, end], "focusRing", "phone":{…},
//       "requests":{"count","byIdOnly"}, "pageErrors":[…]}
//   firstRenderMs is the time from navigation start to the comparison table on screen (the page's
//   performance mark). On failure or after BROWSER_TIMEOUT_SECONDS (default 60): a message on stderr (and
//   a screenshot of the failure, when a page exists), exit 1.
//
// Environment:
//   CHROMIUM_PATH  browser executable (default /usr/bin/chromium; Debian package `chromium`)
//   BROWSER_TIMEOUT_SECONDS  the whole walk's time limit (default 60; CI on 2 busy cores wants more)
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { browserSession } from '../../gateway/lib/browser-session.mjs';

const USAGE = "Usage: node clients/web/walk.mjs <gatewayUrl> <screenshotDir> [<route>, such as '#/role/backend-developer']";
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
// The mark the page sets once the comparison table is on screen (src/pages/Home.tsx).
const TABLE_RENDERED = 'comparison-table-rendered';

const [gatewayUrl, screenshotArg, onlyRoute] = process.argv.slice(2);
if (!gatewayUrl || !screenshotArg || process.argv.length > 5 || (onlyRoute !== undefined && !onlyRoute.startsWith('#/'))) {
  console.error(USAGE);
  process.exit(2);
}
const siteUrl = `${gatewayUrl.replace(/\/+$/, '')}/`;
const screenshotDir = resolve(screenshotArg);

const session = browserSession({ puppeteer, name: 'walk', failureScreenshot: join(screenshotDir, 'failure.png'), fullPage: true });
let page;

/** Waits until the page shows `route` loaded: its <main> carries the route and is no longer busy. */
async function waitForPage(route) {
  session.step = `waiting for ${route} to load`;
  await page.waitForFunction(
    (expected) => {
      const main = document.querySelector('main');
      return (location.hash || '#/') === expected && main?.dataset.route === expected && main.getAttribute('aria-busy') === 'false';
    },
    { timeout: session.remaining() },
    route,
  );
}

/** What the page shows: its heading, notices and sections (each with its heading, links and text). */
function readPage() {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const sections = {};
    for (const section of main.querySelectorAll('section[id]')) {
      sections[section.id] = {
        heading: section.querySelector('h2')?.innerText.trim() ?? '',
        links: [...section.querySelectorAll('a[href]')].map((a) => ({ text: a.innerText.trim(), href: a.getAttribute('href') })),
        text: section.innerText.trim(),
      };
    }
    return {
      route: main.dataset.route,
      title: document.title,
      heading: main.querySelector('h1')?.innerText.trim() ?? null,
      notices: [...main.querySelectorAll('.notice p')].map((p) => p.innerText.trim()),
      sections,
    };
  });
}

const steps = [];

/** Records the page as a step, with a full-page screenshot named after it. */
async function record(name) {
  session.step = `recording ${name}`;
  const shown = await readPage();
  const screenshot = join(screenshotDir, `${String(steps.length + 1).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: screenshot, fullPage: true });
  steps.push({ name, ...shown, screenshot });
  return shown;
}

/** Clicks the first link that `selector` finds, as a reader would, and waits for its page. */
async function follow(selector, name) {
  session.step = `following ${selector}`;
  const link = await page.waitForSelector(selector, { timeout: session.remaining() });
  const href = await link.evaluate((a) => a.getAttribute('href'));
  await link.click();
  await waitForPage(href);
  return record(name);
}

async function main() {
  mkdirSync(screenshotDir, { recursive: true });
  const browser = await session.launch();
  page = session.page = await browser.newPage();
  await page.setViewport(DESKTOP);

  // Every request the page sends to the graph must name a persisted document and carry no query text.
  const requests = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
      let body = {};
      try {
        body = JSON.parse(request.postData() || '{}');
      } catch {
        // Not JSON: counted below as not by id.
      }
      requests.push(typeof body.documentId === 'string' && !('query' in body));
    }
  });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error?.message ?? error)));

  if (onlyRoute) {
    session.step = `loading ${siteUrl}${onlyRoute}`;
    await page.goto(siteUrl + onlyRoute, { timeout: session.remaining() });
    await waitForPage(onlyRoute);
    await record(onlyRoute.replace(/^#\//, '').replace(/[^a-z0-9]+/gi, '-'));
    await session.finish({ steps, requests: { count: requests.length, byIdOnly: requests.every(Boolean) }, pageErrors });
    return;
  }

  session.step = `loading ${siteUrl}`;
  const response = await page.goto(siteUrl, { timeout: session.remaining() });
  if (!response || !response.ok()) await session.fail(`GET ${siteUrl} answered ${response ? response.status() : 'nothing'}`);
  await waitForPage('#/');
  session.step = 'reading the comparison table';
  const table = await page.evaluate(() => {
    const element = document.querySelector('table.comparison');
    if (!element) return null;
    return {
      caption: element.caption?.innerText.trim() ?? null,
      columns: [...element.querySelectorAll('thead th[scope="col"]')].map((th) => th.innerText.trim()),
      rows: [...element.querySelectorAll('tbody tr')].map((tr) => ({
        aspect: tr.querySelector('th[scope="row"]')?.innerText.trim() ?? null,
        cells: [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()),
      })),
    };
  });
  if (!table) await session.fail('the home page shows no comparison table');
  // Where the time to first render goes: the bundle, then the table's one request to the graph.
  const timing = await page.evaluate((mark) => {
    const resource = (path) => performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === path);
    const round = (ms) => (ms === undefined ? null : Math.round(ms));
    return {
      firstRenderMs: round(performance.getEntriesByName(mark)[0]?.startTime),
      firstContentfulPaintMs: round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime),
      scriptLoadedMs: round(resource('/app.js')?.responseEnd),
      tableRequestMs: [round(resource('/graphql')?.startTime), round(resource('/graphql')?.responseEnd)],
    };
  }, TABLE_RENDERED);
  await record('home');

  // The first Tab reaches the skip link, which must show a focus ring.
  session.step = 'checking the keyboard focus ring';
  await page.keyboard.press('Tab');
  const focusRing = await page.evaluate(() => {
    const focused = document.activeElement;
    const style = getComputedStyle(focused);
    return { element: `${focused.tagName.toLowerCase()}: ${focused.innerText.trim()}`, outline: `${style.outlineStyle} ${style.outlineWidth}` };
  });

  // A change of isMobile makes puppeteer reload the page, so each viewport change waits for it again.
  session.step = 'viewing the home page at phone width';
  await page.setViewport(PHONE);
  await waitForPage('#/');
  await page.waitForSelector('table.comparison', { timeout: session.remaining() });
  await record('home-phone');
  const phone = await page.evaluate(() => ({ width: innerWidth, contentWidth: document.documentElement.scrollWidth }));
  await page.setViewport(DESKTOP);
  await waitForPage('#/');

  session.step = 'searching "BFF" with the keyboard';
  await page.focus('#search-input');
  await page.keyboard.type('BFF');
  await page.keyboard.press('Enter');
  await waitForPage('#/search?q=BFF');
  await record('search-bff');

  await follow('#results a[href^="#/term/"]', 'term');
  await follow('#patterns a[href^="#/pattern/"]', 'pattern');
  await follow('#role-stances a[href^="#/role/"]', 'role');

  await session.finish({
    steps,
    table,
    ...timing,
    focusRing,
    phone,
    requests: { count: requests.length, byIdOnly: requests.every(Boolean) },
    pageErrors,
  });
}

main().catch((err) => session.fail(`${err?.message || err} (while ${session.step})`));
