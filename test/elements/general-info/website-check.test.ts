/** The address is checked before any request: the field says what is wrong, or offers the https:// form. */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { accessibilityTree, findAxNode, type AxNode } from '../../helpers/a11y-tree.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import {
  allByRole,
  button,
  describedText,
  focused,
  press,
  requestsOf,
  sectionTestSetup,
  selectAllText,
} from '../../helpers/section.js';
import { loaded, openForm, type, website } from './harness.js';

/** Puppeteer's serialised node carries these too; the shared helper's type names only what it needs. */
type AxNodeWithState = AxNode & { description?: string; invalid?: string };

describe('<sel-general-info>: checking the address before any request', () => {
  sectionTestSetup();

  for (const [input, words] of [
    ['javascript:alert(1)', 'Seules les adresses commençant par https:// ou http:// sont acceptées.'],
    ['ftp://example.org/', 'Seules les adresses commençant par https:// ou http:// sont acceptées.'],
    ['https://intranet/', "L'adresse doit contenir un nom de site complet, avec un point"],
    ['https://claire:secret@example.org', "L'adresse ne doit contenir ni identifiant ni mot de passe"],
    ['claire.martin@univ-exemple.fr', "une adresse électronique n'est pas un site web"],
    ['//evil.example/', "Cette adresse web n'est pas valide."],
    ['https://example.org/mon site', "Cette adresse web n'est pas valide."],
    [`https://example.org/${'a'.repeat(2100)}`, 'Cette adresse est trop longue : 2048 caractères au plus.'],
  ] as const) {
    it(`refuses ${JSON.stringify(input.slice(0, 40))} on the field, focus on it, no request`, async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await type(el, input);
      button(el, 'Annuler').focus();
      await press(el, 'Valider');
      const field = website(el);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(field)).to.contain(words);
      expect(focused()).to.equal('input: Site web');
      expect(field.value, 'what the person typed stays').to.equal(input);
      expect(setup.requests.filter((request) => request.method !== 'GET')).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  }

  it('says nothing while the person types, then explains when they leave the field, and clears once fixed', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await openForm(el);
    await selectAllText();
    await sendKeys({ type: 'ftp:' });
    await el.updateComplete;
    expect(website(el).getAttribute('aria-invalid')).to.equal('false');
    expect(visibleText(el)).not.to.contain('Seules les adresses');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(website(el).getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(website(el))).to.contain('Seules les adresses commençant par https:// ou http://');
    // Chrome exposes the state and the message to assistive technology.
    const textbox = findAxNode(await accessibilityTree(), (node) => node.role === 'textbox') as
      AxNodeWithState | undefined;
    expect(textbox?.invalid).to.equal('true');
    expect(textbox?.description).to.contain('Seules les adresses commençant par https://');
    website(el).focus();
    await selectAllText();
    await sendKeys({ type: 'https://www.example.org' });
    await el.updateComplete;
    expect(website(el).getAttribute('aria-invalid')).to.equal('false');
    expect(visibleText(el)).not.to.contain('Seules les adresses');
  });

  it('offers https:// for an address typed without it, and saves it once the person accepts', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await openForm(el);
    await type(el, 'perso.example.org');
    await press(el, 'Valider');
    expect(describedText(website(el))).to.contain(
      "Il manque le début de l'adresse. Vouliez-vous dire https://perso.example.org ?",
    );
    // The suggestion is information, not an error: the field keeps its normal border.
    expect(website(el).getAttribute('aria-invalid')).to.equal('false');
    expect(focused()).to.equal('input: Site web');
    expect(setup.backend.calls.save).to.equal(0);
    await expect(el).to.be.accessible();
    await press(el, 'Utiliser cette adresse');
    expect(website(el).value).to.equal('https://perso.example.org');
    expect(website(el).getAttribute('aria-invalid')).to.equal('false');
    expect(focused()).to.equal('input: Site web');
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.account.website).to.equal('https://perso.example.org'));
    expect(JSON.parse(requestsOf(setup, 'PATCH')[0]!.body)).to.deep.equal({ website: 'https://perso.example.org' });
  });

  it('shows the suggestion when the person leaves the field too', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await openForm(el);
    await selectAllText();
    await sendKeys({ type: 'www.univ-exemple.fr/~cmartin' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Vouliez-vous dire https://www.univ-exemple.fr/~cmartin ?');
    expect(focused()).to.equal('button: Valider');
    expect(setup.backend.calls.save).to.equal(0);
  });

  it('a click on « Annuler » right after typing a wrong address is not lost to the message appearing', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await openForm(el);
    await selectAllText();
    await sendKeys({ type: 'ftp:' });
    const cancel = button(el, 'Annuler');
    cancel.scrollIntoView({ block: 'center' });
    const box = cancel.getBoundingClientRect();
    // Were the click to land on a link below instead, the test page must not navigate away.
    const stayOnPage = (event: Event) => {
      if (event.composedPath().some((target) => target instanceof HTMLAnchorElement)) event.preventDefault();
    };
    document.addEventListener('click', stayOnPage, { capture: true });
    try {
      await sendMouse({
        type: 'click',
        position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
      });
    } finally {
      document.removeEventListener('click', stayOnPage, { capture: true });
    }
    await el.updateComplete;
    expect(allByRole(el, 'textbox')).to.have.length(0);
    expect(setup.requests.filter((request) => request.method !== 'GET')).to.have.length(0);
  });
});
