// profile-common.mjs: what the two reports of bench/profile.sh share (profile-report.mjs for
// dotnet-trace, perf-report.mjs for perf): the heading, and the stages of an S1 request as frame-name
// patterns. A stage counts a sample when any frame on its stack matches, so stages nest and overlap
// (the GraphQL execution contains the listing). dotnet-trace names a method Type.Method, perf (through the runtime's perf
// map) Type::Method; the patterns accept both.
const stages = [
  ['Kestrel: sockets and HTTP/1.1 parsing and writing', /SocketAsyncEngine|SocketConnection|Http1Connection|Http1OutputProducer|HttpRequestStream/],
  ['Thread pool spinning (idle workers)', /LowLevelSpinWaiter|LowLevelLifoSemaphore/],
  ['GC, in the threads that allocate (waiting for or doing a collection)', /PollGC|GC(\.|::)RunFinalizers|GarbageCollect/],
  ['SubgraphKit endpoint (all of the request below routing)', /GraphQLHttpEndpoint/],
  ['  GraphQL.NET execution (resolvers included)', /ExecutionStrategy/],
  ['  GraphQL.NET validation (per-request rules on a cached document)', /DocumentValidator/],
  ['  response serialization', /GraphQLSerializer|Utf8JsonWriter/],
  ['    listing resolver (EntityListing)', /EntityListing/],
  ['      EF: query cache lookup and compilation', /QueryCompiler|CompiledQueryCache/],
  ['      EF: parameter extraction (funcletizer)', /Funcletizer/],
  ['      EF: context lease from the pool', /DbContextPool|CreateDbContext/],
  ['      SQLite: open/close connection', /SqliteConnection(\.|::)(Open|Close)|OpenAsync|CloseAsync/],
  ['      SQLite: run the SELECT', /ExecuteReader/],
  ['      EF: materialize rows', /MoveNextAsync/],
  ['JWT authentication middleware (anonymous read)', /AuthenticationHandler|JwtBearer/],
];

/** The stage table: `share(pattern)` gives a stage's percentage; nesting is shown by indentation. */
export const stageRows = (share) => stages.map(([name, pattern]) =>
  `| ${name.replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length * 2))} | ${share(pattern).toFixed(1)}% |`);

/** The report's heading: what was measured, and the CPU per request over the counted requests. */
export function heading({ tool, load, cpuTicks, ticksPerSecond }) {
  const seconds = Number(cpuTicks) / Number(ticksPerSecond);
  const requests = load.requests.total;
  return [
    `# Profile of S1 on the roles subgraph (${tool}), ${new Date().toISOString()}`,
    '',
    `Reproduce: \`bench/profile.sh${tool === 'perf' ? ' --perf' : ''}\`. Query \`{ roles { nodes { id name } } }\`, 10 connections, production mode.`,
    '',
    `- CPU per request: **${((1000 * seconds) / requests).toFixed(3)} ms** (${seconds.toFixed(2)} CPU-s over ${requests} requests; ${Math.round(load.requests.average)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms)`,
  ];
}

/** Rows of a two-column share table, largest first. */
export const shareRows = (entries, total, limit = 20) => [...entries]
  .filter(([, value]) => value > 0)
  .sort((a, b) => b[1] - a[1])
  .slice(0, limit)
  .map(([name, value]) => `| \`${String(name).replace(/\|/g, '\\|')}\` | ${((100 * value) / total).toFixed(1)}% |`);
