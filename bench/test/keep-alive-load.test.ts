/**
 * The bench's lean load generator counts what a server answered, reads the headers the bench relies on
 * (ETag, Set-Cookie), counts refusals, and fails loudly on an answer it cannot delimit.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { keepAliveLoad, quantile, type Answer } from '../server/support/keep-alive-load.js';

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test('counts the answers, one request in flight per connection, and reads ETag and Set-Cookie', async () => {
  let answered = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const { url, server } = await serve((request, response) => {
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    setImmediate(() => {
      inFlight -= 1;
      answered += 1;
      const refused = request.url === '/refuse';
      const body = refused ? '{"code":"conflict"}' : '{"ok":true}';
      response.writeHead(refused ? 409 : 200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        ETag: `"v${answered}"`,
        'Set-Cookie': 'session=abc; Path=/; HttpOnly',
      });
      response.end(body);
    });
  });
  try {
    const answers: Answer[] = [];
    let sent = 0;
    const run = await keepAliveLoad({
      url,
      connections: 4,
      seconds: 0.3,
      nextRequest: () => ({ method: 'GET', path: sent++ % 10 === 9 ? '/refuse' : '/ok', headers: { accept: '*/*' } }),
      onAnswer: (_request, answer) => answers.push(answer),
    });
    assert.ok(run.operations > 20, `only ${run.operations} answers in 0.3 s`);
    // Answers after the end are read but not counted: at most one per connection.
    assert.ok(answered - run.operations <= 4 && answered >= run.operations, `${answered} answered, ${run.operations}`);
    assert.equal(mostInFlight <= 4, true);
    assert.equal(run.latencies.length, run.operations);
    assert.ok(run.failed > 0 && run.failed <= Math.ceil(run.operations / 10) + 4);
    assert.match(answers[0]!.etag ?? '', /^"v\d+"$/);
    assert.equal(answers[0]!.setCookie, 'session=abc; Path=/; HttpOnly');
    const refusal = answers.find((answer) => answer.status === 409);
    assert.equal(refusal?.body, '{"code":"conflict"}');
  } finally {
    server.close();
  }
});

test('an answer without Content-Length fails the connection instead of being guessed', async () => {
  const { url, server } = await serve((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.write('chunked ');
    response.end('answer');
  });
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...values: unknown[]) => errors.push(values);
  try {
    const run = await keepAliveLoad({
      url,
      connections: 2,
      seconds: 0.2,
      nextRequest: () => ({ method: 'GET', path: '/', headers: {} }),
      onAnswer: () => undefined,
    });
    assert.equal(run.operations, 0);
    assert.equal(run.failed, 2);
    assert.match(String(errors.flat()), /without Content-Length/);
  } finally {
    console.error = original;
    server.close();
  }
});

test('quantile: nearest rank', () => {
  assert.equal(quantile([], 0.5), 0);
  assert.equal(quantile([5, 1, 3, 2, 4], 0.5), 3);
  assert.equal(
    quantile(
      Array.from({ length: 100 }, (_, index) => index + 1),
      0.99,
    ),
    99,
  );
});
