#!/usr/bin/env node
// compose.mjs: the ONE implementation of "export every subgraph's SDL, then compose the supergraph".
//
// Why it exists: schema/*.graphql is the committed contract between the C# subgraphs and the gateway.
// Developers (through ./fusion-compose.ps1 or `npm run compose`) and CI (`npm run check`) must produce
// it the same way, so every entry point calls this script instead of repeating the steps.
//
//   1. export: `dotnet run --project subgraphs/<Name> -- schema export --output schema/<name>.graphql`
//      for each subgraph of subgraphs/subgraphs.json;
//   2. compose: @theguild/federation-composition `composeServices` -> schema/supergraph.graphql, with
//      the subgraphs' default local URLs baked in (the engine takes them at runtime from each
//      subgraph's URL variable, ROLES_URL and so on, see grafbase.toml).
//
// Output is deterministic: LF line endings and exactly one trailing newline in every file.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPHS, defaultUrl } from './lib/subgraphs.mjs';

// Loaded dynamically so that a missing gateway/node_modules gets a clear message, not a stack trace.
let composeServices;
let parse;
let visit;
let buildSchema;
let printSchema;
try {
  ({ composeServices } = await import('@theguild/federation-composition'));
  ({ parse, visit, buildSchema, printSchema } = await import('graphql'));
} catch (err) {
  console.error(`compose: cannot load the composition library (${err.code || err.message}); run \`npm ci\` in gateway/ first`);
  process.exit(1);
}

const USAGE = `Usage: node gateway/compose.mjs [--skip-export] [--keep NAME,...] [--no-build] [--check] [--help]

Exports the SDL of every subgraph and composes schema/supergraph.graphql.

  (no flags)     export every subgraph of subgraphs/subgraphs.json with dotnet, then compose into schema/
  --skip-export  compose only, from the existing schema/<subgraph>.graphql files
  --keep NAMES   export every subgraph but these (a comma list): their schema/<subgraph>.graphql stays as
                 it is, a contract ahead of its code (./run.sh with MOCK_SUBGRAPHS serves it mocked)
  --no-build     pass --no-build to \`dotnet run\` (the subgraphs were built already)
  --check        export and compose into a temp dir and compare with the committed schema/;
                 exit 1 if anything differs (with --skip-export: only supergraph.graphql is checked)
  --help         print this text

Environment:
  CONFIGURATION  build configuration for \`dotnet run -c\` (default: Debug)

Exit codes: 0 ok / up to date, 1 export or composition failed or schema/ is stale, 2 bad usage.`;

const SUPERGRAPH_FILE = 'supergraph.graphql';
// The public API alone, printed by graphql-js: what clients see, and what the gateway's edge answers
// introspection from (gateway/Edge/Introspection).
const API_FILE = 'api.graphql';
const STALE_MESSAGE =
  'schema/ is stale: regenerate with ./fusion-compose.ps1 (or node gateway/compose.mjs) and commit the result';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_DIR = join(REPO_ROOT, 'schema');

function parseArgs(argv) {
  const known = new Set(['--skip-export', '--no-build', '--check', '--help', '-h']);
  const flags = new Set();
  const keep = new Set();
  const fail = (message) => {
    console.error(`compose: ${message}\n\n${USAGE}`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') {
      const names = argv[++i];
      if (names === undefined || names.startsWith('--')) fail('--keep needs a comma list of subgraph names');
      for (const name of names.split(',').filter(Boolean)) {
        if (!SUBGRAPHS.some((sg) => sg.name === name)) fail(`--keep names '${name}', which is not a subgraph of subgraphs/subgraphs.json`);
        keep.add(name);
      }
    } else if (known.has(arg)) {
      flags.add(arg);
    } else {
      fail(`unknown argument '${arg}'`);
    }
  }
  if (flags.has('--help') || flags.has('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  if (flags.has('--skip-export') && flags.has('--no-build')) {
    console.error('compose: --no-build has no effect with --skip-export');
  }
  return {
    skipExport: flags.has('--skip-export'),
    noBuild: flags.has('--no-build'),
    check: flags.has('--check'),
    keep,
  };
}

/** LF line endings, no trailing whitespace at the end of the file, exactly one final newline. */
function normalize(text) {
  return text.replace(/\r\n?/g, '\n').replace(/\s+$/, '') + '\n';
}

const rel = (p) => relative(REPO_ROOT, p).split('\\').join('/');

function run(command, args, cwd, env = process.env) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolvePromise({ code: -1, output: `${output}${err.message}\n` }));
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

/**
 * Runs the subgraphs' `schema export` CLI, all three at once (each is a process start and one
 * query; together they take the time of one). With --no-build the built assembly is run directly,
 * which saves `dotnet run`'s project evaluation. Returns false if any failed.
 */
async function exportAll(outDir, { noBuild, keep }, sdlDir = null) {
  const configuration = process.env.CONFIGURATION || 'Debug';
  for (const sg of SUBGRAPHS.filter((sg) => keep.has(sg.name))) {
    copyFileSync(join(REPO_ROOT, sg.schema), join(outDir, basename(sg.schema)));
    console.log(`keep ${sg.name} (${sg.schema} as it is)`);
  }
  const exported = SUBGRAPHS.filter((sg) => !keep.has(sg.name));
  // SUBGRAPH_SDL_DIR: where the subgraph that declares Node reads the others' SDL (SubgraphKit's CommittedSubgraphSdl).
  const env = sdlDir === null ? process.env : { ...process.env, SUBGRAPH_SDL_DIR: sdlDir };
  const results = await Promise.all(exported.map((sg) => exportOne(sg, outDir, configuration, noBuild, env)));
  for (const { sg, ok, seconds, problem } of results) {
    console.log(`export ${sg.name} (${sg.project}, ${configuration}) ... ${ok ? 'ok' : 'FAILED'}${seconds ? ` (${seconds} s)` : ''}`);
    if (problem) console.error(problem);
  }
  return results.every((result) => result.ok);
}

async function exportOne(sg, outDir, configuration, noBuild, env) {
  const projectDir = join(REPO_ROOT, sg.project);
  const output = join(outDir, basename(sg.schema));
  if (!existsSync(projectDir)) {
    return { sg, ok: false, problem: `  project folder ${sg.project} does not exist` };
  }
  const assembly = join(projectDir, 'bin', configuration, 'net10.0', `${basename(sg.project)}.dll`);
  const direct = noBuild && existsSync(assembly);
  const args = direct
    ? [assembly, 'schema', 'export', '--output', output]
    : ['run', '--project', projectDir, '-c', configuration, '--no-launch-profile', ...(noBuild ? ['--no-build'] : []), '--', 'schema', 'export', '--output', output];
  const started = Date.now();
  // Run from the build output, as run.sh starts the services, so appsettings.json is found.
  const { code, output: log } = await run('dotnet', args, direct ? dirname(assembly) : REPO_ROOT, env);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0 || !existsSync(output) || readFileSync(output, 'utf8').trim() === '') {
    const reason = code !== 0 ? `  exit code: ${code}` : `  exit code 0 but ${rel(output)} is missing or empty`;
    return { sg, ok: false, seconds, problem: `  command: dotnet ${args.join(' ')}\n${reason}\n${log.trimEnd().replace(/^/gm, '  | ')}` };
  }
  writeFileSync(output, normalize(readFileSync(output, 'utf8')));
  return { sg, ok: true, seconds };
}

/**
 * Exports every subgraph into `dir`, all at once, and returns `dir` (null on failure).
 * The glossary's SDL derives from the others' (a Node stub per entity they key by id), and it reads the
 * committed files; so when an export differs from what is committed, every subgraph is exported once more,
 * reading the fresh files, and a new entity type reaches the glossary in one run.
 */
async function exportConsistently(dir, opts) {
  if (!(await exportAll(dir, opts))) return null;
  const changed = SUBGRAPHS.filter((sg) => !sameFile(join(dir, basename(sg.schema)), join(REPO_ROOT, sg.schema)));
  if (changed.length === 0) return dir;
  console.log(`${changed.map((sg) => sg.name).join(', ')} changed: exporting again from the fresh SDL`);
  const again = join(dir, 'again');
  mkdirSync(again);
  if (!(await exportAll(again, opts, dir))) return null;
  for (const sg of SUBGRAPHS) copyFileSync(join(again, basename(sg.schema)), join(dir, basename(sg.schema)));
  return dir;
}

const sameFile = (a, b) => existsSync(b) && readFileSync(a, 'utf8') === readFileSync(b, 'utf8');

/** Composes <dir>/<subgraph>.graphql into a supergraph SDL string, or returns null after printing errors. */
function compose(dir) {
  const services = [];
  let ok = true;
  for (const sg of SUBGRAPHS) {
    const file = join(dir, basename(sg.schema));
    if (!existsSync(file)) {
      console.error(`compose: ${rel(file)} is missing (run without --skip-export to export it)`);
      ok = false;
      continue;
    }
    try {
      services.push({ name: sg.name, url: defaultUrl(sg), typeDefs: withoutLinkSpecImport(parse(readFileSync(file, 'utf8'))) });
    } catch (err) {
      const loc = err.locations?.[0];
      console.error(`compose: ${rel(file)}${loc ? `:${loc.line}:${loc.column}` : ''}: ${err.message}`);
      ok = false;
    }
  }
  if (!ok) return null;

  const result = composeServices(services);
  if (result.errors && result.errors.length > 0) {
    console.error(`composition failed with ${result.errors.length} error(s):`);
    for (const err of result.errors) {
      const code = err.extensions?.code ? `[${err.extensions.code}] ` : '';
      console.error(`  - ${code}${err.message}`);
    }
    return null;
  }
  return { supergraph: normalize(result.supergraphSdl), api: normalize(printSchema(buildSchema(result.publicSdl))) };
}

/**
 * GraphQL.NET's subgraph SDL links the link spec itself (`@link(url: ".../link/v1.0", import: ["@link"])`);
 * Apollo's subgraph libraries leave that implicit. Composition copies it next to its own bare
 * `@link(url: ".../link/v1.0")`, and Apollo-family routers reject a supergraph that applies the link
 * spec twice. Dropping it from the composition input makes the supergraph load in Apollo-family gateways
 * (Apollo Gateway and Hive Gateway, the bench's peers) and in grafbase-gateway alike.
 */
function withoutLinkSpecImport(document) {
  const isLinkSpec = (directive) =>
    directive.name.value === 'link' &&
    directive.arguments?.some((arg) => arg.name.value === 'url' && /\/link\/v1\.\d+$/.test(arg.value.value ?? ''));
  return visit(document, {
    SchemaDefinition: (node) => ({ ...node, directives: node.directives?.filter((d) => !isLinkSpec(d)) }),
    SchemaExtension: (node) => ({ ...node, directives: node.directives?.filter((d) => !isLinkSpec(d)) }),
  });
}

/** A short line diff (LCS based), at most `max` changed lines, for the --check report. */
function shortDiff(oldText, newText, max = 40) {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  // Trim the common prefix/suffix so the LCS table stays small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const lines = [];
  if (x.length * y.length > 4_000_000) {
    lines.push(`  @@ line ${start + 1}: ${x.length} committed line(s) vs ${y.length} generated line(s) differ`);
  } else {
    const lcs = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    lines.push(`  @@ first difference at line ${start + 1} (- committed, + generated)`);
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        i++;
        j++;
      } else if (i < x.length && (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        lines.push(`  - ${x[i++]}`);
      } else {
        lines.push(`  + ${y[j++]}`);
      }
    }
  }
  if (lines.length > max + 1) {
    const hidden = lines.length - 1 - max;
    return [...lines.slice(0, max + 1), `  ... ${hidden} more changed line(s)`].join('\n');
  }
  return lines.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const subgraphFiles = SUBGRAPHS.map((s) => basename(s.schema));

  // Everything is generated into a temp dir first, so a failed export or composition never leaves
  // schema/ half-updated.
  const tempDir = mkdtempSync(join(tmpdir(), 'compose-'));
  let keepTempDir = false;
  try {
    let sourceDir = SCHEMA_DIR;
    if (!opts.skipExport) {
      sourceDir = await exportConsistently(tempDir, opts);
      if (sourceDir === null) {
        console.error(opts.check ? 'export failed: cannot check schema/' : 'export failed: schema/ was left unchanged');
        return 1;
      }
    }
    const composed = compose(sourceDir);
    if (composed === null) {
      if (sourceDir === tempDir) {
        keepTempDir = true;
        console.error(`schema/ was left unchanged; the exported SDL is in ${tempDir}`);
      }
      return 1;
    }
    writeFileSync(join(tempDir, SUPERGRAPH_FILE), composed.supergraph);
    writeFileSync(join(tempDir, API_FILE), composed.api);

    // Exported subgraph SDL (unless --skip-export) plus the supergraph and its public API.
    const generatedFiles = [...(opts.skipExport ? [] : subgraphFiles), SUPERGRAPH_FILE, API_FILE];

    if (!opts.check) {
      mkdirSync(SCHEMA_DIR, { recursive: true });
      for (const file of generatedFiles) {
        writeFileSync(join(SCHEMA_DIR, file), readFileSync(join(tempDir, file), 'utf8'));
      }
      console.log(`composed schema/${SUPERGRAPH_FILE} from ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
      return 0;
    }

    let stale = false;
    for (const file of generatedFiles) {
      const committedPath = join(SCHEMA_DIR, file);
      const generated = readFileSync(join(tempDir, file), 'utf8');
      if (!existsSync(committedPath)) {
        console.error(`differs: schema/${file} is missing (generated version has ${generated.split('\n').length - 1} lines)`);
        stale = true;
        continue;
      }
      // Compare modulo line endings, so a CRLF checkout (git autocrlf on Windows) is not "stale".
      const committed = normalize(readFileSync(committedPath, 'utf8'));
      if (committed !== generated) {
        console.error(`differs: schema/${file}`);
        console.error(shortDiff(committed, generated));
        stale = true;
      }
    }
    if (stale) {
      console.error(STALE_MESSAGE);
      return 1;
    }
    console.log('schema/ is up to date');
    return 0;
  } finally {
    if (!keepTempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`compose: unexpected error: ${err?.stack || err}`);
    process.exit(1);
  },
);
