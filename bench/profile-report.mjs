// profile-report.mjs: turns a dotnet-trace "sampled thread time" trace (speedscope JSON) into the
// markdown of bench/profile.sh. Only samples whose leaf is CPU_TIME count (a thread running managed
// code); blocked and waiting threads are left out. Each stage is the share of CPU samples with a
// matching frame on the stack, so stages nest and overlap (the GraphQL execution contains the listing).
import { readFileSync } from 'node:fs';

const [tracePath, loadPath, cpuTicks, ticksPerSecond] = process.argv.slice(2);
const trace = JSON.parse(readFileSync(tracePath, 'utf8'));
const load = JSON.parse(readFileSync(loadPath, 'utf8'));
const frames = trace.shared.frames.map((frame) => frame.name);

// Time per distinct stack, from the evented profiles (one per thread).
const stacks = new Map();
for (const profile of trace.profiles) {
  const stack = [];
  let last = null;
  for (const event of profile.events) {
    if (last !== null && stack.length && frames[stack.at(-1)] === 'CPU_TIME') {
      const key = stack.slice(0, -1).join(',');
      stacks.set(key, (stacks.get(key) ?? 0) + event.at - last);
    }
    last = event.at;
    if (event.type === 'O') stack.push(event.frame); else stack.pop();
  }
}
const total = [...stacks.values()].reduce((a, b) => a + b, 0);
const share = (test) => {
  let sum = 0;
  for (const [key, time] of stacks) if (key && key.split(',').some((f) => test.test(frames[f]))) sum += time;
  return (100 * sum) / total;
};

const stages = [
  ['Kestrel: sockets and HTTP/1.1 parsing and writing', /SocketAsyncEngine|SocketConnection|Http1Connection|Http1OutputProducer|HttpRequestStream/],
  ['Thread pool spinning (idle workers)', /LowLevelSpinWaiter|LowLevelLifoSemaphore/],
  ['GC (threads waiting for or doing a collection)', /PollGC|GC\.RunFinalizers|GarbageCollect/],
  ['SubgraphKit endpoint (all of the request below routing)', /GraphQLHttpEndpoint/],
  ['  GraphQL.NET execution (resolvers included)', /ExecutionStrategy/],
  ['  GraphQL.NET validation (per-request rules on a cached document)', /DocumentValidator/],
  ['  response serialization', /GraphQLSerializer|Utf8JsonWriter/],
  ['    listing resolver (EntityListing)', /EntityListing/],
  ['      EF: query cache lookup and compilation', /QueryCompiler|CompiledQueryCache/],
  ['      EF: parameter extraction (funcletizer)', /Funcletizer/],
  ['      EF: context lease from the pool', /DbContextPool|CreateDbContext/],
  ['      SQLite: open/close connection', /SqliteConnection\.(Open|Close)|OpenAsync|CloseAsync/],
  ['      SQLite: run the SELECT', /ExecuteReader/],
  ['      EF: materialize rows', /MoveNextAsync/],
  ['JWT authentication middleware (anonymous read)', /AuthenticationHandler|JwtBearer/],
];

const seconds = Number(cpuTicks) / Number(ticksPerSecond);
const requests = load.requests.total;
const lines = [
  `# Profile of S1 on the roles subgraph, ${new Date().toISOString()}`,
  '',
  'Reproduce: `bench/profile.sh`. Query `{ roles { nodes { id name } } }`, 10 connections, production mode.',
  '',
  `- CPU per request: **${((1000 * seconds) / requests).toFixed(3)} ms** (${seconds.toFixed(2)} CPU-s over ${requests} requests; ${Math.round(load.requests.average)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms)`,
  `- CPU samples in the trace: ${Math.round(total)} ms`,
  '',
  '| Stage | Share of CPU samples |',
  '|---|---:|',
  ...stages.map(([name, test]) => `| ${name.replace(/^ +/, (s) => '&nbsp;'.repeat(s.length * 2))} | ${share(test).toFixed(1)}% |`),
  '',
  '## Top frames by exclusive CPU',
  '',
  '| Frame | Share |',
  '|---|---:|',
];
const exclusive = new Map();
for (const [key, time] of stacks) {
  const leaf = key.split(',').at(-1);
  if (leaf === '') continue;
  const name = frames[leaf].replace(/\(.*$/, '').slice(0, 110);
  exclusive.set(name, (exclusive.get(name) ?? 0) + time);
}
for (const [name, time] of [...exclusive].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  lines.push(`| \`${name.replace(/\|/g, '\\|')}\` | ${((100 * time) / total).toFixed(1)}% |`);
}
console.log(lines.join('\n'));
