import { expect } from '@open-wc/testing';
import {
  createStrengthWorker,
  mainThreadStrengthEngine,
  WorkerStrengthEngine,
  type StrengthWorker,
} from '../../../src/elements/password-change/strength-engine.js';
import type { StrengthReply, StrengthRequest } from '../../../src/elements/password-change/strength-protocol.js';

const CLAIRE_INPUTS = ['cmartin', 'Claire', 'Martin', 'poitiers'];
const SAMPLES = ['password', 'cmartin2026Claire', 'vRq7-tuba-Plinthe-orage-9sé', 'p@$$w0rd!'.repeat(8)];

/** A worker that answers what `reply` says, for the failures a real one cannot be made to have on demand. */
class ScriptedWorker extends EventTarget implements StrengthWorker {
  readonly received: StrengthRequest[] = [];
  terminated = false;
  constructor(private readonly reply: (request: StrengthRequest) => StrengthReply) {
    super();
  }
  postMessage(request: StrengthRequest): void {
    this.received.push(request);
    queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: this.reply(request) })));
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('WorkerStrengthEngine', () => {
  it('scores in a module worker exactly as the main thread does, with one worker for every request', async () => {
    const workers: Worker[] = [];
    const engine = new WorkerStrengthEngine(() => {
      const worker = createStrengthWorker();
      workers.push(worker);
      return worker;
    });
    expect(workers, 'no worker before the first use').to.have.length(0);
    await engine.prepare('fr');
    expect(workers).to.have.length(1);
    for (const password of SAMPLES) {
      const [inWorker, onMainThread] = await Promise.all([
        engine.score('fr', password, CLAIRE_INPUTS),
        mainThreadStrengthEngine.score('fr', password, CLAIRE_INPUTS),
      ]);
      expect(inWorker, password).to.deep.equal(onMainThread);
    }
    expect((await engine.score('en', 'aaaaaaaa', [])).suggestions).to.include('Avoid repeated words and characters.');
    expect(engine.offMainThread).to.equal(true);
    expect(workers).to.have.length(1);
    workers[0]!.terminate();
  });

  it('answers concurrent scores each with its own result', async () => {
    const engine = new WorkerStrengthEngine(createStrengthWorker);
    const results = await Promise.all(SAMPLES.map((password) => engine.score('fr', password, CLAIRE_INPUTS)));
    const expected = await Promise.all(
      SAMPLES.map((password) => mainThreadStrengthEngine.score('fr', password, CLAIRE_INPUTS)),
    );
    expect(results).to.deep.equal(expected);
  });

  it('falls back to the main thread when the worker cannot be constructed', async () => {
    const engine = new WorkerStrengthEngine(() => {
      throw new DOMException('Script at another origin', 'SecurityError');
    });
    await engine.prepare('fr');
    expect(engine.offMainThread).to.equal(false);
    expect((await engine.score('fr', 'password', [])).score).to.equal(0);
  });

  it('falls back to the main thread when the worker script fails to load, answering what was asked of it', async () => {
    const engine = new WorkerStrengthEngine(() => new Worker('/no-such-strength-worker.js', { type: 'module' }));
    const [, result] = await Promise.all([engine.prepare('fr'), engine.score('fr', 'cmartin', CLAIRE_INPUTS)]);
    expect(result.score).to.equal(0);
    expect(engine.offMainThread).to.equal(false);
  });

  it('falls back to the main thread when the worker cannot load its dictionaries', async () => {
    const worker = new ScriptedWorker((request) =>
      request.type === 'prepare'
        ? { type: 'failed', language: request.language }
        : { type: 'score-failed', id: request.id },
    );
    const engine = new WorkerStrengthEngine(() => worker);
    await engine.prepare('fr');
    expect(engine.offMainThread).to.equal(false);
    expect(worker.terminated).to.equal(true);
    expect((await engine.score('fr', 'password', [])).score).to.equal(0);
    expect(worker.received).to.have.length(1);
  });

  it('falls back under a Content-Security-Policy whose worker-src forbids the worker', async () => {
    // A same-origin frame with its own policy: scripts from the page's origin, no workers at all.
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="worker-src 'none'">
      <script type="module">
        import { WorkerStrengthEngine, createStrengthWorker } from '/src/elements/password-change/strength-engine.ts';
        const engine = new WorkerStrengthEngine(createStrengthWorker);
        const result = await engine.score('fr', 'password', []);
        parent.postMessage({ csp: true, score: result.score, offMainThread: engine.offMainThread }, '*');
      </script>`;
    const answer = new Promise<{ score: number; offMainThread: boolean }>((resolve) => {
      const listen = (event: MessageEvent) => {
        if (!(event.data as { csp?: boolean }).csp) return;
        window.removeEventListener('message', listen);
        resolve(event.data as { score: number; offMainThread: boolean });
      };
      window.addEventListener('message', listen);
    });
    document.body.append(frame);
    try {
      expect(await answer).to.deep.equal({ csp: true, score: 0, offMainThread: false });
    } finally {
      frame.remove();
    }
  });
});
