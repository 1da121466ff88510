// tracing.mjs: the measuring and reporting half of bench/tracing.sh, which starts the processes of each
// configuration (export off; on at a 10% sample rate; on at 100%; off again) and the OTLP sink.
//
//   node tracing.mjs measure   one configuration: checks G1 (through the gateway) and S1 (on the roles
//                              subgraph), then warms and measures each (traffic.mjs's load), and writes
//                              the rows as JSON to OUT
//   node tracing.mjs report    reads RUN_DIR/N.json and RUN_DIR/N.sink.json (the sink's counts over the
//                              configuration's whole life), N = 1, 2, ..., writes RESULTS_DIR/tracing-latest.md
//                              and a dated copy, and prints it
//
// Env of measure: LABEL, SAMPLE ("" when export is off), GATEWAY_URL, each subgraph's URL variable
// (ROLES_URL, ...), PIDS ("gateway=pid,roles=pid,...,sink=pid"), SINK_URL, DURATION, WARMUP, CONNECTIONS, OUT.
// Env of report: RUN_DIR, RESULTS_DIR, DURATION, WARMUP, CONNECTIONS.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { SUBGRAPHS, subgraphUrls } from '../gateway/lib/subgraphs.mjs';
import { cpuMs, pollPeakRss, processTree } from './processes.mjs';
import { S1, body, load, post, termPaths } from './traffic.mjs';

const env = process.env;
const DURATION = Number(env.DURATION || 20);
const WARMUP = Number(env.WARMUP || 15);
const CONNECTIONS = Number(env.CONNECTIONS || 10);
const kv = (text) => Object.fromEntries((text || '').split(',').filter(Boolean).map((p) => p.split('=')));
const load1 = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const sum = (values) => values.reduce((a, b) => a + b, 0);
// The goals of issue 15: the most throughput tracing may cost, by sample rate.
const GOALS = { '10%': 0.10, '100%': 0.25 };

async function measure() {
  const subgraphUrl = subgraphUrls(env);
  const pids = kv(env.PIDS);
  const gateway = processTree(pids.gateway);
  // CPU by part: the edge and its child, the engine, together as the gateway; the three subgraphs; the sink.
  const parts = { gateway, ...Object.fromEntries(SUBGRAPHS.map((s) => [s.name, [Number(pids[s.name])]])), sink: [Number(pids.sink)] };
  const cpu = () => Object.fromEntries(Object.entries(parts).map(([name, list]) => [name, cpuMs(list)]));
  const sink = async () => (await fetch(`${env.SINK_URL}/counts`)).json();
  const rows = [
    { key: 'G1', target: 'gateway', url: env.GATEWAY_URL, bodies: (await termPaths(subgraphUrl)).G1 },
    { key: 'S1', target: 'roles subgraph', url: subgraphUrl.roles, bodies: [body(S1)] },
  ];
  const result = { label: env.LABEL, sample: env.SAMPLE || null, startedAt: new Date().toISOString(), loadAtStart: load1(), terms: rows[0].bodies.length, rows: {} };
  for (const s of rows) {
    try {
      for (const b of s.bodies) {
        const { query, variables } = JSON.parse(b);
        await post(s.url, query, variables);
      }
    } catch (error) {
      result.rows[s.key] = { error: String(error.message).slice(0, 200) };
      console.error(`✗ ${env.LABEL} ${s.key}: ${result.rows[s.key].error}`);
      continue;
    }
    await load(s, WARMUP, CONNECTIONS);
    const [cpuBefore, sinkBefore] = [cpu(), await sink()];
    const rss = pollPeakRss({ gateway, roles: parts.roles });
    // What else the machine ran meanwhile: the 1-minute load average, once a second.
    const loads = [loadavg()[0]];
    const sampler = setInterval(() => loads.push(loadavg()[0]), 1000);
    const r = await load(s, DURATION, CONNECTIONS);
    clearInterval(sampler);
    const peaks = rss.stop();
    const [cpuAfter, sinkAfter] = [cpu(), await sink()];
    const perRequest = (after, before) => (after - before) / r.requests.total;
    const x = {
      rps: r.ok / r.duration, ...r.latencies, requests: r.requests.total, failed: r.failed, rss: peaks,
      load: { mean: sum(loads) / loads.length, max: Math.max(...loads) },
      cpu: Object.fromEntries(Object.keys(parts).map((name) => [name, perRequest(cpuAfter[name], cpuBefore[name])])),
      // The spans that reached the sink during the window (each process exports every 5 s, so this lags
      // the window by up to that; in a steady state it is the rate all the same).
      spans: perRequest(sinkAfter.traces.spans, sinkBefore.traces.spans),
      traceBytes: perRequest(sinkAfter.traces.bytes, sinkBefore.traces.bytes),
    };
    result.rows[s.key] = x;
    console.error(`✓ ${env.LABEL} ${s.key}: ${x.rps.toFixed(0)} req/s, p50 ${x.p50.toFixed(2)} ms, p99 ${x.p99.toFixed(2)} ms, ` +
      `${x.failed} failed, ${x.spans.toFixed(2)} spans exported per request`);
  }
  result.loadAtEnd = load1();
  writeFileSync(env.OUT, JSON.stringify(result, null, 2));
}

function report() {
  const runs = [];
  for (let n = 1; existsSync(`${env.RUN_DIR}/${n}.json`); n++) {
    const run = JSON.parse(readFileSync(`${env.RUN_DIR}/${n}.json`, 'utf8'));
    const sinkFile = `${env.RUN_DIR}/${n}.sink.json`;
    runs.push({ ...run, n, sink: existsSync(sinkFile) ? JSON.parse(readFileSync(sinkFile, 'utf8')) : null });
  }
  const f0 = (v) => (v == null || Number.isNaN(v) ? 'n/a' : v.toFixed(0));
  const f2 = (v) => (v == null || Number.isNaN(v) ? 'n/a' : v.toFixed(2));
  const f3 = (v) => (v == null || Number.isNaN(v) ? 'n/a' : v.toFixed(3));
  const pct = (v) => (v == null || Number.isNaN(v) ? 'n/a' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v * 100).toFixed(1)}%`);
  const mb = (bytes) => (bytes / 1048576).toFixed(2);
  const ok = (run, key) => (run.rows[key] && !run.rows[key].error ? run.rows[key] : null);
  const offs = runs.filter((r) => !r.sample);
  const mean = (values) => (values.length ? sum(values) / values.length : null);
  const allCpu = (x) => sum(Object.values(x.cpu));
  // The reference of every ratio: the mean of the export-off runs (the first and the last) of the same row.
  const off = Object.fromEntries(['G1', 'S1'].map((key) => {
    const measured = offs.map((r) => ok(r, key)).filter(Boolean);
    return [key, measured.length ? { rps: mean(measured.map((x) => x.rps)), cpu: mean(measured.map((x) => allCpu(x))) } : null];
  }));
  const name = (run) => (run.sample ? `on, sample ${run.sample}` : `off (${run === offs[0] ? 'first' : 'last'})`);

  const now = new Date(runs[0]?.startedAt ?? Date.now());
  const repo = new URL('../', import.meta.url).pathname;
  // The script builds only when the Release output is missing (unless --build): say how old the measured build is.
  let built = 'unknown';
  try { built = statSync(`${repo}gateway/Edge/bin/Release/net10.0/Edge.dll`).mtime.toISOString().replace(/\.\d+Z$/, 'Z'); } catch {}
  let commit = 'unknown';
  try { commit = execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(); } catch {}
  const lines = [];
  lines.push(`# Tracing overhead ${now.toISOString()}`, '');
  lines.push(`Commit \`${commit}\` (with the working tree's changes; the Release build measured is of ${built}), ${cpus().length} CPUs, shared with other work; Node ${process.version}. ` +
    `Each configuration starts the three subgraphs and our gateway (edge + engine) afresh (Release builds, \`GRAPH_MODE=production\`, fresh SQLite databases) ` +
    `and loads G1 through the gateway (a different seeded term per request, ${runs[0]?.terms ?? 'n/a'} in turn) and then S1 on the roles subgraph, ` +
    `each warmed ${WARMUP} s and measured ${DURATION} s with autocannon, ${CONNECTIONS} connections, on the same machine. ` +
    'Export on: every .NET process (the edge and the three subgraphs) exports its traces and metrics over OTLP/HTTP protobuf to the script\'s sink ' +
    '(`OTEL_EXPORTER_OTLP_ENDPOINT`), sampled by `OTEL_TRACES_SAMPLER=parentbased_traceidratio` with `OTEL_TRACES_SAMPLER_ARG` 0.1 or 1, the SDK\'s other defaults ' +
    '(a batch every 5 s; metrics every 60 s); the engine exports nothing (docs/tracing.md). ' +
    'A failure is a non-2xx answer, one with `errors`, a connection error or a timeout; req/s counts the rest. ' +
    'The load average during a row counts the benchmark\'s own processes too.', '');
  lines.push(`**Reference: every "vs off" is against the mean of the two export-off runs** (the first and the last configuration, so drift shows as the difference between them).`, '');

  lines.push('| Configuration | Row | req/s | vs off | p50 ms | p99 ms | failed / requests | CPU ms per request: gateway + subgraphs + sink = all (vs off) | peak RSS MB: gateway / roles | spans exported per request | 1-min load average during the row: mean (max) |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---|---:|---:|---|');
  for (const run of runs) {
    for (const key of ['G1', 'S1']) {
      const x = run.rows[key];
      if (!x || x.error) { lines.push(`| ${name(run)} | ${key} | failed: ${(x?.error ?? 'not run').replace(/\|/g, '/')} | | | | | | | | |`); continue; }
      const subgraphs = sum(SUBGRAPHS.map((s) => x.cpu[s.name]));
      const cpuCell = `${f3(x.cpu.gateway)} + ${f3(subgraphs)} + ${f3(x.cpu.sink)} = ${f3(allCpu(x))} (${pct(off[key] ? allCpu(x) / off[key].cpu - 1 : null)})`;
      lines.push(`| ${name(run)} | ${key} | ${f0(x.rps)} | ${pct(off[key] ? x.rps / off[key].rps - 1 : null)} | ${f2(x.p50)} | ${f2(x.p99)} | ${x.failed} / ${x.requests} | ` +
        `${cpuCell} | ${f0(x.rss.gateway)} / ${f0(x.rss.roles)} | ${f2(x.spans)} | ${x.load.mean.toFixed(1)} (${x.load.max.toFixed(1)}) |`);
    }
  }
  lines.push('');

  // How far the two export-off runs of a row lie apart: a change smaller than that cannot be told from noise.
  const drift = Object.fromEntries(['G1', 'S1'].map((key) => {
    const [first, last] = [offs[0], offs.at(-1)].map((r) => r && ok(r, key));
    return [key, first && last && offs.length > 1 ? { first: first.rps, last: last.rps, change: last.rps / first.rps - 1 } : null];
  }));
  lines.push('## Goals (issue 15: throughput with tracing on, against off)', '');
  lines.push('| Row | Sample rate | Goal | This run | Verdict |', '|---|---|---|---|---|');
  for (const key of ['G1', 'S1']) {
    for (const run of runs.filter((r) => r.sample)) {
      const x = ok(run, key);
      const change = x && off[key] ? x.rps / off[key].rps - 1 : null;
      const goal = GOALS[run.sample];
      const noisy = drift[key] && Math.abs(drift[key].change) > goal;
      const verdict = change == null || goal == null ? 'n/a' : `${change >= -goal ? '✅ met' : '❌ missed'}${noisy ? `, but inconclusive: off drifted ${pct(drift[key].change)}` : ''}`;
      lines.push(`| ${key} | ${run.sample} | ${goal == null ? 'none' : `≥ −${goal * 100}%`} | ${pct(change)} (${f0(x?.rps)} vs ${f0(off[key]?.rps)} req/s) | ${verdict} |`);
    }
  }
  const driftText = Object.entries(drift).map(([key, d]) => (d ? `${key} ${f0(d.first)} → ${f0(d.last)} req/s (${pct(d.change)})` : `${key} n/a`));
  lines.push('', `Drift between the two export-off runs, first → last: ${driftText.join(', ')}. A verdict is inconclusive when that drift is wider than the goal's margin.`, '');

  lines.push('## What the sink received, per configuration (from the processes\' start to their stop)', '');
  lines.push('| Configuration | trace exports | trace MB | spans | metric exports | metric MB |', '|---|---:|---:|---:|---:|---:|');
  for (const run of runs) {
    const s = run.sink;
    lines.push(s ? `| ${name(run)} | ${s.traces.requests} | ${mb(s.traces.bytes)} | ${s.traces.spans} | ${s.metrics.requests} | ${mb(s.metrics.bytes)} |`
      : `| ${name(run)} | n/a | | | | |`);
  }
  lines.push('', `Load average (1, 5, 15 min) at the start of the first configuration ${runs[0]?.loadAtStart ?? 'n/a'}, at the end of the last ${runs.at(-1)?.loadAtEnd ?? 'n/a'}, on ${cpus().length} CPUs.`);

  const text = `${lines.join('\n')}\n`;
  const resultsDir = env.RESULTS_DIR || new URL('./results/', import.meta.url).pathname;
  const stamp = now.toISOString().replace(/[:]/g, '-').replace(/\..*/, '');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}/${stamp}-tracing.md`, text);
  writeFileSync(`${resultsDir}/tracing-latest.md`, text);
  console.log(text);
  console.error(`Wrote ${resultsDir}/tracing-latest.md and ${stamp}-tracing.md`);
}

const mode = process.argv[2];
if (mode === 'measure') await measure();
else if (mode === 'report') report();
else { console.error('Usage: node tracing.mjs measure|report (run by bench/tracing.sh)'); process.exit(2); }
