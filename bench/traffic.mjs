// traffic.mjs: what bench/ sends and how, shared by measure.mjs (bench/run.sh) and tracing.mjs
// (bench/tracing.sh): the operations, G1's variable-per-request bodies (and its direct path, D1-D3) built
// from the seeded terms, and one autocannon load that checks every response.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

const repo = new URL('../', import.meta.url).pathname;

/** A seed file of the repository, parsed. */
export const seed = (path) => JSON.parse(readFileSync(repo + path, 'utf8'));
export const body = (query, variables) => JSON.stringify({ query, variables });
export const hasErrors = (text) => text.includes('"errors"') && 'errors' in JSON.parse(text);
export const percentiles = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99) };
};

/** One checked request: its data, or an error naming the URL, the status and the answer. */
export async function post(url, query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const answer = await response.json();
  if (response.status !== 200 || answer.errors || !answer.data) {
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return answer.data;
}

// ---- the operations -------------------------------------------------------------------------------
export const S1 = '{ roles { nodes { id name } } }';
export const ENTITIES = (fragment) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${fragment} } }`;
// G1, depth 3 across the three subgraphs (glossary -> patterns -> roles), a different term on every request
// (every seeded term, in turn, across all connections), so no gateway can merge identical requests in flight.
export const G1 = 'query G1($slug: String!) { term(slug: $slug) { name patterns { name roleStances { role { name } } } } }';
// G1's path called directly, as a gateway's plan calls it, for the same terms.
export const D1 = 'query ($slug: String!) { term(slug: $slug) { __typename id name patterns { __typename id } } }';
export const D2 = ENTITIES('... on ArchitecturePattern { name roleStances { role { __typename id } } }');
export const D3 = ENTITIES('... on Role { name }');

const unique = (reps) => [...new Map(reps.map((r) => [r.id, r])).values()];

/**
 * The request bodies of G1 and of its three direct calls, one per seeded term that has patterns with role
 * stances, in the same order; the representations are taken from the subgraphs' real answers.
 * subgraphUrl: { glossary, patterns } (subgraphUrls of gateway/lib/subgraphs.mjs).
 */
export async function termPaths(subgraphUrl) {
  const path = { D1: [], D2: [], D3: [], G1: [] };
  for (const { slug } of seed('subgraphs/Glossary/Data/Seed/terms.json')) {
    const term = (await post(subgraphUrl.glossary, D1, { slug })).term;
    const patterns = unique(term.patterns);
    const stances = (await post(subgraphUrl.patterns, D2, { r: patterns }))._entities;
    const roles = unique(stances.flatMap((p) => p.roleStances.map((s) => s.role)).filter(Boolean));
    if (patterns.length === 0 || roles.length === 0) continue;
    path.D1.push(body(D1, { slug }));
    path.D2.push(body(D2, { r: patterns }));
    path.D3.push(body(D3, { r: roles }));
    path.G1.push(body(G1, { slug }));
  }
  return path;
}

/**
 * Loads s.url with s.bodies for `seconds` over `connections` connections; each request takes the next body,
 * in turn across all connections. A response that is not 2xx, or that has `errors`, is a failure, and so are
 * autocannon's connection errors and timeouts; `ok` counts the rest. Latencies are each response's time as
 * autocannon took it with hrtime (its own percentiles are whole milliseconds).
 */
export function load(s, seconds, connections) {
  let next = 0;
  let failed = 0;
  const latencies = [];
  const run = autocannon({
    url: s.url, method: 'POST', connections, duration: seconds,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: s.bodies[0],
    requests: [{
      ...(s.bodies.length > 1 ? { setupRequest: (request) => ({ ...request, body: s.bodies[next++ % s.bodies.length] }) } : {}),
      onResponse: (status, text) => { if (status < 200 || status > 299 || hasErrors(text)) failed++; },
    }],
  });
  run.on('response', (client, status, bytes, ms) => latencies.push(ms));
  return run.then((r) => ({ ...r, failed: failed + r.errors + r.timeouts, ok: r.requests.total - failed, latencies: percentiles(latencies) }));
}
