#!/usr/bin/env node
// build.mjs: bundles the web page over the graph into clients/web/dist/ (index.html, app.js, app.css),
// which the edge serves at GET /. Run from anywhere: `node clients/web/build.mjs`; it needs
// `npm ci` in clients/ first. Prints each file's size and the JavaScript's gzipped total, the figure
// the issue bounds (100 KB for the first page load) and WebPageTests checks.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// esbuild reads tsconfig.json: the JSX runtime (preact) and the path of @supergraph/client.
await build({
  absWorkingDir: here,
  entryPoints: { app: 'src/main.tsx' },
  outdir: dist,
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  tsconfig: join(here, 'tsconfig.json'),
  logLevel: 'warning',
});
copyFileSync(join(here, 'index.html'), join(dist, 'index.html'));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let gzippedJs = 0;
for (const name of readdirSync(dist).sort()) {
  const bytes = readFileSync(join(dist, name));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  if (name.endsWith('.js')) gzippedJs += gzipped;
  console.log(`${name.padEnd(12)} ${kb(statSync(join(dist, name)).size).padStart(9)}  ${kb(gzipped).padStart(9)} gzipped`);
}
console.log(`JavaScript of the first page load: ${kb(gzippedJs)} gzipped (limit 100 KB)`);
