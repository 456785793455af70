import { createServer } from 'node:net';

/**
 * A TCP port that is free on 127.0.0.1 right now, found by letting the kernel pick one. Another process may
 * take it before the caller binds it: the harnesses retry a start that fails for that reason.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('The kernel gave no port.'))));
    });
  });
}
