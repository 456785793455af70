/** What the RestAdapter tests hand the adapter instead of the network, and how they read its failures. */
import { expect } from '@open-wc/testing';
import { SelError } from '../../src/api/errors.js';
import { demoAccount } from '../../src/mocks/demo-account.js';

export interface Sent {
  url: string;
  init: RequestInit;
  headers: Headers;
}

/** A fetch double that records what it is sent and answers with `respond`. */
export function fakeFetch(respond: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const record = { url: String(input), init, headers: new Headers(init.headers) };
    sent.push(record);
    return respond(record);
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

/** A 200 with `body` as JSON, and an ETag unless `headers` leaves it out. */
export function accountResponse(body: unknown = demoAccount(), headers: Record<string, string> = { ETag: '"7"' }) {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** What `promise` rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** The `SelError` `promise` rejects with; fails when it resolves or rejects with anything else. */
export async function selError(promise: Promise<unknown>): Promise<SelError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(SelError);
  return error as SelError;
}
