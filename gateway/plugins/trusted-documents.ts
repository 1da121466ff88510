// trusted-documents.ts: trusted-documents-only mode (TRUSTED_DOCUMENTS=1) for Hive Gateway.
//
// Why: in production the frontend only ever sends the operations in schema/operations/, which CI
// validates (gateway/operations.mjs). Accepting only those, by id, stops arbitrary (expensive or
// probing) queries at the gateway. Off by default, so development, Banana Cake Pop and the tests
// keep sending arbitrary queries.
//
// Uses Hive Gateway's built-in `persistedDocuments` with a custom `getPersistedOperation`. The
// documents are loaded once, at startup:
//   - from TRUSTED_DOCUMENTS_MANIFEST, a manifest written by `node gateway/operations.mjs manifest
//     --output FILE` ({"<sha256 hex>": "<document text>"}), when set;
//   - otherwise from schema/operations/*.graphql, with the same ids (lib/trusted-documents.mjs).
//
// A client sends the id as extensions.persistedQuery.sha256Hash (Apollo's format, version 1) or as
// a top-level "documentId" (optionally "sha256:<hex>"), plus operationName and variables.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GatewayConfig } from '@graphql-hive/gateway';
import { GraphQLError } from 'graphql';
import { buildManifest, readOperationFiles } from '../lib/trusted-documents.mjs';

const OPERATIONS_DIR = fileURLToPath(new URL('../../schema/operations/', import.meta.url));

type PersistedDocumentsConfig = NonNullable<GatewayConfig<Record<string, unknown>>['persistedDocuments']>;

function loadManifest(env: NodeJS.ProcessEnv): Map<string, string> {
  const file = env.TRUSTED_DOCUMENTS_MANIFEST?.trim();
  if (!file) {
    const manifest = buildManifest(readOperationFiles(OPERATIONS_DIR)) as Record<string, string>;
    if (Object.keys(manifest).length === 0) throw new Error(`TRUSTED_DOCUMENTS=1 but ${OPERATIONS_DIR} holds no *.graphql`);
    return new Map(Object.entries(manifest));
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`TRUSTED_DOCUMENTS_MANIFEST=${file}: cannot read it as JSON (${(err as Error).message})`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)
      || !Object.values(manifest).every((text) => typeof text === 'string')) {
    throw new Error(`TRUSTED_DOCUMENTS_MANIFEST=${file}: expected {"<sha256 hex>": "<document text>"}`);
  }
  return new Map(Object.entries(manifest as Record<string, string>));
}

/** The id a request names: extensions.persistedQuery.sha256Hash, else documentId ("sha256:" optional). */
function documentIdOf(params: { extensions?: Record<string, any>; [key: string]: unknown }): string | null {
  const apollo = params.extensions?.persistedQuery;
  if (apollo && typeof apollo === 'object' && typeof apollo.sha256Hash === 'string') return apollo.sha256Hash;
  const documentId = params.documentId;
  if (typeof documentId === 'string' && documentId !== '') return documentId.replace(/^sha256:/, '');
  return null;
}

/**
 * The gateway's `persistedDocuments` option: with TRUSTED_DOCUMENTS=1, only the trusted documents run,
 * by id; otherwise undefined (every query is accepted, as before).
 */
export function trustedDocuments(env: NodeJS.ProcessEnv = process.env): PersistedDocumentsConfig | undefined {
  if (env.TRUSTED_DOCUMENTS !== '1') return undefined;
  const documents = loadManifest(env);
  const hint = 'this gateway runs only the trusted documents of schema/operations/, by id';
  return {
    allowArbitraryDocuments: false,
    extractPersistedOperationId: (params) => documentIdOf(params as Parameters<typeof documentIdOf>[0]),
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: {
      notFound: ({ params }) =>
        new GraphQLError(`Unknown persisted document '${documentIdOf(params as Parameters<typeof documentIdOf>[0])}': ${hint}.`, {
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } },
        }),
      persistedQueryOnly: {
        message: `Arbitrary queries are not accepted: ${hint}. Send extensions.persistedQuery.sha256Hash (or documentId) instead of query.`,
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
      },
      keyNotFound: {
        message: `No document id in the request: ${hint}. Send extensions.persistedQuery.sha256Hash (or documentId).`,
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
      },
    },
  };
}
