import { expect } from '@open-wc/testing';
import { createPhoneToolsLoader, loadPhoneTools, type PhoneTools } from '../../../src/elements/phones/loader.js';

describe('phones-loader', () => {
  it('imports the phone rules once, however many callers ask at the same time or later', async () => {
    let imports = 0;
    const tools = { DEFAULT_REGION: 'FR' } as unknown as PhoneTools;
    const load = createPhoneToolsLoader(async () => {
      imports++;
      return tools;
    });
    const [first, second] = await Promise.all([load(), load()]);
    const third = await load();
    expect(imports).to.equal(1);
    expect(first).to.equal(tools);
    expect(second).to.equal(tools);
    expect(third).to.equal(tools);
  });

  it('forgets a failed import, so that the next call tries again', async () => {
    let imports = 0;
    const tools = {} as PhoneTools;
    const load = createPhoneToolsLoader(async () => {
      imports++;
      if (imports === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return tools;
    });
    let failure: unknown;
    await load().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    expect(await load()).to.equal(tools);
    expect(await load()).to.equal(tools);
    expect(imports).to.equal(2);
  });

  it("the shared loader gives the real phone module and the form's row logic", async () => {
    const kit = await loadPhoneTools();
    expect(kit.tools.parsePhone('05 49 45 49 99', 'FR')).to.deep.include({ ok: true, e164: '+33549454999' });
    expect(kit.MAX_PHONES).to.equal(10);
    expect(await loadPhoneTools()).to.equal(kit);
  });
});
