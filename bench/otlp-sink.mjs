// otlp-sink.mjs: the OTLP/HTTP receiver of bench/tracing.sh. It reads every POST to /v1/traces and
// /v1/metrics whole, counts the requests and their bytes (and the spans in each trace export, from the
// protobuf, so the sample rate shows), keeps nothing, and answers 200 with an empty protobuf response.
// GET /counts answers the counts as JSON.
//
//   node bench/otlp-sink.mjs PORT
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

const port = Number(process.argv[2]);
if (!port) {
  console.error('Usage: node bench/otlp-sink.mjs PORT');
  process.exit(2);
}

const counts = { traces: { requests: 0, bytes: 0, spans: 0 }, metrics: { requests: 0, bytes: 0 }, other: { requests: 0, bytes: 0 } };

// The length-delimited fields (wire type 2) of a protobuf message, as [field number, start, end].
function* messages(buffer, start = 0, end = buffer.length) {
  let i = start;
  const varint = () => {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      const byte = buffer[i++];
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
    }
  };
  while (i < end) {
    const key = varint();
    const type = key % 8;
    if (type === 0) varint();
    else if (type === 1) i += 8;
    else if (type === 5) i += 4;
    else if (type === 2) { const length = varint(); yield [Math.floor(key / 8), i, i + length]; i += length; }
    else throw new Error(`unexpected wire type ${type}`);
  }
}

// ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1 }, ResourceSpans { repeated ScopeSpans
// scope_spans = 2 }, ScopeSpans { repeated Span spans = 2 } (opentelemetry-proto).
function spansIn(buffer) {
  let spans = 0;
  for (const [resource, rs, re] of messages(buffer)) {
    if (resource !== 1) continue;
    for (const [scope, ss, se] of messages(buffer, rs, re)) {
      if (scope !== 2) continue;
      for (const [field] of messages(buffer, ss, se)) if (field === 2) spans++;
    }
  }
  return spans;
}

http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/counts') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const bytes = Buffer.concat(chunks);
    const kind = request.method === 'POST' && { '/v1/traces': 'traces', '/v1/metrics': 'metrics' }[request.url] || 'other';
    counts[kind].requests++;
    counts[kind].bytes += bytes.length;
    if (kind === 'traces') {
      try {
        counts.traces.spans += spansIn(request.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes);
      } catch (error) {
        console.error(`A trace export that is not OTLP protobuf: ${error.message}`);
      }
    }
    response.writeHead(kind === 'other' ? 404 : 200, { 'content-type': 'application/x-protobuf' }).end();
  });
}).listen(port, '127.0.0.1', () => console.error(`OTLP sink on http://127.0.0.1:${port}`));
