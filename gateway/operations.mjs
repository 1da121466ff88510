#!/usr/bin/env node
// operations.mjs: CI checks for the trusted operations in schema/operations/ and for breaking changes
// to the public API of the supergraph.
//
// Why it exists: schema/operations/*.graphql are the documents the frontend ships (and, with
// TRUSTED_DOCUMENTS=1, the only ones the gateway runs). A schema change that breaks one of them, or
// that removes or changes anything a client may use, must fail CI before it is merged, and say why.
//
//   validate   every schema/operations/*.graphql parses, holds one named operation named like its file
//              with a comment line naming the screen, and validates against the public API schema of
//              the committed schema/supergraph.graphql (join__/link machinery and @inaccessible
//              elements stripped by @theguild/federation-composition);
//   breaking   composes the public API schema from the subgraph SDL (subgraphs/subgraphs.json) as
//              committed at a base git ref and as in the working tree, diffs them with
//              @graphql-inspector/core, and fails on every BREAKING change that
//              schema/accepted-breaking-changes.json does not accept; then re-validates the trusted
//              operations against the new schema.
//
// Only gateway/node_modules is needed (npm ci in gateway/); no subgraph has to run.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPHS } from './lib/subgraphs.mjs';

const USAGE = `Usage: node gateway/operations.mjs <command> [options]

Commands:
  validate                   validate schema/operations/*.graphql against the public API schema of
                             schema/supergraph.graphql
  breaking [--base REF]      fail on breaking changes to the public API schema between the subgraph
                             SDL committed at REF and the working tree's schema/*.graphql, unless
                             accepted in schema/accepted-breaking-changes.json; then re-validate the
                             operations against the new schema. Default REF: origin/main if it exists
                             and differs from HEAD, else HEAD~1; without either the check is skipped.

Options:
  --repo DIR                 the checkout to work on (default: the one this script is in)
  --help                     print this text

Exit codes: 0 ok (or skipped, with a message), 1 a check failed, 2 bad usage or an unknown git ref.`;

const ACCEPTED_FILE = 'schema/accepted-breaking-changes.json';
const DEFAULT_REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

class UsageError extends Error {}

let graphql;
let composeServices;
let transformSupergraphToPublicSchema;
let inspector;
try {
  graphql = await import('graphql');
  ({ composeServices, transformSupergraphToPublicSchema } = await import('@theguild/federation-composition'));
  inspector = await import('@graphql-inspector/core');
} catch (err) {
  console.error(`operations: cannot load its libraries (${err.code || err.message}); run \`npm ci\` in gateway/ first`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { command: null, repo: DEFAULT_REPO, base: null };
  const valueOf = (i, flag) => {
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--repo') {
      opts.repo = resolve(valueOf(i++, arg));
    } else if (arg === '--base') {
      opts.base = valueOf(i++, arg);
    } else if (!arg.startsWith('-') && opts.command === null) {
      opts.command = arg;
    } else {
      throw new UsageError(`unknown argument '${arg}'`);
    }
  }
  if (!['validate', 'breaking'].includes(opts.command)) {
    throw new UsageError(opts.command === null ? 'no command given' : `unknown command '${opts.command}'`);
  }
  if (opts.base !== null && opts.command !== 'breaking') throw new UsageError('--base is for breaking only');
  if (!existsSync(opts.repo) || !statSync(opts.repo).isDirectory()) throw new UsageError(`--repo ${opts.repo} is not a directory`);
  return opts;
}

const where = (err) => {
  const loc = err.locations?.[0];
  return loc ? `${loc.line}:${loc.column}: ` : '';
};

/** Composes { name: sdlText } into the public API schema. Returns { schema } or { errors: [string] }. */
function composePublicSchema(sdlByName) {
  const services = [];
  const errors = [];
  for (const [name, sdl] of Object.entries(sdlByName)) {
    try {
      services.push({ name, typeDefs: graphql.parse(sdl) });
    } catch (err) {
      errors.push(`${name}.graphql:${where(err)}${err.message}`);
    }
  }
  if (errors.length > 0) return { errors };
  const result = composeServices(services);
  if (result.errors?.length > 0) {
    return { errors: result.errors.map((e) => `${e.extensions?.code ? `[${e.extensions.code}] ` : ''}${e.message}`) };
  }
  return { schema: graphql.buildSchema(result.publicSdl) };
}

/** The public API schema of a composed supergraph SDL (schema/supergraph.graphql). */
function publicSchemaOfSupergraph(supergraphSdl) {
  const publicDocument = transformSupergraphToPublicSchema(graphql.parse(supergraphSdl));
  return graphql.buildASTSchema(publicDocument);
}

/** Every *.graphql file of `dir`, sorted by file name: [{ file, text }]. */
function readOperationFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * Checks every operation file against `schema`. Returns the number of failing files, after printing
 * each one with its errors.
 */
function checkOperations(operationsDir, schema, label, log = console.log) {
  const files = readOperationFiles(operationsDir);
  if (files.length === 0) {
    console.error(`no operations found in ${operationsDir}`);
    return 1;
  }
  const names = new Map();
  let failing = 0;
  for (const { file, text } of files) {
    const errors = [];
    let document = null;
    try {
      document = graphql.parse(text);
    } catch (err) {
      errors.push(`${where(err)}${err.message}`);
    }
    if (document) {
      const operations = document.definitions.filter((d) => d.kind === graphql.Kind.OPERATION_DEFINITION);
      const expectedName = file.replace(/\.graphql$/, '');
      if (operations.length !== 1) {
        errors.push(`holds ${operations.length} operations; a trusted document holds exactly one`);
      } else if (!operations[0].name) {
        errors.push(`the operation has no name; name it ${expectedName}`);
      } else {
        const name = operations[0].name.value;
        if (name !== expectedName) errors.push(`the operation is named ${name}; name it like its file, ${expectedName}`);
        if (names.has(name)) errors.push(`operation name ${name} is also used by ${names.get(name)}`);
        names.set(name, file);
      }
      if (!text.startsWith('#')) errors.push('starts without a comment line saying which screen uses it');
      for (const err of graphql.validate(schema, document)) errors.push(`${where(err)}${err.message}`);
    }
    if (errors.length > 0) {
      failing++;
      console.error(`FAIL schema/operations/${file}`);
      for (const e of errors) console.error(`  - ${e}`);
    }
  }
  const passed = files.length - failing;
  const summary = `${passed} of ${files.length} operation(s) valid against ${label}`;
  if (failing === 0) log(summary);
  else console.error(summary);
  return failing;
}

function validateCommand(opts, log = console.log) {
  const supergraphFile = join(opts.repo, 'schema', 'supergraph.graphql');
  if (!existsSync(supergraphFile)) {
    console.error(`${supergraphFile} is missing: compose it with node gateway/compose.mjs`);
    return 1;
  }
  let schema;
  try {
    schema = publicSchemaOfSupergraph(readFileSync(supergraphFile, 'utf8'));
  } catch (err) {
    console.error(`schema/supergraph.graphql: cannot build its public API schema: ${err.message}`);
    return 1;
  }
  return checkOperations(join(opts.repo, 'schema', 'operations'), schema, 'the API schema of schema/supergraph.graphql', log) === 0 ? 0 : 1;
}

function git(repo, args) {
  const result = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`git: ${result.error.message}`);
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr.trim() };
}

const resolveCommit = (repo, ref) => {
  const r = git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return r.ok ? r.stdout.trim() : null;
};

/** The base ref to compare with: --base, else origin/main (unless it is HEAD itself), else HEAD~1. */
function chooseBase(opts) {
  if (!git(opts.repo, ['rev-parse', '--git-dir']).ok) throw new UsageError(`${opts.repo} is not a git checkout`);
  if (opts.base !== null) {
    const commit = resolveCommit(opts.repo, opts.base);
    if (commit === null) throw new UsageError(`--base ${opts.base} is not a commit in ${opts.repo}`);
    return { ref: opts.base, commit };
  }
  const head = resolveCommit(opts.repo, 'HEAD');
  const originMain = resolveCommit(opts.repo, 'origin/main');
  if (originMain !== null && originMain !== head) return { ref: 'origin/main', commit: originMain };
  const parent = resolveCommit(opts.repo, 'HEAD~1');
  if (parent !== null) return { ref: 'HEAD~1', commit: parent };
  return null;
}

/** schema/accepted-breaking-changes.json: [{ message, reason }]. A missing file accepts nothing. */
function readAccepted(repo) {
  const file = join(repo, ACCEPTED_FILE);
  if (!existsSync(file)) return [];
  let entries;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${ACCEPTED_FILE} is not valid JSON: ${err.message}`);
  }
  if (!Array.isArray(entries)) throw new Error(`${ACCEPTED_FILE} must hold a JSON array of {"message", "reason"}`);
  entries.forEach((entry, i) => {
    if (typeof entry?.message !== 'string' || typeof entry?.reason !== 'string' || entry.reason.trim() === '') {
      throw new Error(`${ACCEPTED_FILE}[${i}] needs a string "message" (the inspector's exact message) and a non-empty "reason"`);
    }
  });
  return entries;
}

async function breakingCommand(opts) {
  const base = chooseBase(opts);
  if (base === null) {
    console.log('breaking: skipped, no base to compare with (no origin/main and no HEAD~1)');
    return 0;
  }
  const short = base.commit.slice(0, 12);
  if (!git(opts.repo, ['cat-file', '-e', `${base.commit}:schema`]).ok) {
    console.log(`breaking: skipped, the base ${base.ref} (${short}) has no schema/ folder`);
    return 0;
  }

  const baseSdl = {};
  // The working tree's list of subgraphs for both sides: a subgraph added since the base has no SDL there.
  for (const { name, schema } of SUBGRAPHS) {
    const shown = git(opts.repo, ['show', `${base.commit}:${schema}`]);
    if (shown.ok) baseSdl[name] = shown.stdout;
  }
  if (Object.keys(baseSdl).length === 0) {
    console.log(`breaking: skipped, the base ${base.ref} (${short}) has no subgraph SDL in schema/`);
    return 0;
  }
  const currentSdl = {};
  for (const { name, schema } of SUBGRAPHS) {
    const file = join(opts.repo, schema);
    if (existsSync(file)) currentSdl[name] = readFileSync(file, 'utf8');
    else console.error(`warning: ${schema} is missing in the working tree; composing without it`);
  }

  const before = composePublicSchema(baseSdl);
  const after = composePublicSchema(currentSdl);
  for (const [label, result] of [[`the base ${base.ref} (${short})`, before], ['the working tree', after]]) {
    if (result.errors) {
      console.error(`breaking: the subgraph SDL of ${label} does not compose:`);
      for (const e of result.errors) console.error(`  - ${e}`);
    }
  }
  if (before.errors || after.errors) return 1;

  let accepted;
  try {
    accepted = readAccepted(opts.repo);
  } catch (err) {
    console.error(`breaking: ${err.message}`);
    return 1;
  }

  console.log(`breaking: comparing the public API schema of ${base.ref} (${short}) with the working tree`);
  const changes = await inspector.diff(before.schema, after.schema);
  const breaking = changes.filter((c) => c.criticality.level === inspector.CriticalityLevel.Breaking);
  const others = changes.filter((c) => c.criticality.level !== inspector.CriticalityLevel.Breaking);
  const acceptedBy = (change) => accepted.find((a) => a.message === change.message);

  for (const change of others) console.log(`  ${change.criticality.level.toLowerCase()}: ${change.message}`);
  const unaccepted = [];
  for (const change of breaking) {
    const acceptance = acceptedBy(change);
    if (acceptance) {
      console.log(`  breaking (accepted): ${change.message} (reason: ${acceptance.reason})`);
    } else {
      unaccepted.push(change);
    }
  }
  for (const entry of accepted) {
    if (!breaking.some((c) => c.message === entry.message)) {
      console.log(`  note: ${ACCEPTED_FILE} accepts "${entry.message}", which this comparison does not find`);
    }
  }
  for (const change of unaccepted) {
    console.error(`BREAKING: ${change.message}`);
    if (change.criticality.reason) console.error(`  why: ${change.criticality.reason}`);
    console.error(`  to accept it, add to ${ACCEPTED_FILE}:`);
    console.error(`    ${JSON.stringify({ message: change.message, reason: '<why no client breaks>' })}`);
  }
  console.log(
    `breaking: ${changes.length} change(s): ${breaking.length} breaking (${breaking.length - unaccepted.length} accepted), ` +
      `${others.length} other`,
  );

  const failingOperations = checkOperations(join(opts.repo, 'schema', 'operations'), after.schema, 'the working tree\'s public API schema');
  if (unaccepted.length > 0) console.error(`breaking: FAILED, ${unaccepted.length} unaccepted breaking change(s)`);
  if (failingOperations > 0) console.error(`breaking: FAILED, ${failingOperations} trusted operation(s) no longer validate`);
  return unaccepted.length > 0 || failingOperations > 0 ? 1 : 0;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
    if (opts.command === 'validate') return validateCommand(opts);
    return await breakingCommand(opts);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`operations: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`operations: unexpected error: ${err?.stack || err}`);
    process.exit(1);
  },
);
