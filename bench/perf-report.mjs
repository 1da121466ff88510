// perf-report.mjs: turns `perf script -F comm,tid,ip,sym,dso` of the roles subgraph under S1 into the
// markdown of `bench/profile.sh --perf`. perf samples real CPU (cycles), native code included, which
// dotnet-trace cannot see: SQLite, the runtime's GC and the kernel. JIT-compiled methods are named
// through the runtime's perf map (DOTNET_PerfMapEnabled=1). Native frames carry no callers (the
// libraries have no frame pointers), so the stage table counts managed stacks only; the native parts
// are in the table by code.
import { readFileSync } from 'node:fs';
import { heading, shareRows, stageRows } from './profile-common.mjs';

const [scriptPath, loadPath, cpuTicks, ticksPerSecond] = process.argv.slice(2);
const load = JSON.parse(readFileSync(loadPath, 'utf8'));

// One sample: a header line (thread name, thread id), then one frame per line, leaf first.
const samples = [];
for (const block of readFileSync(scriptPath, 'utf8').split(/\n\s*\n/)) {
  const [header, ...frameLines] = block.split('\n').filter((line) => line.trim());
  if (!header) continue;
  const frames = frameLines.map((line) => {
    const match = /^\s*[0-9a-f]+ (.*) \((.*)\)$/.exec(line);
    return match ? { symbol: match[1], dso: match[2] } : { symbol: line.trim(), dso: '' };
  });
  samples.push({ thread: header.replace(/\s+\d+\s*$/, '').trim(), frames });
}
const total = samples.length;

const codeOf = (dso) => {
  if (/perf-\d+\.map$/.test(dso)) return 'JIT-compiled .NET code (ASP.NET Core, GraphQL.NET, EF Core, ours)';
  if (dso.includes('kernel')) return 'Linux kernel (syscalls, scheduling, sockets)';
  if (dso.endsWith('libe_sqlite3.so')) return 'SQLite (native)';
  if (dso.endsWith('libcoreclr.so')) return '.NET runtime (GC, allocation, type checks, stubs)';
  if (dso.endsWith('libclrjit.so')) return 'JIT compiler';
  if (/libc\.so|ld-linux/.test(dso)) return 'C library and loader (malloc, memset, locks, TLS)';
  return dso.split('/').at(-1) || 'unknown';
};
const count = (keyOf, filter = () => true) => {
  const counts = new Map();
  for (const sample of samples) {
    if (!filter(sample)) continue;
    const key = keyOf(sample);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};
const leaf = (sample) => sample.frames[0] ?? { symbol: 'unknown', dso: '' };
const share = (pattern) =>
  (100 * samples.filter((sample) => sample.frames.some((frame) => pattern.test(frame.symbol))).length) / total;
const shortSymbol = (symbol) => symbol.replace(/\[OptimizedTier1\]|\[Optimized\]|\[Tier0\]|\[Tier1\]/g, '').slice(0, 140);

console.log([
  ...heading({ tool: 'perf', load, cpuTicks, ticksPerSecond }),
  `- CPU samples over the trace: ${total}`,
  '',
  '## CPU by code (the sampled instruction\'s library)',
  '',
  '| Code | Share of CPU |',
  '|---|---:|',
  ...shareRows(count((sample) => codeOf(leaf(sample).dso)), total),
  '',
  '## CPU by thread',
  '',
  '| Threads | Share of CPU |',
  '|---|---:|',
  ...shareRows(count((sample) => sample.thread), total),
  '',
  '## CPU by stage (managed stacks; native frames have no callers here)',
  '',
  '| Stage | Share of CPU |',
  '|---|---:|',
  ...stageRows(share),
  '',
  '## SQLite\'s own functions',
  '',
  'Mostly compiling the SELECT (parser, tokenizer, query planner, code generator): Microsoft.Data.Sqlite',
  'prepares each command anew, and EF makes a command per query.',
  '',
  '| Function | Share of CPU |',
  '|---|---:|',
  ...shareRows(count((sample) => leaf(sample).symbol, (sample) => leaf(sample).dso.endsWith('libe_sqlite3.so')), total, 15),
  '',
  '## Top functions by exclusive CPU',
  '',
  '| Function | Share of CPU |',
  '|---|---:|',
  ...shareRows(count((sample) => shortSymbol(leaf(sample).symbol)), total),
].join('\n'));
