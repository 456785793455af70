/**
 * A stand-in for a CAS 3.0 server's validation endpoint, answering `/cas/p3/serviceValidate` with documents
 * shaped as LemonLDAP::NG's (the CAS server `test:services` runs for real): tickets it issued are valid once,
 * for the service they were issued to; attributes come in an order that changes between answers.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { BrowserLikeClient } from './browser-like-client.js';

/** How the fake answers serviceValidate: as a CAS server does, with an HTTP error status, or not at all. */
export type FakeCasBehaviour = 'answer' | 'hang' | { status: number };

export class FakeCas {
  readonly tickets = new Map<string, { user: string; service: string }>();
  readonly requests: string[] = [];
  behaviour: FakeCasBehaviour = 'answer';
  private server: Server | undefined;
  url = '';

  issue(user: string, service: string): string {
    const ticket = `ST-${randomBytes(12).toString('hex')}`;
    this.tickets.set(ticket, { user, service });
    return ticket;
  }

  /**
   * What a browser does to log in: to the server's login (which sets its cookie and sends it on to CAS),
   * through CAS (which issues a ticket for the service URL it was given), back to that URL with the ticket.
   */
  async logIn(
    client: BrowserLikeClient,
    returnPath = '/',
    user = 'cmartin',
  ): Promise<{ ticket: string; service: string; landing: Response }> {
    const login = await client.request(`/auth/login?return=${encodeURIComponent(returnPath)}`);
    assert.equal(login.status, 302);
    const location = new URL(login.headers.get('Location') ?? '');
    assert.equal(`${location.origin}${location.pathname}`, `${this.url}/login`);
    const service = location.searchParams.get('service') ?? '';
    assert.equal(new URL(service).pathname, '/auth/cas', service);
    const ticket = this.issue(user, service);
    const callback = new URL(service);
    callback.searchParams.set('ticket', ticket);
    const landing = await client.request(callback.pathname + callback.search);
    return { ticket, service, landing };
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      this.requests.push(url.pathname + url.search);
      if (url.pathname !== '/cas/p3/serviceValidate') {
        response.writeHead(404).end();
        return;
      }
      if (this.behaviour === 'hang') return;
      if (this.behaviour !== 'answer') {
        response.writeHead(this.behaviour.status, { 'Content-Type': 'text/html' }).end('<h1>Unavailable</h1>');
        return;
      }
      const ticket = url.searchParams.get('ticket') ?? '';
      const service = url.searchParams.get('service') ?? '';
      const issued = this.tickets.get(ticket);
      this.tickets.delete(ticket);
      response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      if (!issued) return response.end(failure('INVALID_TICKET', `Ticket ${ticket} not recognized`));
      if (issued.service !== service) return response.end(failure('INVALID_SERVICE', 'Service mismatch'));
      response.end(success(issued.user));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    this.url = `http://127.0.0.1:${address.port}/cas`;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    // Requests left hanging would keep it open.
    this.server?.closeAllConnections();
    await closed;
  }
}

let answers = 0;

function success(user: string): string {
  const attributes = [
    '<cas:mail>claire.martin@univ-exemple.fr</cas:mail>',
    '<cas:cn>Claire Martin &amp; co</cas:cn>',
    '<cas:eduPersonAffiliation>staff</cas:eduPersonAffiliation>',
    '<cas:eduPersonAffiliation>member</cas:eduPersonAffiliation>',
  ];
  // The order of attributes varies between answers, as it does with the real server.
  if (answers++ % 2 === 1) attributes.reverse();
  return `<?xml version="1.0" encoding="UTF-8"?>
<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
\t<cas:authenticationSuccess>
\t\t<cas:user>${user}</cas:user>
\t\t<cas:attributes>
\t\t\t${attributes.join('\n\t\t\t')}
\t\t</cas:attributes>
\t</cas:authenticationSuccess>
</cas:serviceResponse>
`;
}

function failure(code: string, message: string): string {
  return `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
\t<cas:authenticationFailure code="${code}">${message}</cas:authenticationFailure>
</cas:serviceResponse>
`;
}

/** The back-channel single-logout request LemonLDAP::NG posts: the NameID is a placeholder. */
export function logoutRequest(ticket: string): string {
  return `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="LR-${randomBytes(6).toString('hex')}" Version="2.0" IssueInstant="2026-11-29T07:00:00Z"><saml:NameID>@NOT_USED@</saml:NameID><samlp:SessionIndex>${ticket}</samlp:SessionIndex></samlp:LogoutRequest>`;
}
