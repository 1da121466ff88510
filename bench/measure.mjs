// measure.mjs: the measuring half of bench/run.sh. run.sh starts the processes; this file checks that every
// endpoint answers correctly, warms each one up, loads it with autocannon, counts the calls that reach the
// subgraphs, reads CPU and peak RSS from /proc, and writes the markdown report (bench/results/<date>.md and
// latest.md) with the ratios computed within this one run.
//
// Env (set by run.sh): each subgraph's URL variable of subgraphs/subgraphs.json (ROLES_URL, ...), BASELINE_URL GATEWAY_URL HIVE_URL APOLLO_URL,
// POSTGRES_URLS (the subgraphs on PostgreSQL, "roles=url,..."), POSTGRES_VERSION, PIDS ("name=pid,...", postgres = the postmaster),
// READY ("name=seconds,..."; "-" = never ready), DURATION, WARMUP, CONNECTIONS,
// RESULTS_DIR, COUNTERS (the dotnet-counters tool), NOTES (free text for the report).
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { SUBGRAPHS as REGISTERED, subgraphUrls } from '../gateway/lib/subgraphs.mjs';
import { cpuMs, pollPeakRss, processTree, pssMb, serverCpuMs, statusMb } from './processes.mjs';
import { requestCounters } from './request-counters.mjs';
import { ENTITIES, S1, body, load as loadWith, percentiles, post, seed, termPaths } from './traffic.mjs';

const env = process.env;
const DURATION = Number(env.DURATION || 5);
const WARMUP = Number(env.WARMUP || 2);
// The JavaScript gateways' V8 and plan caches settle over thousands of requests: Hive with the Rust planner,
// from a cold start, spent twice its settled CPU per request for its first 10 s.
const GATEWAY_WARMUP = Math.max(WARMUP, 20);
// A subgraph on PostgreSQL serves only its own one or two rows, where the SQLite subgraphs have carried every
// row's warm-up: measured after the same few seconds, it was still tiering up its JIT'd code (Npgsql's
// included), at several times its settled CPU per request, and kept compiling after the load stopped.
const POSTGRES_WARMUP = Math.max(WARMUP, 20);
const CONNECTIONS = Number(env.CONNECTIONS || 10);
const RESULTS_DIR = env.RESULTS_DIR || new URL('./results/', import.meta.url).pathname;
const kv = (text) => Object.fromEntries((text || '').split(',').filter(Boolean).map((p) => p.split('=')));
const PIDS = kv(env.PIDS);
const READY = kv(env.READY);
const SUBGRAPHS = REGISTERED.map((s) => s.name);
// An unset URL (a subgraph that never got ready) skips its rows, as for the gateways.
const subgraphUrl = subgraphUrls(env);
const postgresUrl = Object.fromEntries(Object.entries(kv(env.POSTGRES_URLS)).filter(([, url]) => url));
const repo = new URL('../', import.meta.url).pathname;
const loadAtStart = loadavg().map((n) => n.toFixed(2)).join(' ');

const id = (type, slug) => Buffer.from(`${type}:${slug}`).toString('base64url');
const hundred = (type, slugs) => Array.from({ length: 100 }, (_, i) => ({ __typename: type, id: id(type, slugs[i % slugs.length]) }));
const sum = (values) => values.reduce((a, b) => a + b, 0);

// ---- the operations (traffic.mjs) ------------------------------------------------------------------
// Each term's G1 and its three direct calls, their representations taken from real answers.
const path = await termPaths(subgraphUrl);

const s2Reps = {
  roles: hundred('Role', seed('subgraphs/Roles/Data/Seed/roles.json').map((r) => r.slug)),
  patterns: hundred('ArchitecturePattern', seed('subgraphs/Patterns/Data/Seed/patterns.json').map((r) => r.slug)),
  glossary: hundred('Term', seed('subgraphs/Glossary/Data/Seed/terms.json').map((r) => r.slug)),
};
const entities = (fragment, r) => [body(ENTITIES(fragment), { r })];

const GATEWAYS = { gateway: 'our gateway (edge + engine)', hive: 'Hive Gateway (Rust planner)', apollo: 'Apollo Gateway' };
// A subgraph row again on the same subgraph on PostgreSQL (its process NAME-pg), measured next to the SQLite
// row (S1's after the baseline, which pairs with the SQLite row), so the two see the same load on the shared cores.
const withPostgres = (s) => [s, { ...s, key: `${s.key}-pg`, target: `${s.target}, on PostgreSQL`, proc: `${s.proc}-pg`, url: postgresUrl[s.proc], server: 'postgres' }];
const s1Subgraph = { key: 'S1-subgraph', group: 'S1', target: 'roles subgraph', proc: 'roles', url: subgraphUrl.roles, bodies: [body(S1)] };
const scenarios = [
  s1Subgraph,
  { key: 'S1-baseline', group: 'S1', target: 'bare ASP.NET Core baseline', proc: 'baseline', url: env.BASELINE_URL, bodies: [body(S1)] },
  withPostgres(s1Subgraph)[1],
  ...[
    { key: 'S2-roles', group: 'S2', target: 'roles: 100 Role', proc: 'roles', url: subgraphUrl.roles, bodies: entities('... on Role { id name }', s2Reps.roles) },
    { key: 'S2-patterns', group: 'S2', target: 'patterns: 100 ArchitecturePattern', proc: 'patterns', url: subgraphUrl.patterns, bodies: entities('... on ArchitecturePattern { id name }', s2Reps.patterns) },
    { key: 'S2-glossary', group: 'S2', target: 'glossary: 100 Term', proc: 'glossary', url: subgraphUrl.glossary, bodies: entities('... on Term { id name }', s2Reps.glossary) },
  ].flatMap(withPostgres),
  { key: 'D1', group: 'G1 path', target: 'glossary: term(slug) → patterns { id }', proc: 'glossary', url: subgraphUrl.glossary, bodies: path.D1 },
  { key: 'D2', group: 'G1 path', target: 'patterns: _entities of its patterns → name, roleStances { role { id } }', proc: 'patterns', url: subgraphUrl.patterns, bodies: path.D2 },
  { key: 'D3', group: 'G1 path', target: 'roles: _entities of those roles → name', proc: 'roles', url: subgraphUrl.roles, bodies: path.D3 },
  ...Object.entries(GATEWAYS).map(([proc, target]) => ({ key: `G1-${proc}`, group: 'G1', target, proc, url: env[`${proc.toUpperCase()}_URL`], bodies: path.G1 })),
];
const counted = (s) => s.group === 'G1' || s.group === 'G1 path';

// ---- processes: trees, CPU, memory, subgraph calls -------------------------------------------------
// PostgreSQL's processes change with its connections, so its tree is not fixed here: its CPU is read from the
// postmaster at each reading (serverCpuMs), its memory polled only during its rows, from a tree taken then
// (after the row's warm-up has opened the subgraph's pooled connections).
const { postgres: POSTMASTER, ...fixedPids } = PIDS;
const trees = Object.fromEntries(Object.entries(fixedPids).map(([name, pid]) => [name, processTree(pid)]));
const postgresTree = () => (POSTMASTER ? processTree(POSTMASTER) : []);
// CPU is read by part: our gateway's edge and engine apart, and the request counters' monitors, which run
// only while the counted rows (D1-D3, G1) are measured; their cost shows in those rows.
const { gateway: gatewayTree, ...cpuParts } = trees;
if (gatewayTree) Object.assign(cpuParts, { edge: gatewayTree.slice(0, 1), engine: gatewayTree.slice(1) });
if (POSTMASTER) cpuParts.postgres = [Number(POSTMASTER)];
cpuParts.counters = [];
let counters = null;
let countersCpu = null;
process.on('exit', () => counters?.stop());
const cpuOf = (name, pids) => (name === 'postgres' ? serverCpuMs(POSTMASTER) : cpuMs(pids));
const cpuSnapshot = () => ({ ...Object.fromEntries(Object.entries(cpuParts).map(([name, pids]) => [name, cpuOf(name, pids)])), load: process.cpuUsage() });
const cpuPerRequest = (before, after, requests) => Object.fromEntries(Object.keys(cpuParts).map((name) => [name, (after[name] - before[name]) / requests])
  .concat([['load', ((after.load.user - before.load.user) + (after.load.system - before.load.system)) / 1000 / requests]]));
const gatewayCpu = (cpu, name) => (name === 'gateway' ? cpu.edge + cpu.engine : cpu[name]);
const peakUnderLoad = {};

// ---- check, warm up, measure ----------------------------------------------------------------------
// Pass 1 checks every answer and warms every endpoint (JIT tiering, connection pools, plan caches), so that
// no row is measured against a process that is still cold. Pass 2 warms each row again and measures it.
const results = {};
const responses = {};
// Each request takes the next body, in turn across all connections; a non-2xx answer or one with `errors`
// is a failure (traffic.mjs).
const load = (s, seconds) => loadWith(s, seconds, CONNECTIONS);
for (const s of scenarios) {
  if (!s.url) { results[s.key] = { error: 'not started' }; continue; }
  try {
    responses[s.key] = [];
    for (const b of s.group === 'G1' ? s.bodies : s.bodies.slice(0, 1)) {
      const { query, variables } = JSON.parse(b);
      responses[s.key].push(await post(s.url, query, variables));
    }
  } catch (error) {
    results[s.key] = { error: String(error.message).slice(0, 200) };
    console.error(`✗ ${s.key}: ${results[s.key].error}`);
    continue;
  }
  await load(s, WARMUP);
}

// Warmed again right before it is measured: a gateway left idle while other rows ran was measured at half
// its steady rate. The subgraph calls are counted between two readings taken without load (request-counters.mjs).
async function measure(s) {
  if (counted(s) && !counters && env.COUNTERS) {
    counters = requestCounters(env.COUNTERS, Object.fromEntries(SUBGRAPHS.map((name) => [name, PIDS[name]])));
    cpuParts.counters = counters.pids;
  }
  await load(s, s.group === 'G1' ? GATEWAY_WARMUP : s.server === 'postgres' ? POSTGRES_WARMUP : WARMUP);
  const callsBefore = counted(s) ? await counters?.settled() : null;
  const cpuBefore = cpuSnapshot();
  const rss = pollPeakRss(trees);
  // Reading PSS walks the page tables of every mapping (the shared buffers' in each backend): once a second.
  const serverRss = s.server === 'postgres' ? pollPeakRss({ postgres: postgresTree() }, { postgres: pssMb }, 1000) : null;
  const r = await load(s, DURATION);
  const peaks = { ...rss.stop(), ...serverRss?.stop() };
  const cpu = cpuPerRequest(cpuBefore, cpuSnapshot(), r.requests.total);
  for (const [name, mb] of Object.entries(peaks)) if (!(peakUnderLoad[name] >= mb)) peakUnderLoad[name] = mb;
  const callsAfter = callsBefore ? await counters.settled() : null;
  const calls = callsAfter && Object.fromEntries(SUBGRAPHS.map((name) => [name, (callsAfter[name] - callsBefore[name]) / r.requests.total]));
  const { failed } = r;
  const x = {
    rps: r.ok / r.duration, ...r.latencies, requests: r.requests.total, failed, rss: peaks[s.proc], serverPss: peaks[s.server], cpu, calls,
  };
  console.error(`✓ ${s.key}: ${x.rps.toFixed(0)} req/s, p50 ${x.p50.toFixed(2)} ms, p99 ${x.p99.toFixed(2)} ms, peak RSS ${x.rss?.toFixed(0)} MB` +
    `${calls ? `, ${Object.values(calls).reduce((a, b) => a + b, 0).toFixed(2)} subgraph calls per request` : ''}${failed ? `, ${failed} failed` : ''}`);
  return x;
}
for (const s of scenarios) {
  if (results[s.key]?.error) continue;
  results[s.key] = await measure(s);
}
countersCpu = cpuMs(cpuParts.counters);
counters?.stop();
cpuParts.counters = [];

// S1's ratio swings with how fast each of its two rows happens to run on the shared cores, so S1 is measured
// in S1_PAIRS alternating pairs, the pass above being the first, and its verdict takes the median pair.
const S1_PAIRS = Math.max(1, Number(env.S1_PAIRS || 3));
const s1Pairs = [];
if (!results['S1-subgraph']?.error && !results['S1-baseline']?.error) {
  s1Pairs.push([results['S1-subgraph'], results['S1-baseline']]);
  const [subgraph, baseline] = ['S1-subgraph', 'S1-baseline'].map((key) => scenarios.find((x) => x.key === key));
  while (s1Pairs.length < S1_PAIRS) s1Pairs.push([await measure(subgraph), await measure(baseline)]);
}

// ---- latency at one connection ---------------------------------------------------------------------
// At 10 connections every row saturates the two cores, so its p50 is mostly queueing. One request at a
// time (one keep-alive connection, each request timed with hrtime) shows each row's own latency.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function postOnce(url, payload) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': payload.length } }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${url} answered ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(payload);
  });
}
async function timedOneAtATime(s, seconds) {
  const payloads = s.bodies.map((b) => Buffer.from(b));
  const latencies = [];
  for (let i = 0, end = Date.now() + seconds * 1000; Date.now() < end; i++) {
    const start = process.hrtime.bigint();
    await postOnce(s.url, payloads[i % payloads.length]);
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return latencies;
}
const SEQUENTIAL = scenarios.filter(counted).map((s) => s.key);
const sequential = {};
for (const key of SEQUENTIAL) {
  const s = scenarios.find((x) => x.key === key);
  if (!s?.url || results[key]?.error) continue;
  await timedOneAtATime(s, WARMUP);
  const cpuBefore = cpuSnapshot();
  const latencies = await timedOneAtATime(s, DURATION);
  const q = { ...percentiles(latencies), requests: latencies.length, cpu: cpuPerRequest(cpuBefore, cpuSnapshot(), latencies.length) };
  sequential[key] = q;
  console.error(`✓ ${key}, one connection: p50 ${q.p50.toFixed(2)} ms, p99 ${q.p99.toFixed(2)} ms`);
}

// Same answers where they must be the same: every term's G1 through each gateway.
const checks = [];
const same = (a, b) => responses[a]?.length && responses[b]?.length ? (isDeepStrictEqual(responses[a], responses[b]) ? 'same' : 'DIFFERENT') : 'n/a';
checks.push(`S1 subgraph vs baseline JSON: ${same('S1-subgraph', 'S1-baseline')}, on SQLite vs on PostgreSQL: ${same('S1-subgraph', 'S1-subgraph-pg')}`);
checks.push(`G1 for all ${path.G1.length} terms, our gateway vs Hive: ${same('G1-gateway', 'G1-hive')}, vs Apollo: ${same('G1-gateway', 'G1-apollo')}`);
checks.push(`S2 entity counts: ${SUBGRAPHS.map((n) => `${n} ${responses[`S2-${n}`]?.[0]?._entities?.filter(Boolean).length ?? 'n/a'}/100`).join(', ')}`);
checks.push(`S2 on PostgreSQL: ${SUBGRAPHS.map((n) => `${n} ${responses[`S2-${n}-pg`]?.[0]?._entities?.filter(Boolean).length ?? 'n/a'}/100 (${same(`S2-${n}`, `S2-${n}-pg`)} as on SQLite)`).join(', ')}`);

// ---- the report ------------------------------------------------------------------------------------
const f0 = (n) => (n == null || Number.isNaN(n) ? 'n/a' : n.toFixed(0));
const f1 = (n) => (n == null || Number.isNaN(n) ? 'n/a' : n.toFixed(1));
const f2 = (n) => (n == null || Number.isNaN(n) ? 'n/a' : n.toFixed(2));
const verdict = (ok) => (ok == null ? 'n/a' : ok ? '✅ met' : '❌ missed');
const R = (k) => results[k] && !results[k].error ? results[k] : null;

const now = new Date();
const stamp = now.toISOString().replace(/[:]/g, '-').replace(/\..*/, '');
let commit = 'unknown';
try { commit = execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(); } catch {}

const lines = [];
lines.push(`# Benchmark ${now.toISOString()}`, '');
lines.push(`Commit \`${commit}\`, ${cpus().length} CPUs (shared; load average at start ${loadAtStart}), Node ${process.version}. ` +
  `autocannon: ${CONNECTIONS} connections; every row checked and warmed ${WARMUP} s in a first pass, then in a second warmed again (the G1 rows ${GATEWAY_WARMUP} s${POSTMASTER ? `, the -pg rows ${POSTGRES_WARMUP} s` : ''}) and measured ${DURATION} s, POST application/json, on the same machine as the services. ` +
  `G1 and D1–D3 cycle through ${path.G1.length} seeded terms, one per request.` +
  (POSTMASTER ? ` The -pg rows are the same subgraphs on PostgreSQL (${env.POSTGRES_VERSION || 'version unknown'}, a fresh cluster with default settings, on the same machine, over TCP on 127.0.0.1).` : ''), '');
if (env.NOTES) lines.push(env.NOTES, '');
lines.push('## Measurements', '');
lines.push('| Row | Scenario | Target | req/s | p50 ms | p99 ms | requests | failed | subgraph calls per request (roles + patterns + glossary) | peak RSS, MB |');
lines.push('|---|---|---|---:|---:|---:|---:|---:|---|---:|');
const callsCell = (c) => (c ? `${f2(sum(Object.values(c)))} (${SUBGRAPHS.map((n) => f2(c[n])).join(' + ')})` : '');
for (const s of scenarios) {
  const r = results[s.key];
  if (!r || r.error) { lines.push(`| ${s.key} | ${s.group} | ${s.target} | failed: ${(r?.error ?? 'not run').replace(/\|/g, '/')} | | | | | | |`); continue; }
  lines.push(`| ${s.key} | ${s.group} | ${s.target} | ${f0(r.rps)} | ${f2(r.p50)} | ${f2(r.p99)} | ${r.requests} | ${r.failed} | ${callsCell(r.calls)} | ${f0(r.rss)} |`);
}
lines.push('', 'Correctness checks before load: ' + checks.join('; ') + '.', '');

// Where each row's CPU went: on 2 shared cores the load is CPU-bound, so this, not req/s alone, says which
// process a row waits for. Processes that used under 0.005 ms per request are left blank.
const onPostgres = [...SUBGRAPHS.map((n) => `${n}-pg`), 'postgres'];
const busy = ['roles', 'patterns', 'glossary', 'edge', 'engine', 'hive', 'apollo', 'baseline', ...onPostgres, 'counters'].filter((n) => n in cpuParts);
// The one-at-a-time rows run on SQLite only.
const sequentialBusy = busy.filter((n) => !onPostgres.includes(n));
const cell = (v) => (v >= 0.005 ? v.toFixed(2) : '');
lines.push('## CPU per request (ms of user + system CPU, by process, during each measured row)', '');
lines.push(`| Row | ${busy.join(' | ')} | autocannon | total |`, `|---|${busy.map(() => '---:').join('|')}|---:|---:|`);
for (const s of scenarios) {
  const c = results[s.key]?.cpu;
  if (c) lines.push(`| ${s.key} | ${busy.map((n) => cell(c[n])).join(' | ')} | ${cell(c.load)} | ${f2(sum(Object.values(c)))} |`);
}
lines.push('');
lines.push('## One request at a time (one keep-alive connection, hrtime per request)', '');
lines.push(`| Row | p50 ms | p99 ms | requests | ${sequentialBusy.join(' | ')} |`, `|---|---:|---:|---:|${sequentialBusy.map(() => '---:').join('|')}|`);
for (const key of SEQUENTIAL) {
  const q = sequential[key];
  if (q) lines.push(`| ${key} | ${f2(q.p50)} | ${f2(q.p99)} | ${q.requests} | ${sequentialBusy.map((n) => cell(q.cpu[n])).join(' | ')} |`);
}
lines.push('', 'The process columns are CPU ms per request; idle between requests, every process pays more per request than under load (bench/README.md).', '');

// Each S row on both engines. On PostgreSQL part of the work moves out of the subgraph into the server's
// processes (the postmaster and its backends), so both are counted; the server's memory is its PSS.
lines.push('## SQLite vs PostgreSQL (the S rows; each -pg row measured next to its SQLite row)', '');
lines.push('| Row | Engine | req/s | ÷ SQLite | p50 ms | p99 ms | failed | CPU ms per request: subgraph | postgres | subgraph + postgres | peak RSS subgraph, MB | postgres PSS, MB |');
lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const s of scenarios.filter((x) => x.server === 'postgres')) {
  const sqliteKey = s.key.replace(/-pg$/, '');
  const sqliteProc = s.proc.replace(/-pg$/, '');
  for (const [key, engine, proc] of [[sqliteKey, 'SQLite', sqliteProc], [s.key, 'PostgreSQL', s.proc]]) {
    const r = R(key);
    if (!r) { lines.push(`| ${key} | ${engine} | failed: ${(results[key]?.error ?? 'not run').replace(/\|/g, '/')} | | | | | | | | | |`); continue; }
    const server = engine === 'PostgreSQL' ? r.cpu.postgres : null;
    const ratio = engine === 'PostgreSQL' && R(sqliteKey) ? `${f2(r.rps / R(sqliteKey).rps)}×` : '';
    lines.push(`| ${key} | ${engine} | ${f0(r.rps)} | ${ratio} | ${f2(r.p50)} | ${f2(r.p99)} | ${r.failed} | ${f2(r.cpu[proc])} | ${server == null ? '' : f2(server)} | ` +
      `${f2(r.cpu[proc] + (server ?? 0))} | ${f0(r.rss)} | ${engine === 'PostgreSQL' ? f0(r.serverPss) : ''} |`);
  }
}
lines.push('');

const targets = [];
const apollo = R('G1-apollo');
for (const k of ['G1-gateway', 'G1-hive']) {
  const g = R(k);
  const ratio = g && apollo ? g.rps / apollo.rps : null;
  targets.push([`G1 throughput, ${GATEWAYS[k.slice(3)]} ÷ Apollo`, k === 'G1-gateway' ? '≥ 3.0×' : 'reference',
    ratio == null ? 'n/a' : `${f2(ratio)}× (${f0(g.rps)} vs ${f0(apollo.rps)} req/s)`, k === 'G1-gateway' ? verdict(ratio == null ? null : ratio >= 3) : 'reference']);
}
const latencyTargets = (label, rows, p50) => {
  const direct = ['D1', 'D2', 'D3'].map((k) => rows[k]);
  const pathSum = direct.every(Boolean) ? sum(direct.map(p50)) : null;
  for (const k of Object.keys(GATEWAYS).map((name) => `G1-${name}`)) {
    const g = rows[k];
    const ratio = g && pathSum ? p50(g) / pathSum : null;
    const goal = k === 'G1-gateway' && label === '';
    targets.push([`G1 p50${label}, ${GATEWAYS[k.slice(3)]} ÷ sum of direct p50 (D1+D2+D3 = ${f2(pathSum)} ms)`, goal ? '≤ 1.5×' : 'reference',
      ratio == null ? 'n/a' : `${f2(ratio)}× (${f2(p50(g))} ms)`, goal ? verdict(ratio == null ? null : ratio <= 1.5) : 'reference']);
  }
};
latencyTargets('', Object.fromEntries(Object.keys(results).map((k) => [k, R(k)])), (r) => r.p50);
latencyTargets(' one request at a time', sequential, (r) => r.p50);
for (const name of Object.keys(GATEWAYS)) {
  const g = R(`G1-${name}`);
  const own = g ? gatewayCpu(g.cpu, name) : null;
  const subgraphs = g ? sum(SUBGRAPHS.map((n) => g.cpu[n])) : null;
  const mine = name === 'gateway';
  targets.push([`CPU per G1 request, ${GATEWAYS[name]} ÷ the subgraphs' in the same row`, mine ? '≤ 1.0×' : 'reference',
    g ? `${f2(own / subgraphs)}× (${f2(own)} vs ${f2(subgraphs)} ms)` : 'n/a', mine ? verdict(g ? own <= subgraphs : null) : 'reference']);
}
targets.push(['Peak RSS under load, our gateway (edge + engine, polled every 100 ms)', '≤ 150 MB', `${f0(peakUnderLoad.gateway)} MB`,
  verdict(peakUnderLoad.gateway == null ? null : peakUnderLoad.gateway <= 150)]);
{
  // The median pair by each measure (the upper middle one for an even count), and every pair's figure.
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const pct = (ratio) => `${f0(ratio * 100)}%`;
  const rps = s1Pairs.map(([sub, base]) => sub.rps / base.rps);
  const cpu = s1Pairs.map(([sub, base]) => base.cpu.baseline / sub.cpu.roles);
  const pairs = (format) => s1Pairs.map(format).join('; ');
  const of = `median of ${s1Pairs.length} alternating pair${s1Pairs.length === 1 ? '' : 's'}`;
  targets.push([`S1 req/s, subgraph ÷ baseline (${of})`, '≥ 50%',
    rps.length ? `${pct(median(rps))} (${pairs(([sub, base]) => `${f0(sub.rps)} vs ${f0(base.rps)}`)} req/s)` : 'n/a',
    verdict(rps.length ? median(rps) >= 0.5 : null)]);
  targets.push([`S1 CPU per request, baseline ÷ subgraph (${of})`, 'reference',
    cpu.length ? `${pct(median(cpu))} (${pairs(([sub, base]) => `${base.cpu.baseline.toFixed(3)} vs ${sub.cpu.roles.toFixed(3)}`)} ms)` : 'n/a',
    'reference']);
}
for (const name of SUBGRAPHS) {
  const mb = peakUnderLoad[name];
  targets.push([`Peak RSS under load, ${name} subgraph`, '≤ 150 MB', `${f0(mb)} MB`, verdict(mb == null ? null : mb <= 150)]);
}
const together = [...SUBGRAPHS, 'gateway'];
for (const name of together) {
  const t = READY[name];
  const seconds = t && t !== '-' ? Number(t) : null;
  targets.push([`Time to ready, ${name === 'gateway' ? 'our gateway' : name} (the four start together)`, '≤ 10 s', seconds == null ? 'never ready' : `${f1(seconds)} s`, verdict(seconds == null ? false : seconds <= 10)]);
}
lines.push('## Targets (ratios from this run only)', '');
lines.push('| Target | Goal | This run | Verdict |', '|---|---|---|---|');
for (const t of targets) lines.push(`| ${t.join(' | ')} |`);
lines.push('');
const others = Object.entries(READY).filter(([n]) => !together.includes(n));
lines.push('Other processes, time to ready (started after the four): ' + others.map(([n, t]) => `${n} ${t === '-' ? 'never' : f1(Number(t)) + ' s'}`).join(', ') + '.');
const memory = Object.keys(trees);
lines.push('Peak RSS under load (process tree, polled during the measured rows), MB: ' + memory.map((n) => `${n} ${f0(peakUnderLoad[n])}`).join(', ') +
  (POSTMASTER ? `, and PostgreSQL's processes ${f0(peakUnderLoad.postgres)} (PSS, polled during its rows)` : '') +
  '; VmHWM (the kernel\'s peak since start, summed over the tree): ' + memory.map((n) => `${n} ${f0(statusMb(trees[n], 'VmHWM'))}`).join(', ') +
  (gatewayTree ? `; of our gateway's, the edge ${f0(statusMb(cpuParts.edge, 'VmHWM'))} and the engine ${f0(statusMb(cpuParts.engine, 'VmHWM'))}.` : '.'));
lines.push(`Subgraph calls are counted by ASP.NET Core's total-requests counter, read by dotnet-counters (the "counters" column; ${f0(countersCpu)} ms of CPU in all, while they ran). ` +
  'Latencies are each response\'s hrtime as autocannon took it.', '');

mkdirSync(RESULTS_DIR, { recursive: true });
const text = lines.join('\n');
writeFileSync(`${RESULTS_DIR}/${stamp}.md`, text);
writeFileSync(`${RESULTS_DIR}/latest.md`, text);
console.log(text);
console.error(`Wrote ${RESULTS_DIR}/${stamp}.md and latest.md`);
