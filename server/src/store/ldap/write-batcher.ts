/**
 * Requests sent to the directory in one turn of the event loop leave in one write per connection. ldapts
 * writes every operation to its socket at once, and on a busy server a write system call per search costs
 * more CPU than building and reading the search itself (a fifth of a `GET /account` in a CPU profile), while
 * the HTTP requests of many people arrive together and start their searches in the same turn. A socket held
 * here is corked until the turn ends (`setImmediate` runs once the pending I/O callbacks of the turn have
 * run), then everything it was given goes out in one `writev`. Nothing waits longer than that turn.
 */
import type { Duplex } from 'node:stream';

export class WriteBatcher {
  private readonly held = new Set<Duplex>();
  private flushing = false;

  /** Whether `socket` already holds writes of this turn: sending there adds no system call. */
  holds(socket: Duplex | undefined): boolean {
    return socket !== undefined && this.held.has(socket);
  }

  /** Holds the writes made to `socket` until the end of this turn of the event loop. */
  hold(socket: Duplex): void {
    if (this.held.has(socket) || socket.destroyed) return;
    socket.cork();
    this.held.add(socket);
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushing = false;
    for (const socket of this.held) if (!socket.destroyed) socket.uncork();
    this.held.clear();
  }
}
