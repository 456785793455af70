import { execFileSync, type ChildProcess } from 'node:child_process';

/**
 * Fails with a message naming the script that installs `binary` when it is not on the PATH: the tests
 * install nothing themselves, and a missing service is a failure, never a skipped test.
 */
export function requireBinary(binary: string, ensureScript: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${binary} is not installed: run "bash scripts/${ensureScript}" (root, apt) first.`);
  }
}

/**
 * Stops one child that this process started: SIGTERM, then SIGKILL if it is still alive after `graceMs`.
 * Resolves once the child has exited, so that its port and files are free for the caller.
 */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Polls `probe` until it resolves true, or fails after `timeoutMs` with `what` and the child's output. */
export async function waitUntil(
  probe: () => Promise<boolean>,
  options: { timeoutMs: number; what: string; child: ChildProcess; output: () => string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (options.child.exitCode !== null || options.child.signalCode !== null) {
      throw new Error(`${options.what} exited before it answered:\n${options.output()}`);
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(`${options.what} did not answer within ${options.timeoutMs} ms:\n${options.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Keeps the last `limit` characters a child wrote, for the message of a failed start. */
export function collectOutput(child: ChildProcess, limit = 4000): () => string {
  let text = '';
  const keep = (chunk: Buffer): void => {
    text = (text + chunk.toString('utf8')).slice(-limit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}
