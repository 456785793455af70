import { expect, fixture, html } from '@open-wc/testing';
import { normalizeLanguage } from '../../src/i18n/locale.js';
import { resolveLanguage } from '../../src/elements/shared/resolve-language.js';
import { formatMessage } from '../../src/i18n/messages.js';

describe('language resolution', () => {
  it('keeps fr and en, folds regional tags, and falls back to fr', () => {
    const table: [string | null, string][] = [
      ['fr', 'fr'],
      ['fr-FR', 'fr'],
      ['FR-ca', 'fr'],
      ['en', 'en'],
      ['en-GB', 'en'],
      ['EN_us', 'en'],
      ['de', 'fr'],
      ['', 'fr'],
      [null, 'fr'],
      ['english', 'fr'],
    ];
    for (const [tag, expected] of table) expect(normalizeLanguage(tag), String(tag)).to.equal(expected);
  });

  it('takes the element’s own lang, else the closest ancestor’s, across shadow roots, else <html lang>', async () => {
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'en';
      const outer = await fixture<HTMLElement>(
        html`<div lang="fr-FR">
          <span><i id="inner"></i><b lang="en-GB" id="own"></b></span>
        </div>`,
      );
      expect(resolveLanguage(outer.querySelector('#inner')!)).to.equal('fr');
      expect(resolveLanguage(outer.querySelector('#own')!)).to.equal('en');

      const host = await fixture<HTMLElement>(html`<div lang="fr"></div>`);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<p><em></em></p>';
      expect(resolveLanguage(root.querySelector('em')!)).to.equal('fr');

      const plain = await fixture<HTMLElement>(html`<p></p>`);
      expect(resolveLanguage(plain)).to.equal('en');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('dans {seconds} s', { seconds: 30 })).to.equal('dans 30 s');
    expect(formatMessage('{a} et {b}', { a: 'x' })).to.equal('x et {b}');
  });
});
