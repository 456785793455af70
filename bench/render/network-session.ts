/**
 * Network emulation and byte counting for one page and the workers it starts.
 *
 * `Network.emulateNetworkConditions` is sent to the page. A dedicated worker fetches its own imports
 * (zxcvbn and the dictionaries): Chromium answers « Not supported » to the same command sent to the worker,
 * whose requests go through its page's conditions (the worker's chunks take as long as the preset predicts,
 * 0.56 s of latency each and the bytes at its throughput). The worker is still attached as it starts, held
 * until its session listens, so that its requests are counted. Bytes are what crossed the (emulated) wire:
 * the `encodedDataLength` of each finished request, headers and compressed body.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import type { NetworkPreset } from './network-presets.js';

interface LoadingFinished {
  requestId: string;
  encodedDataLength: number;
}

interface AttachedToTarget {
  sessionId: string;
  targetInfo: { type: string };
  waitingForDebugger: boolean;
}

export class NetworkSession {
  private bytes = 0;

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
    session.on('Network.loadingFinished', (event: LoadingFinished) => (this.bytes += event.encodedDataLength));
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
