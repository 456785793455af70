/**
 * A closed-loop HTTP/1.1 load generator on plain keep-alive sockets: each connection sends one request,
 * reads its whole answer, then sends the next, until the time is up.
 *
 * Why not autocannon alone: on a machine of two cores the load generator shares the cores with the server
 * and slapd, so what it costs per request lowers the throughput it measures. autocannon rebuilds each
 * request's context with a deep clone and parses answers with a parser written in JavaScript: 65–100 µs of
 * CPU per request here, as much as the raw LDAP side's whole client. The server's users are browsers on
 * other machines; the nearest a bench on one machine comes to that is a load generator that costs little.
 * This one writes each request as one string and reads only the status line, `Content-Length`, `ETag` and
 * `Set-Cookie` of each answer. `--http-client autocannon` keeps the old one, for comparison.
 *
 * What it does not do, on purpose: pipelining (one request in flight per connection, as a browser tab),
 * chunked answers (an answer without `Content-Length` fails the run loudly, it is not guessed).
 */
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One request to send, built by the caller (who may add what it needs to find again with the answer). */
export interface OutgoingRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The parts of an answer a bench reads: the body only for an answer other than 200. */
export interface Answer {
  status: number;
  etag: string | undefined;
  setCookie: string | undefined;
  body: string;
}

export interface KeepAliveRun {
  /** Answers counted within the time: one per request completed before the end. */
  operations: number;
  perSecond: number;
  /** Milliseconds from writing a request to having read its whole answer. */
  latencies: number[];
  /** Answers other than 2xx, and connections that failed. */
  failed: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const EMPTY = Buffer.alloc(0);

/**
 * Reads answers from one socket: `next()` resolves with the next whole answer. Bytes are kept until an
 * answer is complete; nothing arrives unasked (no pipelining), so at most one answer is buffered at a time.
 */
class AnswerReader {
  private buffered: Buffer = EMPTY;
  private waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.deliver();
    });
    socket.on('error', (error: Error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('the server closed the connection')));
  }

  next(): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.deliver();
    });
  }

  private deliver(): void {
    if (!this.waiting) return;
    const headerEnd = this.buffered.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    // Header names compared in lower case; the status line is `HTTP/1.1 200 OK`.
    const head = this.buffered.toString('latin1', 0, headerEnd);
    const lowerHead = head.toLowerCase();
    const status = Number(head.slice(9, 12));
    const length = headerValue(head, lowerHead, 'content-length');
    if (length === undefined) {
      this.fail(new Error(`an answer without Content-Length (status ${status})`));
      return;
    }
    const bodyStart = headerEnd + HEADER_END.length;
    const end = bodyStart + Number(length);
    if (this.buffered.length < end) return;
    if (this.buffered.length > end) {
      this.fail(new Error('bytes after an answer that was not asked for'));
      return;
    }
    const answer: Answer = {
      status,
      etag: headerValue(head, lowerHead, 'etag'),
      setCookie: headerValue(head, lowerHead, 'set-cookie'),
      // Decoded only when someone will read it: the text of a refusal, for the bench's message.
      body: status === 200 ? '' : this.buffered.toString('utf8', bodyStart, end),
    };
    this.buffered = EMPTY;
    const { resolve } = this.waiting;
    this.waiting = undefined;
    resolve(answer);
  }

  /** Rejects the answer awaited, and every later one: a connection that failed once is not read again. */
  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(this.failure);
    this.waiting = undefined;
  }
}

/** The value of the first header `name` (lower case) of an answer's head, or undefined. */
function headerValue(head: string, lowerHead: string, name: string): string | undefined {
  const at = lowerHead.indexOf(`\r\n${name}:`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  const end = head.indexOf('\r\n', start);
  return head.slice(start, end < 0 ? undefined : end).trim();
}

function openSocket(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    socket.setNoDelay(true);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

function serialise(request: OutgoingRequest, host: string): string {
  let text = `${request.method} ${request.path} HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\n`;
  for (const [name, value] of Object.entries(request.headers)) text += `${name}: ${value}\r\n`;
  if (request.body !== undefined) text += `content-length: ${Buffer.byteLength(request.body)}\r\n`;
  return `${text}\r\n${request.body ?? ''}`;
}

export interface KeepAliveOptions<Request extends OutgoingRequest> {
  url: string;
  connections: number;
  seconds: number;
  /** Builds the next request of a connection; `onAnswer` receives it back with its answer. */
  nextRequest: () => Request;
  onAnswer: (request: Request, answer: Answer) => void;
}

/**
 * Runs `connections` loops for `seconds`. Connections are opened before the clock starts; an answer that
 * arrives after the end is not counted (as autocannon does), and the run waits for it so that nothing is
 * left in flight for the next run.
 */
export async function keepAliveLoad<Request extends OutgoingRequest>(
  options: KeepAliveOptions<Request>,
): Promise<KeepAliveRun> {
  const url = new URL(options.url);
  const sockets = await Promise.all(Array.from({ length: options.connections }, () => openSocket(url)));
  const latencies: number[] = [];
  let failed = 0;
  let operations = 0;
  const started = performance.now();
  const endsAt = started + options.seconds * 1000;
  const loop = async (socket: Socket) => {
    const reader = new AnswerReader(socket);
    while (performance.now() < endsAt) {
      const request = options.nextRequest();
      const sentAt = performance.now();
      socket.write(serialise(request, url.host));
      const answer = await reader.next();
      const answeredAt = performance.now();
      options.onAnswer(request, answer);
      if (answeredAt > endsAt) break;
      operations += 1;
      latencies.push(answeredAt - sentAt);
      if (answer.status < 200 || answer.status > 299) failed += 1;
    }
  };
  try {
    const outcomes = await Promise.allSettled(sockets.map(loop));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        failed += 1;
        console.error('a connection of the load generator failed:', outcome.reason);
      }
    }
  } finally {
    for (const socket of sockets) socket.destroy();
  }
  return { operations, perSecond: operations / options.seconds, latencies, failed };
}

/** The value at quantile `q` (0–1) of `values`, nearest rank; 0 for none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
