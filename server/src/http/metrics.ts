/**
 * `GET /metrics`, in Prometheus's text format: requests by route and status and their duration, the 503s
 * and 500s that say a dependency or the server failed, and the process's own metrics (memory, CPU, event
 * loop, garbage collection). Answered only to the addresses of `SEL_METRICS_FROM`; anyone else gets the
 * 404 of an unknown path, so that the endpoint is not even seen to exist.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AddressList } from '../auth/address-list.js';
import { MAIL_KINDS, type MailService } from '../mail/index.js';

/** Why the server answered 5xx: a dependency that did not answer, or a fault of its own (500). */
export type ServerErrorCause = 'directory_unavailable' | 'shared_state_unavailable' | 'internal';

declare module 'fastify' {
  interface FastifyInstance {
    /** The counter of `ServerErrorCause`s, which the error handler increments; absent without metrics. */
    serverErrors?: Counter<'cause'>;
  }
}

/** The label of requests that matched no route: the raw path would give Prometheus one series per URL. */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * `monitoring`: the hosts of `SEL_METRICS_FROM`, the only ones that read the metrics. `mail`: the relay's
 * queue, whose mails sent and given up are counted by kind.
 */
export function installMetrics(app: FastifyInstance, monitoring: AddressList, mail?: MailService): void {
  // A registry per application, not prom-client's global one: the tests build several in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request received to the answer sent, by method, route pattern and status code.',
    labelNames,
    registers: [registry],
  });
  const serverErrors = new Counter({
    name: 'sel_server_errors_total',
    help:
      'Answers 503 because the directory or the shared state (Redis) did not answer, and 500 because the ' +
      'server failed (the file store among others), by cause.',
    labelNames: ['cause'] as const,
    registers: [registry],
  });
  // Every cause at zero from the start: an alert on rate() needs the series before the first error.
  for (const cause of ['directory_unavailable', 'shared_state_unavailable', 'internal'] satisfies ServerErrorCause[]) {
    serverErrors.inc({ cause }, 0);
  }
  app.decorate('serverErrors', serverErrors);
  if (mail) countMails(registry, mail);

  app.addHook('onResponse', (request, reply, done) => {
    const labels = { method: request.method, route: routeOf(request), status_code: String(reply.statusCode) };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  app.get('/metrics', async (request, reply) => {
    // request.ip is the client's address as the trusted proxies report it, so that a client on the
    // Internet does not read the metrics because the proxy in front of it connects from loopback.
    if (!monitoring.has(request.ip)) {
      reply.callNotFound();
      return reply;
    }
    const text = await registry.metrics();
    return reply.header('Cache-Control', 'no-store').type(registry.contentType).send(text);
  });
}

function countMails(registry: Registry, mail: MailService): void {
  const mails = new Counter({
    name: 'sel_mails_total',
    help: 'Mails taken by the relay (sent) or given up (failed), by kind.',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  for (const kind of MAIL_KINDS) for (const outcome of ['sent', 'failed']) mails.inc({ kind, outcome }, 0);
  mail.onOutcome(({ kind, outcome }) => mails.inc({ kind, outcome }));
  new Gauge({
    name: 'sel_mails_pending',
    help: 'Mails waiting for the relay, retries included.',
    registers: [registry],
    collect() {
      this.set(mail.counts.pending);
    },
  });
}

function routeOf(request: FastifyRequest): string {
  return (request.routeOptions.url as string | undefined) ?? UNMATCHED_ROUTE;
}
