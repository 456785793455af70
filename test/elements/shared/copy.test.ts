/**
 * The words as a reader meets them: French quotes that never break from what they quote, the ten-number
 * limit said once, the https:// suggestion as information rather than an error, and the account validity
 * rule in the text colour (grey alone, it reads as a placeholder).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ReactiveElement } from 'lit';
import '../../../src/index.js';
import { fr } from '../../../src/i18n/fr.js';
import { demoAccount } from '../../../src/mocks/demo-account.js';
import type { Phone } from '../../../src/contract/schemas.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { waitFor } from '../../helpers/queries.js';
import { button, retype, sectionTestSetup, statusText, textbox } from '../../helpers/section.js';

async function mounted(setup: TestBackend, tag: string): Promise<ReactiveElement> {
  const el = document.createElement(tag) as ReactiveElement;
  el.setAttribute('api-base', setup.apiBase);
  el.lang = 'fr';
  (await fixture(html`<div></div>`)).append(el);
  await waitFor(() => button(el, /^Modifier…/), 8000);
  return el;
}

function shownText(root: ShadowRoot): string {
  // What is on screen: the visually hidden live regions are for screen readers only.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('.visually-hidden')) text += node.textContent ?? '';
  }
  return text;
}

describe('copy', () => {
  sectionTestSetup();

  it('French quotes hold what they quote with non-breaking spaces, in every message', () => {
    const breaking = Object.entries(fr).filter(([, text]) => /« | »/.test(text));
    expect(breaking.map(([key]) => key)).to.deep.equal([]);
    expect(Object.values(fr).join(' ')).to.contain('«\u00a0');
  });

  it('the limit of ten numbers is said once on screen, and heard when « Ajouter un numéro » is pressed', async () => {
    const phones: Phone[] = Array.from({ length: 10 }, (_, index) => ({
      type: 'other',
      number: `+3354945${String(4900 + index).padStart(4, '0')}`,
    }));
    const setup = await mockBackend({ account: { ...demoAccount(), phones } });
    const el = await mounted(setup, 'sel-phones');
    button(el, /^Modifier…/).click();
    // The form comes with the phone rules, downloaded on « Modifier… »: slow on a loaded machine.
    const add = await waitFor(() => button(el, 'Ajouter un numéro'), 8000);
    add.focus();
    await sendKeys({ press: 'Enter' });
    const limit = 'Vous avez atteint le maximum de 10 numéros';
    await waitFor(() => expect(statusText(el)).to.contain(limit));
    expect(shownText(el.shadowRoot!).split(limit).length - 1, 'times on screen').to.equal(1);
    expect(el.shadowRoot!.querySelector('.message.success')?.textContent?.trim()).to.equal('');
  });

  it('the https:// suggestion is information: the field keeps its normal border', async () => {
    const setup = await mockBackend();
    const el = await mounted(setup, 'sel-general-info');
    button(el, /^Modifier…/).click();
    const input = await waitFor(() => textbox(el, 'Site web'));
    await retype(el, input, 'exemple.fr');
    await sendKeys({ press: 'Tab' });
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="suggestion"]')).to.exist);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(getComputedStyle(input).borderTopColor).to.not.equal('rgb(206, 5, 0)');
    expect(getComputedStyle(input).borderTopWidth).to.equal('1px');
  });

  it('« Validité du compte » reads as information, in the text colour', async () => {
    const setup = await mockBackend({ account: { ...demoAccount(), accountExpiresAt: null } });
    const el = await mounted(setup, 'sel-general-info');
    const rule = [...el.shadowRoot!.querySelectorAll('dd p')].find((p) => p.textContent?.includes('reste valide'));
    expect(rule, 'the validity rule').to.exist;
    expect(getComputedStyle(rule!).color).to.equal(getComputedStyle(el).color);
  });
});
