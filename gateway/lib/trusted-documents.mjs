// trusted-documents.mjs: the one definition of "a trusted document and its id", shared by
// operations.mjs (which validates the documents and writes the persisted-documents manifest) and
// the edge's TrustedDocuments.cs (which serves them by id in TRUSTED_DOCUMENTS=1 mode, and must
// normalize alike).
//
// A trusted document is a schema/operations/*.graphql file. Its text is normalized (LF line endings,
// exactly one final newline) so a CRLF checkout yields the same ids, and its id is the SHA-256 hex of
// that normalized text: what a client sends as extensions.persistedQuery.sha256Hash.
// Node built-ins only, so the gateway can load it without anything else.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** LF line endings, no trailing whitespace at the end, exactly one final newline. */
export function normalizeDocument(text) {
  return text.replace(/\r\n?/g, '\n').replace(/\s+$/, '') + '\n';
}

/** The persisted-document id of a (normalized) document text: lowercase SHA-256 hex. */
export function documentHash(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Every *.graphql file of `dir`, sorted by file name: [{ file, text }] with normalized text. */
export function readOperationFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, text: normalizeDocument(readFileSync(join(dir, file), 'utf8')) }));
}

/** { "<sha256 hex>": "<document text>" }, keys in sorted order, from [{ text }]. */
export function buildManifest(files) {
  const entries = files.map(({ text }) => [documentHash(text), text]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
