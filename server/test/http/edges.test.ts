/**
 * The edges of HTTP an attacker leans on: a body sent one byte at a time gets 408 and its connection
 * closes, connections beyond the cap are refused, the API reads JSON bodies only, and an error Fastify
 * meets before routing is a problem with the same security headers as every answer.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BrowserLikeClient } from '../support/browser-like-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let port: number;
before(async () => {
  server = await startTestServer({}, { requestTimeoutMs: 1_000, maxConnections: 8 });
  port = Number(new URL(server.url).port);
});
after(() => server.close());

function openSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it closes the connection, and when it closed it. */
function readUntilClosed(socket: Socket): Promise<{ text: string; closedAt: number }> {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => {});
    socket.once('close', () => resolve({ text, closedAt: Date.now() }));
  });
}

/** Sends the start of a 200-byte JSON body, then one byte every 200 ms: the whole would take 40 s. */
async function slowPost(path: string, headers = ''): Promise<{ text: string; elapsedMs: number }> {
  const socket = await openSocket();
  const answer = readUntilClosed(socket);
  const started = Date.now();
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}` +
      'Content-Length: 200\r\n\r\n{',
  );
  const drip = setInterval(() => socket.writable && socket.write(' '), 200);
  try {
    const { text, closedAt } = await answer;
    return { text, elapsedMs: closedAt - started };
  } finally {
    clearInterval(drip);
    socket.destroy();
  }
}

describe('a slow request', () => {
  it('gets 408 and its connection closes once the request timeout passes', async () => {
    const client = new BrowserLikeClient(server.url);
    await client.login();
    const { text, elapsedMs } = await slowPost(
      '/api/account/password',
      `Cookie: ${client.cookie}\r\nX-CSRF-Token: ${client.csrf}\r\nOrigin: ${server.url}\r\n`,
    );
    assert.match(text, /^HTTP\/1\.1 408 /);
    // The timeout is 1 s; Node checks every 250 ms here. Generous, for a busy machine.
    assert.ok(elapsedMs < 8_000, `closed after ${elapsedMs} ms`);
  });

  it('answered before its body arrived (no session), its connection still closes', async () => {
    const { text, elapsedMs } = await slowPost('/api/account/password');
    assert.match(text, /^HTTP\/1\.1 401 /);
    assert.ok(elapsedMs < 8_000, `closed after ${elapsedMs} ms`);
  });
});

describe('the connection cap', () => {
  it('refuses connections beyond it, and serves again once they close', async () => {
    const held = await Promise.all(Array.from({ length: 8 }, () => openSocket()));
    try {
      const extra = await openSocket();
      const { text } = await readUntilClosed(extra);
      assert.equal(text, '', 'a connection over the cap is closed without an answer');
    } finally {
      for (const socket of held) socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });
});

describe('the API', () => {
  it('takes JSON bodies only: a text or form body gets 415 problem+json', async () => {
    const client = new BrowserLikeClient(server.url);
    await client.login();
    for (const [type, body] of [
      ['text/plain', '{"redList":true}'],
      ['application/x-www-form-urlencoded', 'redList=true'],
      ['multipart/form-data; boundary=x', '--x--'],
    ] as const) {
      const response = await client.request('/api/account', {
        method: 'PATCH',
        body,
        headers: {
          'Content-Type': type,
          'If-Match': await client.version(),
          'X-CSRF-Token': client.csrf,
          Origin: server.url,
        },
      });
      assert.equal(response.status, 415, type);
      assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8', type);
      assert.equal(((await response.json()) as { code: string }).code, 'unsupported_media_type', type);
    }
    assert.equal((await client.api('/account')).status, 200);
  });
});

describe('errors Fastify meets before routing', () => {
  it('are problems with the security headers (a path that is not UTF-8)', async () => {
    const response = await fetch(`${server.url}/api/account/%ff%fe`);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(((await response.json()) as { code: string }).code, 'bad_request');
  });
});
