// http-audit.mjs: graphql-http's GraphQL-over-HTTP audit of running endpoints.
//
// Usage: node http-audit.mjs URL [URL ...]
// Prints one JSON object: { "<url>": [{ "id", "name", "status", "reason" }] }, where status is
// "ok", "notice" (a MAY not met), "warn" (a SHOULD not met) or "error" (a MUST not met), and
// exits 0 whatever the results: tests/Supergraph.Tests/GraphQLOverHttpAuditTests.cs judges them.
//
// Why: graphql-http (the spec's reference implementation) ships the audit the spec's authors use to
// check servers; running it here proves our reading of the spec against theirs.
import { auditServer } from 'graphql-http';

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('Usage: node http-audit.mjs URL [URL ...]');
  process.exit(2);
}

const report = {};
for (const url of urls) {
  const results = await auditServer({ url });
  report[url] = results.map(({ id, name, status, reason }) => ({ id, name, status, reason: reason ?? null }));
}
console.log(JSON.stringify(report, null, 2));
