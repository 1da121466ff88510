// graph-mode.ts: the one switch of the whole system, GRAPH_MODE=production|development.
//
// Why: the subgraphs (SubgraphKit's GraphModeConfiguration) and the gateway read the same variable, so
// one setting decides for every process whether introspection and "did you mean" suggestions are on
// and whether unexpected errors show details. Unset means production: a process started without it
// must not expose the schema; ./run.sh passes development unless told otherwise.

export type GraphMode = 'production' | 'development';

export function graphMode(env: NodeJS.ProcessEnv = process.env): GraphMode {
  const value = env.GRAPH_MODE?.trim().toLowerCase();
  if (!value || value === 'production') return 'production';
  if (value === 'development') return 'development';
  throw new Error(`GRAPH_MODE='${env.GRAPH_MODE}' is not a mode: use 'production' or 'development'.`);
}
