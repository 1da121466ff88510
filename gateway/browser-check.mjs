#!/usr/bin/env node
// browser-check.mjs: proves, with a real browser, that Banana Cake Pop works against the gateway.
//
// Why: curl can show that GET /graphql returns HTML, not that the IDE loads its assets, introspects
// the supergraph and runs a query. An xunit test calls this script and asserts on its JSON line.
//
// Usage: node browser-check.mjs <gatewayUrl> <screenshotPath>
//   opens <gatewayUrl>/graphql in headless Chromium (puppeteer-core), creates a document, waits for
//   BCP's introspection ("Schema available"), types the query into the Request editor, clicks Run,
//   waits for the Response panel, saves a screenshot and prints ONE line of JSON on stdout:
//     {"loaded":true,"introspected":true,"responseText":"<text shown in the Response panel>"}
//   On failure or after BROWSER_TIMEOUT_SECONDS (default 60): a message on stderr (and a screenshot, when a page exists), exit 1.
//
// Environment:
//   CHROMIUM_PATH  browser executable (default /usr/bin/chromium; Debian package `chromium`)
//   BROWSER_QUERY  the operation to run (default `{ __typename }`)
//   BROWSER_TIMEOUT_SECONDS  the whole check's time limit (default 60; CI on 2 busy cores wants more)
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse, print } from 'graphql';
import puppeteer from 'puppeteer-core';
import { browserSession } from './lib/browser-session.mjs';

const USAGE = 'Usage: node browser-check.mjs <gatewayUrl> <screenshotPath>';

const [gatewayUrl, screenshotArg] = process.argv.slice(2);
if (!gatewayUrl || !screenshotArg || process.argv.length > 4) {
  console.error(USAGE);
  process.exit(2);
}
const screenshotPath = resolve(screenshotArg);
const ideUrl = `${gatewayUrl.replace(/\/+$/, '')}/graphql`;
const query = process.env.BROWSER_QUERY || '{ __typename }';

const session = browserSession({ puppeteer, name: 'browser-check', failureScreenshot: screenshotPath });
let page;

/** The editor (Monaco) element in the panel whose toolbar title is `title` ("Request", "Response"). */
function findEditor(title) {
  return page.evaluateHandle((panelTitle) => {
    let node = [...document.querySelectorAll('h1')].find((h) => h.textContent.trim() === panelTitle);
    while (node && !node.querySelector('.monaco-editor')) node = node.parentElement;
    return node ? node.querySelector('.monaco-editor') : null;
  }, title);
}

/**
 * Full text of a panel's editor, taken as a user would: focus it, select all, copy, read the clipboard.
 * (Monaco renders only the visible lines, so the DOM alone cannot give a long result.)
 */
async function copyEditorText(title) {
  const focused = await page.evaluate((panelTitle) => {
    let node = [...document.querySelectorAll('h1')].find((h) => h.textContent.trim() === panelTitle);
    while (node && !node.querySelector('.monaco-editor')) node = node.parentElement;
    const textarea = node?.querySelector('.monaco-editor textarea');
    textarea?.focus();
    return Boolean(textarea);
  }, title);
  if (!focused) return null;
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.down(MODIFIER);
  await page.keyboard.press('KeyA');
  await page.keyboard.press('KeyC');
  await page.keyboard.press('Home'); // collapse the selection again (Ctrl+Home), for the screenshot
  await page.keyboard.up(MODIFIER);
  return (await page.evaluate(() => navigator.clipboard.readText())).replace(/\r\n/g, '\n').trim();
}

const MODIFIER = process.platform === 'darwin' ? 'Meta' : 'Control';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const browser = await session.launch();
  // The Response panel is read through the clipboard (see copyEditorText).
  await browser.defaultBrowserContext().overridePermissions(new URL(ideUrl).origin, [
    'clipboard-read',
    'clipboard-sanitized-write',
  ]);
  page = session.page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });

  // Network evidence for "introspected" and for the query's own round trip.
  let introspectionOk = false;
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() === 'POST' && (request.postData() || '').includes('__schema') && response.ok()) {
      introspectionOk = true;
    }
  });

  session.step = `loading ${ideUrl}`;
  const response = await page.goto(ideUrl, { waitUntil: 'networkidle0', timeout: session.remaining() });
  if (!response || !response.ok()) await session.fail(`GET ${ideUrl} answered ${response ? response.status() : 'nothing'}`);
  session.step = 'waiting for Banana Cake Pop to render';
  const createButton = await page.waitForSelector('button.create', { timeout: session.remaining() });
  const loaded = true;

  session.step = 'creating a document and waiting for introspection ("Schema available")';
  await createButton.click();
  await page.waitForFunction(() => document.body.innerText.includes('Schema available'), { timeout: session.remaining() });
  const introspected = introspectionOk;
  if (!introspected) await session.fail('BCP says "Schema available" but no introspection POST succeeded');

  session.step = 'typing the query into the Request editor';
  await page.waitForFunction(
    () => {
      let node = [...document.querySelectorAll('h1')].find((h) => h.textContent.trim() === 'Request');
      while (node && !node.querySelector('.monaco-editor .view-lines')) node = node.parentElement;
      return Boolean(node);
    },
    { timeout: session.remaining() },
  );
  const requestEditor = await findEditor('Request');
  await (await requestEditor.$('.view-lines')).click();
  await page.keyboard.down(MODIFIER);
  await page.keyboard.press('KeyA');
  await page.keyboard.up(MODIFIER);
  await page.keyboard.press('Delete');
  // Pasted, not typed: typed keys would get Monaco's auto-closing brackets and auto-indent.
  await page.evaluate((text) => navigator.clipboard.writeText(text), query);
  await page.keyboard.down(MODIFIER);
  await page.keyboard.press('KeyV');
  await page.keyboard.up(MODIFIER);

  session.step = 'running the query';
  // BCP copies the editor text into its document state asynchronously, so an early click on Run can
  // send the previous (empty) text. Check what went over the wire and click again if it was stale.
  // Compared as printed ASTs: BCP sends the operation without comments and may reformat it.
  const canonical = (text) => {
    try {
      return print(parse(text));
    } catch {
      return text.trim().replace(/\s+/g, ' ');
    }
  };
  const expectedQuery = canonical(query);
  const shownBefore = await copyEditorText('Response');
  let sentOk = false;
  let resultBody = null; // the HTTP body, when the browser lets us read it (not always for streamed replies)
  for (let attempt = 1; attempt <= 5 && !sentOk; attempt++) {
    await sleep(250 * attempt);
    const queryResponse = page.waitForResponse(
      (r) => r.request().method() === 'POST' && !(r.request().postData() || '').includes('__schema'),
      { timeout: session.remaining() },
    );
    await page.click('button[aria-label^="Run Operation"]');
    const response = await queryResponse;
    let sent = '';
    try {
      sent = String(JSON.parse(response.request().postData() || '{}').query ?? '');
    } catch {
      // Not JSON: treat as stale and retry.
    }
    if (canonical(sent) === expectedQuery) {
      sentOk = true;
      resultBody = await response.text().catch(() => null);
    }
  }
  if (!sentOk) await session.fail('BCP never sent the typed query (5 attempts)');

  session.step = 'waiting for the Response panel to show the result';
  // The panel must show this very response: the same JSON as the HTTP body or, when the body could
  // not be read, a new GraphQL result (JSON with data or errors) different from what it showed before.
  const isShowingResult = (text) => {
    try {
      const shownJson = JSON.parse(text);
      if (resultBody !== null) return JSON.stringify(shownJson) === JSON.stringify(JSON.parse(resultBody));
      return text !== shownBefore && ('data' in shownJson || 'errors' in shownJson);
    } catch {
      return false;
    }
  };
  let responseText = null;
  let shown = null;
  const until = Date.now() + Math.min(session.remaining(), 15_000);
  while (responseText === null && Date.now() < until) {
    shown = await copyEditorText('Response');
    if (shown !== null && isShowingResult(shown)) responseText = shown;
    else await sleep(300);
  }
  if (responseText === null) {
    await session.fail(`the Response panel shows ${JSON.stringify(shown)}, not the result${resultBody === null ? '' : ` ${JSON.stringify(resultBody)}`}`);
  }

  session.step = 'saving the screenshot';
  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath });

  await session.finish({ loaded, introspected, responseText });
}

main().catch((err) => session.fail(`${err?.message || err} (while ${session.step})`));
