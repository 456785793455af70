/**
 * Live regions as a screen reader is given them: in Chrome's accessibility tree from the first render,
 * empty, so that the words put in them later are announced; and an error that appears when the person
 * leaves a field is said too, since focus has gone elsewhere.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ReactiveElement } from 'lit';
import '../../../src/index.js';
import { accessibilityTree, type AxNode } from '../../helpers/a11y-tree.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { queryAllByRole, waitFor } from '../../helpers/queries.js';
import { allByRole, button, retype, sectionTestSetup, statusText, textbox } from '../../helpers/section.js';

function all(node: AxNode): AxNode[] {
  return [node, ...(node.children ?? []).flatMap(all)];
}

async function liveRegionsInTree(): Promise<AxNode[]> {
  return all(await accessibilityTree()).filter((node) => node.role === 'status');
}

async function mounted(setup: TestBackend, tag: string): Promise<ReactiveElement> {
  const el = document.createElement(tag) as ReactiveElement;
  el.setAttribute('api-base', setup.apiBase);
  el.lang = 'fr';
  (await fixture(html`<div></div>`)).append(el);
  await waitFor(() => button(el, /^(Modifier…|Changer de mot de passe…)/), 8000);
  return el;
}

describe('live regions', () => {
  sectionTestSetup();

  for (const tag of ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change']) {
    it(`<${tag}>: the status region is in the accessibility tree, empty, before any message`, async () => {
      const setup = await mockBackend();
      const el = await mounted(setup, tag);
      const regions = allByRole(el, 'status');
      expect(regions.length, 'status regions in the view').to.be.at.least(1);
      expect(regions.map((region) => region.textContent?.trim()).join(''), 'nothing said yet').to.equal('');
      expect((await liveRegionsInTree()).length, 'status nodes in the accessibility tree').to.equal(regions.length);
    });
  }

  it('<sel-general-info> and <sel-phones>: the « Enregistrement en cours… » region exists before the save', async () => {
    const setup = await mockBackend();
    for (const tag of ['sel-general-info', 'sel-phones']) {
      const el = await mounted(setup, tag);
      button(el, /^Modifier…/).click();
      // The phones form opens once the phone rules are downloaded, on this first « Modifier… ».
      await waitFor(() => button(el, 'Valider'), 8000);
      const form = el.shadowRoot!.querySelector('form')!;
      expect(queryAllByRole(form, 'status').length, `${tag}: live regions in the form`).to.be.at.least(1);
      el.remove();
    }
    expect((await liveRegionsInTree()).length).to.equal(0);
  });

  it('<sel-phones>: a wrong number is announced when the person leaves its field', async () => {
    const setup = await mockBackend();
    const el = await mounted(setup, 'sel-phones');
    button(el, /^Modifier…/).click();
    const input = await waitFor(() => textbox(el, /^Numéro 1 /), 8000);
    await retype(el, input, '12');
    await sendKeys({ press: 'Tab' });
    await waitFor(() => expect(statusText(el)).to.contain('Ce numéro est trop court'));
  });

  it('<sel-general-info>: an address refused on leaving the field is announced', async () => {
    const setup = await mockBackend();
    const el = await mounted(setup, 'sel-general-info');
    button(el, /^Modifier…/).click();
    const input = await waitFor(() => textbox(el, 'Site web'));
    await retype(el, input, 'ftp://exemple.fr');
    await sendKeys({ press: 'Tab' });
    await waitFor(() => expect(statusText(el)).to.contain('http'));
  });
});
