/**
 * Network emulation and byte counting for one page and the workers it starts.
 *
 * `Network.emulateNetworkConditions` throttles the target it is sent to; a dedicated worker fetches its own
 * imports (zxcvbn and the dictionaries), so the conditions are also sent to every worker, attached as it
 * starts and held paused until they are in place. Bytes are what crossed the (emulated) wire: the
 * `encodedDataLength` of each finished request, headers and compressed body.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import type { NetworkPreset } from './network-presets.js';

interface LoadingFinished {
  requestId: string;
  encodedDataLength: number;
  timestamp: number;
}

interface RequestWillBeSent {
  requestId: string;
  request: { url: string };
}

interface AttachedToTarget {
  sessionId: string;
  targetInfo: { type: string };
  waitingForDebugger: boolean;
}

export class NetworkSession {
  private bytes = 0;
  private readonly urls = new Map<string, string>();
  /** URL and bytes of every finished request, in order: printed on demand to check what a phase fetched. */
  readonly finished: { url: string; bytes: number; at: number }[] = [];

  private constructor(private readonly preset: NetworkPreset) {}

  static async attach(page: Page, preset: NetworkPreset): Promise<NetworkSession> {
    const tracker = new NetworkSession(preset);
    const session = await page.createCDPSession();
    await tracker.watch(session);
    session.on('Target.attachedToTarget', (event: AttachedToTarget) => {
      const child = session.connection()?.session(event.sessionId);
      if (!child) return;
      const ready = event.targetInfo.type === 'worker' ? tracker.watch(child, true) : Promise.resolve();
      void ready
        .then(() => (event.waitingForDebugger ? child.send('Runtime.runIfWaitingForDebugger') : undefined))
        .catch(() => undefined);
    });
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
    return tracker;
  }

  /** Bytes received since the last call. */
  takeBytes(): number {
    const bytes = this.bytes;
    this.bytes = 0;
    return bytes;
  }

  private async watch(session: CDPSession, isWorker = false): Promise<void> {
    session.on('Network.requestWillBeSent', (event: RequestWillBeSent) =>
      this.urls.set(event.requestId, event.request.url),
    );
    session.on('Network.loadingFinished', (event: LoadingFinished) => {
      this.bytes += event.encodedDataLength;
      this.finished.push({
        url: this.urls.get(event.requestId) ?? '?',
        bytes: event.encodedDataLength,
        at: event.timestamp,
      });
    });
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    try {
      await session.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: this.preset.latency,
        downloadThroughput: this.preset.downloadThroughput,
        uploadThroughput: this.preset.uploadThroughput,
      });
    } catch (error) {
      // A dedicated worker answers « Not supported »: its requests go through its page's conditions.
      if (!isWorker) throw error;
    }
  }
}
