// The typed client, generated from the contract: the public API (schema/api.graphql, which compose.mjs
// derives from the supergraph) and the trusted operations (schema/operations/*.graphql). Run from
// clients/ with `npm run codegen`; ./test.sh fails when the committed output is stale.
//
// persisted-documents.json is the one manifest of trusted documents: the edge serves those documents by
// these ids, and the typed documents carry only the id, so a client sends nothing else.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: '../schema/operations/*.graphql',
  ignoreNoDocuments: false,
  generates: {
    'typescript/src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { ID: 'string' },
        documentMode: 'string',
      },
    },
  },
};

export default config;
