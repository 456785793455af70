/** Saving the website: one request, what it carries, and what the person is told. */
import { expect } from '@open-wc/testing';
import { mockBackend } from '../../helpers/mock-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { button, byRole, focused, press, requestsOf, sectionTestSetup, statusText } from '../../helpers/section.js';
import { EDIT, NEW_WEBSITE, loaded, openForm, type, website } from './harness.js';

describe('<sel-general-info>: saving the website', () => {
  const section = sectionTestSetup();

  it('saves a new website with one PATCH carrying If-Match, announces it and returns focus to « Modifier… »', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await openForm(el);
    await type(el, NEW_WEBSITE);
    await press(el, 'Valider');
    await waitFor(() => expect(statusText(el)).to.contain('Votre site web est enregistré'));
    // The address comes isolated (U+2068 … U+2069): a right-to-left path cannot reorder the sentence.
    expect(byRole(el, 'status').textContent!.trim()).to.equal(
      `Votre site web est enregistré : \u2068${NEW_WEBSITE}\u2069.`,
    );
    const patches = requestsOf(setup, 'PATCH');
    expect(patches).to.have.length(1);
    expect(patches[0]!.headers.get('If-Match')).to.equal('"1"');
    expect(JSON.parse(patches[0]!.body)).to.deep.equal({ website: NEW_WEBSITE });
    expect(setup.backend.account.website).to.equal(NEW_WEBSITE);
    expect(section.events.of('sel-saved').map((event) => event.detail)).to.deep.equal([{ section: 'website' }]);
    expect(focused()).to.equal(`button: ${EDIT}`);
    expect((byRole(el, 'link', NEW_WEBSITE) as HTMLAnchorElement).href).to.equal(NEW_WEBSITE);
    await expect(el).to.be.accessible();
  });

  it('sends the normalised address: host in lower case, spaces around it dropped', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await openForm(el);
    await type(el, '  HTTPS://Perso.Example.ORG/Université  ');
    await press(el, 'Valider');
    await waitFor(() => expect(setup.backend.account.website).to.equal('https://perso.example.org/Université'));
  });

  it('disables « Valider » while the save is pending: one click, one request', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    setup.backend.latencyMs = 300;
    await openForm(el);
    await type(el, NEW_WEBSITE);
    const save = button(el, 'Valider');
    save.click();
    save.click();
    await el.updateComplete;
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    expect(website(el).readOnly).to.equal(true);
    expect(visibleText(el)).to.contain('Enregistrement en cours');
    await expect(el).to.be.accessible();
    await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
    expect(setup.backend.calls.save).to.equal(1);
  }).timeout(5000);

  it('a save that succeeds after « Annuler » is announced', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    setup.backend.latencyMs = 200;
    await openForm(el);
    await type(el, NEW_WEBSITE);
    await press(el, 'Valider');
    await press(el, 'Annuler');
    await waitFor(() => expect(statusText(el)).to.contain('Votre site web est enregistré'));
    expect(byRole(el, 'link', NEW_WEBSITE)).to.exist;
  });

  it('a save that ends after the form was closed and opened again leaves the new form alone', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    setup.backend.latencyMs = 200;
    await openForm(el);
    await type(el, NEW_WEBSITE);
    await press(el, 'Valider');
    await press(el, 'Annuler');
    await openForm(el);
    await waitFor(() => expect(statusText(el)).to.contain('Votre site web est enregistré'));
    expect(setup.backend.account.website).to.equal(NEW_WEBSITE);
    // The new form stays open, the focus in its field: the save ended for the form it came from.
    expect(website(el)).to.exist;
    expect(focused()).to.equal('input: Site web');
  });
});
