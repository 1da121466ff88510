// subgraph-urls.ts: runtime override of the subgraph URLs baked into schema/supergraph.graphql.
//
// Why: the committed supergraph names http://127.0.0.1:5101..5103/graphql, but e2e tests and other
// environments start the subgraphs elsewhere (free ports). Hive Gateway's `transportEntries`, keyed by
// the subgraph name from @join__graph(name: ...), is merged over the supergraph's entry for that
// subgraph, so a `location` set here replaces the URL, with no rewrite of the supergraph.
import type { TransportEntryAdditions } from '@graphql-hive/gateway';

/** Subgraph name in the supergraph -> the environment variable that overrides its URL. */
const URL_VARIABLES = {
  roles: 'ROLES_URL',
  patterns: 'PATTERNS_URL',
  glossary: 'GLOSSARY_URL',
} as const;

/** transportEntries with a `location` for every subgraph whose *_URL variable is set (and non-empty). */
export function subgraphUrlOverrides(env: NodeJS.ProcessEnv = process.env): TransportEntryAdditions {
  const entries: TransportEntryAdditions = {};
  for (const [subgraph, variable] of Object.entries(URL_VARIABLES)) {
    const value = env[variable]?.trim();
    if (!value) continue;
    try {
      new URL(value);
    } catch {
      throw new Error(`${variable}='${value}' is not an absolute URL (expected e.g. http://127.0.0.1:5101/graphql)`);
    }
    entries[subgraph] = { location: value };
  }
  return entries;
}
