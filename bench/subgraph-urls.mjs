// subgraph-urls.mjs: the subgraph URLs the peer gateways call, from ROLES_URL / PATTERNS_URL / GLOSSARY_URL
// (bench/run.sh sets them to the bench's ports), keyed by the names in schema/supergraph.graphql.
export function subgraphUrls(env = process.env) {
  const urls = { roles: env.ROLES_URL, patterns: env.PATTERNS_URL, glossary: env.GLOSSARY_URL };
  for (const [name, url] of Object.entries(urls)) if (!url) throw new Error(`Set ${name.toUpperCase()}_URL.`);
  return urls;
}
