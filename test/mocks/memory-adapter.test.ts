import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/mocks/memory-adapter.js';
import { SelError } from '../../src/api/errors.js';
import { DEMO_PASSWORD, demoAccount } from '../../src/mocks/demo-account.js';

async function failure(promise: Promise<unknown>): Promise<SelError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SelError) return error;
    throw error;
  }
  throw new Error('expected a SelError');
}

describe('MemoryAdapter (the semantics of the HTTP contract)', () => {
  it('moves the version on with each save and answers a stale one with a conflict', async () => {
    const adapter = new MemoryAdapter();
    const { version } = await adapter.getAccount();
    const saved = await adapter.updateAccount({ website: 'https://example.org/me' }, version);
    expect(saved.version).to.not.equal(version);
    expect(saved.account.website).to.equal('https://example.org/me');
    expect((await failure(adapter.updateAccount({ redList: true }, version))).status).to.equal(412);
  });

  it('refuses a part that is not editable with 403', async () => {
    const adapter = new MemoryAdapter({
      account: { ...demoAccount(), editable: { website: false, phones: true, redList: true, password: false } },
    });
    const { version } = await adapter.getAccount();
    expect((await failure(adapter.updateAccount({ website: null }, version))).kind).to.equal('forbidden');
    const password = await failure(adapter.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'x' }));
    expect(password.code).to.equal('change_not_allowed');
  });

  it('validates websites and phones as a server would, with field errors', async () => {
    const adapter = new MemoryAdapter();
    const { version } = await adapter.getAccount();
    const website = await failure(adapter.updateAccount({ website: 'javascript:alert(1)' }, version));
    expect(website.fieldErrors).to.deep.equal([{ field: 'website', code: 'unsupported_scheme' }]);
    const credentials = await failure(adapter.updateAccount({ website: 'https://me@example.org' }, version));
    expect(credentials.fieldErrors).to.deep.equal([{ field: 'website', code: 'credentials' }]);
    const phones = await failure(
      adapter.updateAccount(
        {
          phones: [
            { type: 'office', number: '05 49' },
            { type: 'mobile', number: '+33612345678' },
            { type: 'fax', number: '+33612345678' },
          ],
        },
        version,
      ),
    );
    expect(phones.fieldErrors).to.deep.equal([
      { field: 'phones[0].number', code: 'invalid_number' },
      { field: 'phones[2].number', code: 'duplicate' },
    ]);
  });

  it('checks the current password, the policy, and limits repeated wrong attempts', async () => {
    const adapter = new MemoryAdapter();
    const wrong = await failure(
      adapter.changePassword({ currentPassword: 'nope', newPassword: 'Another-Strong-2026' }),
    );
    expect(wrong.code).to.equal('wrong_current_password');
    const weak = await failure(adapter.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'short' }));
    expect(weak.code).to.equal('policy_violation');
    expect(weak.violations).to.include('too_short');
    for (let attempt = 0; attempt < 5; attempt++) {
      await failure(adapter.changePassword({ currentPassword: 'nope', newPassword: 'x' }));
    }
    const limited = await failure(adapter.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'x' }));
    expect(limited.kind).to.equal('rate_limited');
    expect(limited.retryAfterSeconds).to.be.greaterThan(0);
  });

  it('changes the password when everything is right', async () => {
    const adapter = new MemoryAdapter();
    await adapter.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'Vague-Ocean-Granit-42' });
    expect(adapter.currentPassword).to.equal('Vague-Ocean-Granit-42');
  });

  it('keeps its state in the storage it is given', async () => {
    const storage = new Map<string, string>();
    const persist = {
      storage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => void storage.set(key, value),
      },
      key: 'k',
    };
    const first = new MemoryAdapter({ persist });
    const { version } = await first.getAccount();
    await first.updateAccount({ redList: true }, version);
    const second = new MemoryAdapter({ persist });
    expect(second.account.redList).to.equal(true);
    expect(second.version).to.equal(first.version);
  });

  it('injects faults once or until cleared, and aborts on the signal', async () => {
    const adapter = new MemoryAdapter({ latencyMs: 1000 });
    const controller = new AbortController();
    const pending = adapter.getAccount({ signal: controller.signal });
    controller.abort();
    expect(await pending.catch((error: DOMException) => error.name)).to.equal('AbortError');
    adapter.latencyMs = 0;
    adapter.setFault('load', { kind: 'rate_limited', retryAfterSeconds: 7, once: true });
    const limited = await failure(adapter.getAccount());
    expect(limited.retryAfterSeconds).to.equal(7);
    expect((await adapter.getAccount()).account.uid).to.equal('cmartin');
  });
});
