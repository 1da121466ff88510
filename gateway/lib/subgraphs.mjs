// subgraphs.mjs: the subgraphs of subgraphs/subgraphs.json, the one list of them, for the node scripts
// (compose, operations, the Apollo reference, compare-api, bench/) and, run as a command, for the shell
// scripts:
//
//   node gateway/lib/subgraphs.mjs    one line per subgraph, in composition order:
//                                     NAME PROJECT PORT SCHEMA PORT_VARIABLE URL_VARIABLE
//
// Node built-ins only, so it works before `npm ci`.

import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** @type {{ name: string, project: string, port: number, schema: string, portVariable: string, urlVariable: string }[]} */
export const SUBGRAPHS = JSON.parse(readFileSync(new URL('../../subgraphs/subgraphs.json', import.meta.url), 'utf8')).subgraphs;

/** A subgraph's GraphQL endpoint on its default port: what the committed supergraph names. */
export const defaultUrl = (subgraph) => `http://127.0.0.1:${subgraph.port}/graphql`;

/** Each subgraph's URL from its URL variable (ROLES_URL, ...), by name; undefined where it is unset or empty. */
export function subgraphUrls(env = process.env) {
  return Object.fromEntries(SUBGRAPHS.map((s) => [s.name, env[s.urlVariable] || undefined]));
}

/** As subgraphUrls, but every URL is required: throws naming the first variable that is not set. */
export function requiredSubgraphUrls(env = process.env) {
  const missing = SUBGRAPHS.find((s) => !env[s.urlVariable]);
  if (missing) throw new Error(`Set ${missing.urlVariable} (the ${missing.name} subgraph's URL).`);
  return subgraphUrls(env);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.length > 2) {
    console.error(`Usage: node ${fileURLToPath(import.meta.url)}   (prints NAME PROJECT PORT SCHEMA PORT_VARIABLE URL_VARIABLE per subgraph)`);
    process.exit(2);
  }
  for (const s of SUBGRAPHS) console.log([s.name, s.project, s.port, s.schema, s.portVariable, s.urlVariable].join(' '));
}
