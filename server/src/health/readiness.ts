/**
 * What `/readyz` says of each thing outside the process that the server needs (the store, the directory,
 * the shared state, the mail relay), and the log line an administrator reads when one of them changes
 * state: one `warn` with the cause when it fails, one `info` when it is back, never one per request.
 */
import type { FastifyBaseLogger } from 'fastify';

/** `ok`, or why not, in words an administrator can act on; never a secret. */
export type Readiness = { ok: true } | { ok: false; reason: string };

export const READY: Readiness = Object.freeze({ ok: true });

/** The logger the parts outside HTTP write to (the stores, the shared state): pino's, or a silent one. */
export type OperationsLogger = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export const SILENT_LOGGER: OperationsLogger = { info() {}, warn() {}, error() {} };

/**
 * Remembers whether a dependency answers and logs only the changes: a directory down for an hour under
 * load writes two lines, not one per request.
 */
export class DependencyState {
  private failing: string | undefined;

  constructor(
    private readonly name: string,
    private readonly logger: OperationsLogger,
  ) {}

  /** The dependency answered. */
  up(): void {
    if (this.failing === undefined) return;
    this.failing = undefined;
    this.logger.info({ dependency: this.name }, `${this.name} answers again`);
  }

  /** The dependency failed; `reason` names the cause without a secret. */
  down(reason: string): void {
    if (this.failing === reason) return;
    this.failing = reason;
    this.logger.warn({ dependency: this.name, reason }, `${this.name} is unavailable: ${reason}`);
  }

  get readiness(): Readiness {
    return this.failing === undefined ? READY : { ok: false, reason: this.failing };
  }
}
