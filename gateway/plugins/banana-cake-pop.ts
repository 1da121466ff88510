// banana-cake-pop.ts: serves Banana Cake Pop (ChilliCream's GraphQL IDE) at GET /graphql for browsers.
//
// Why: the project's IDE is Banana Cake Pop, shipped by npm as static files in
// @chillicream/bananacakepop-graphql-ide (ChilliCream License 1.0). Its files are read from
// node_modules at runtime and never copied into the repo.
//
// How (see shared/STACK-NOTES.md): a plugin's onRequest never sees GET /graphql with
// Accept: text/html, because Yoga's GraphiQL handler answers first. So:
//   - renderBananaCakePop() is the gateway's `renderGraphiQL`: BCP's index.html with
//     <base href="/graphql/"> injected, so its relative asset URLs resolve under /graphql/;
//   - useBananaCakePop() answers /graphql/bcp-config.json and serves the assets under /graphql/*.
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, resolve, sep } from 'node:path';
import type { GatewayPlugin } from '@graphql-hive/gateway';

const BASE_PATH = '/graphql/';
const TITLE = 'Backend vs API-First supergraph';

const BCP_ROOT = dirname(
  createRequire(import.meta.url).resolve('@chillicream/bananacakepop-graphql-ide/package.json'),
);

const BCP_CONFIG = JSON.stringify({
  useBrowserUrlAsEndpoint: true,
  // Without this the page posts telemetry to an outside host.
  disableTelemetry: true,
  title: TITLE,
});

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

let indexHtml: string | undefined;

/** BCP's index.html with <base href="/graphql/"> injected (read once, then cached). */
export function renderBananaCakePop(): string {
  indexHtml ??= readFileSync(resolve(BCP_ROOT, 'index.html'), 'utf8').replace(
    /<head>/i,
    `<head><base href="${BASE_PATH}"/>`,
  );
  return indexHtml;
}

/** Maps a request path under /graphql/ to a file inside BCP's package, or null if it must not be served. */
function resolveAsset(pathname: string): string | null {
  let relativePath: string;
  try {
    relativePath = decodeURIComponent(pathname.slice(BASE_PATH.length));
  } catch {
    return null; // malformed percent-encoding
  }
  if (relativePath === '' || relativePath.includes('\0') || relativePath.includes('\\')) return null;
  if (!(extname(relativePath) in CONTENT_TYPES)) return null;
  const file = resolve(BCP_ROOT, relativePath);
  // Path traversal guard: the resolved file must stay inside the package folder.
  if (!file.startsWith(BCP_ROOT + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Serves /graphql/bcp-config.json and BCP's static files under /graphql/*. */
export function useBananaCakePop(): GatewayPlugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(BASE_PATH)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const headOnly = request.method === 'HEAD';

      if (url.pathname === `${BASE_PATH}bcp-config.json`) {
        endResponse(
          new fetchAPI.Response(headOnly ? null : BCP_CONFIG, {
            headers: { 'content-type': CONTENT_TYPES['.json'], 'cache-control': 'no-cache' },
          }),
        );
        return;
      }
      if (url.pathname === BASE_PATH || url.pathname === `${BASE_PATH}index.html`) {
        endResponse(
          new fetchAPI.Response(headOnly ? null : renderBananaCakePop(), {
            headers: { 'content-type': CONTENT_TYPES['.html'], 'cache-control': 'no-cache' },
          }),
        );
        return;
      }

      const file = resolveAsset(url.pathname);
      if (file === null) {
        endResponse(new fetchAPI.Response('Not Found', { status: 404, headers: { 'content-type': CONTENT_TYPES['.txt'] } }));
        return;
      }
      return readFile(file).then((body) => {
        endResponse(
          new fetchAPI.Response(headOnly ? null : body, {
            headers: {
              'content-type': CONTENT_TYPES[extname(file)],
              'content-length': String(body.byteLength),
              'x-content-type-options': 'nosniff',
              // Files under static/ carry a content hash in their name.
              'cache-control': file.startsWith(resolve(BCP_ROOT, 'static') + sep)
                ? 'public, max-age=31536000, immutable'
                : 'no-cache',
            },
          }),
        );
      });
    },
  };
}
