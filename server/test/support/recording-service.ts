import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request that the CAS server sent to the service on its own (a back-channel logout). */
export interface ReceivedPost {
  path: string;
  contentType: string;
  /** The urlencoded body, decoded. */
  form: URLSearchParams;
}

export interface RecordingService {
  /** The service URL given to CAS, `http://127.0.0.1:PORT/after-login`. */
  readonly url: string;
  readonly posts: ReceivedPost[];
  /** Resolves with the next POST (or one already received and not yet taken), or fails after `timeoutMs`. */
  nextPost(timeoutMs?: number): Promise<ReceivedPost>;
  stop(): Promise<void>;
}

/**
 * A stand-in for the application that CAS sends people back to: GET shows a plain page saying it was
 * reached (where a browser lands with its ticket), POST is recorded and answered 200 the way a CAS client
 * acknowledges a back-channel logout request.
 */
export async function startRecordingService(): Promise<RecordingService> {
  const posts: ReceivedPost[] = [];
  let taken = 0;
  const waiters: (() => void)[] = [];
  const server = createServer((request, response) => {
    if (request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        posts.push({
          path: request.url ?? '',
          contentType: request.headers['content-type'] ?? '',
          form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
        });
        waiters.splice(0).forEach((wake) => wake());
        response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><html lang="fr"><title>Service</title><h1>Service atteint</h1></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const nextPost = async (timeoutMs = 5000): Promise<ReceivedPost> => {
    const deadline = Date.now() + timeoutMs;
    while (posts.length <= taken) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`The service received no POST within ${timeoutMs} ms.`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return posts[taken++]!;
  };
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}/after-login`, posts, nextPost, stop };
}
