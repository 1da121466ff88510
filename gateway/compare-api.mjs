#!/usr/bin/env node
// compare-api.mjs: does the engine's own composition of the subgraphs give the same public API as the
// committed schema/supergraph.graphql?
//
// Why it exists: the engine composes the subgraphs' committed SDL (schema/<name>.graphql) itself at start
// (grafbase.toml's schema_path), while the committed supergraph that clients, the trusted operations and
// the breaking-change check rely on is composed by @theguild/federation-composition (compose.mjs). Two
// composers can disagree; this script says where.
//
//   1. `grafbase compose -c <config>` prints the engine's supergraph (HOME in a temp folder, where it
//      keeps its files; placeholder subgraph URLs when the environment has none, as URLs are not API);
//   2. both supergraphs become API schemas with the transform operations.mjs uses (join__/link machinery,
//      linked spec directives and @inaccessible elements stripped);
//   3. @graphql-inspector/core diffs them: committed (old) -> engine (new), descriptions included.
//
// Exit codes: 0 same API (known engine differences are printed, not counted), 1 the APIs differ,
// 2 bad usage or a composition that failed.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diff } from '@graphql-inspector/core';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { buildASTSchema, parse } from 'graphql';
import { SUBGRAPHS } from './lib/subgraphs.mjs';

const USAGE = `Usage: node gateway/compare-api.mjs [--config FILE]

Compares the public API of \`grafbase compose -c FILE\` (default: gateway/grafbase.toml) with the
public API of the committed schema/supergraph.graphql, and prints every change.

Exit codes: 0 same API, 1 the APIs differ, 2 bad usage or a failed composition.`;

const GATEWAY_DIR = dirname(fileURLToPath(import.meta.url));
const COMMITTED_SUPERGRAPH = join(GATEWAY_DIR, '..', 'schema', 'supergraph.graphql');

/**
 * What Grafbase 0.103's composition does differently and we accept, each with why. A new difference
 * fails; one of these is printed, so it stays in sight. Remove an entry when the engine stops doing it.
 */
const KNOWN_ENGINE_DIFFERENCES = [
  {
    why: "the engine keeps the subgraphs' federation scalar _Any in its API, where introspection lists it and no field uses it",
    matches: (change) => change.type === 'TYPE_ADDED' && change.path === '_Any',
  },
  {
    why: 'the engine drops the descriptions of enum values, so introspection gives null for them',
    matches: (change) => change.type === 'ENUM_VALUE_DESCRIPTION_CHANGED' && change.meta.newEnumValueDescription == null,
  },
];

function parseArgs(argv) {
  let config = join(GATEWAY_DIR, 'grafbase.toml');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (argv[i] === '--config' && argv[i + 1]) {
      config = resolve(argv[++i]);
    } else {
      console.error(`compare-api: unknown argument '${argv[i]}'\n\n${USAGE}`);
      process.exit(2);
    }
  }
  return { config };
}

/** The engine binary, from the one place that names it: the edge's appsettings.json. */
function engineBinary() {
  const settings = JSON.parse(readFileSync(join(GATEWAY_DIR, 'Edge', 'appsettings.json'), 'utf8'));
  return join(GATEWAY_DIR, settings.Engine.Binary);
}

function engineComposition(config) {
  const home = mkdtempSync(join(tmpdir(), 'grafbase-home-'));
  try {
    const placeholders = Object.fromEntries(SUBGRAPHS.map(({ urlVariable }) => [urlVariable, process.env[urlVariable] ?? 'http://127.0.0.1:9/graphql']));
    const result = spawnSync(engineBinary(), ['compose', '-c', config], {
      cwd: dirname(config),
      env: { ...process.env, ...placeholders, HOME: home, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    // It reports some failures on stderr with exit code 0, so an empty output is a failure too.
    if (result.error || result.status !== 0 || !result.stdout.trim()) {
      console.error(`compare-api: grafbase compose -c ${config} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}`);
      process.exit(2);
    }
    return result.stdout;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

const apiSchema = (supergraphSdl) => buildASTSchema(transformSupergraphToPublicSchema(parse(supergraphSdl)));

const { config } = parseArgs(process.argv.slice(2));
const changes = await diff(apiSchema(readFileSync(COMMITTED_SUPERGRAPH, 'utf8')), apiSchema(engineComposition(config)));
const known = (change) => KNOWN_ENGINE_DIFFERENCES.find((difference) => difference.matches(change));
const unexpected = changes.filter((change) => !known(change));

for (const change of changes.filter(known)) {
  console.log(`${'KNOWN'.padEnd(13)} ${change.path}: ${change.message}; accepted: ${known(change).why}`);
}
for (const change of unexpected) {
  console.log(`${change.criticality.level.padEnd(13)} ${change.path}: ${change.message}`);
}
console.log(unexpected.length === 0
  ? 'The engine composes the same public API as schema/supergraph.graphql.'
  : `${unexpected.length} difference(s) between the public API of the engine's composition and schema/supergraph.graphql.`);
process.exit(unexpected.length === 0 ? 0 : 1);
