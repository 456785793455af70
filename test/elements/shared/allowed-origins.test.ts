/**
 * Page markup alone (an api-base attribute a comment field or a CMS block could add) cannot send the
 * page's token or a password to another origin: that origin needs the portal's configure({ allowedOrigins }).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { SelPasswordChange } from '../../../src/index.js';
import { configure } from '../../../src/config.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { sectionTestSetup } from '../../helpers/section.js';

describe('an api-base on another origin', () => {
  sectionTestSetup();
  const realFetch = window.fetch;
  const realError = console.error;
  let asked: string[];
  beforeEach(() => {
    asked = [];
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith('https://elsewhere.example')) {
        asked.push(url);
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return realFetch(input, init);
    }) as typeof fetch;
    console.error = () => undefined;
  });
  afterEach(() => {
    window.fetch = realFetch;
    console.error = realError;
  });

  it('is refused until the portal allows the origin: not configured, nothing sent there', async () => {
    const el = await fixture<SelPasswordChange>(
      html`<sel-password-change api-base="https://elsewhere.example/api"></sel-password-change>`,
    );
    await waitFor(() => expect(visibleText(el)).to.contain("n'est pas configurée"));
    expect(asked).to.deep.equal([]);
    configure({ allowedOrigins: ['https://elsewhere.example'] });
    await waitFor(() => expect(asked).to.deep.equal(['https://elsewhere.example/api/account']));
  });
});
