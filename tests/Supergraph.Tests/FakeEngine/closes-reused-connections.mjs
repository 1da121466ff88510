#!/usr/bin/env node
// A stand-in for `grafbase dev -c CONFIG --listen-address HOST:PORT` that closes a keep-alive connection
// when a second request arrives on it, without answering: what a pooled connection looks like when the
// engine closed it just as the edge reused it. Every first request on a connection gets a GraphQL answer
// that echoes the query it received, so a test sees whether the whole body arrived.
import { createServer } from 'node:http';

const listen = process.argv[process.argv.indexOf('--listen-address') + 1];
const [host, port] = [listen.slice(0, listen.lastIndexOf(':')), Number(listen.slice(listen.lastIndexOf(':') + 1))];
const answered = new WeakSet();

createServer((request, response) => {
  if (request.url === '/health') {
    response.end('{"status":"healthy"}');
    return;
  }

  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    if (answered.has(request.socket)) {
      request.socket.destroy();
      return;
    }

    answered.add(request.socket);
    response.setHeader('content-type', 'application/graphql-response+json');
    let query;
    try {
      query = JSON.parse(body).query;
    } catch (error) {
      response.end(JSON.stringify({ errors: [{ message: `unreadable body (${error.message}): ${body}` }] }));
      return;
    }
    response.end(JSON.stringify({ data: { query } }));
  });
}).listen(port, host);
