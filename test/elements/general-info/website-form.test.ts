/** The « Site web » form of <sel-general-info>: opening it, leaving it, removing the website. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
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
  statusText,
} from '../../helpers/section.js';
import { DEMO_WEBSITE, EDIT, NEW_WEBSITE, loaded, openForm, type, website } from './harness.js';

/** Puppeteer's serialised node carries this too; the shared helper's type names only what it needs. */
type AxNodeWithDescription = AxNode & { description?: string };

describe('<sel-general-info>: the website form', () => {
  sectionTestSetup();

  it('opens the « Site web » field (url, autocomplete url) with the current value, focused, described by its help', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await openForm(el);
    const input = website(el);
    expect(input.type).to.equal('url');
    expect(input.getAttribute('autocomplete')).to.equal('url');
    expect(input.value).to.equal(DEMO_WEBSITE);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(focused()).to.equal('input: Site web');
    expect(describedText(input)).to.contain('Laissez le champ vide pour supprimer votre site web');
    expect(button(el, 'Valider').type).to.equal('submit');
    expect(button(el, 'Annuler')).to.exist;
    // Chrome's own names, as a screen reader receives them.
    const tree = await accessibilityTree();
    const textbox = findAxNode(tree, (node) => node.role === 'textbox') as AxNodeWithDescription | undefined;
    expect(textbox?.name, 'textbox in the accessibility tree').to.equal('Site web');
    expect(textbox?.description).to.contain('commençant par https://');
    const buttons = [] as string[];
    findAxNode(tree, (node) => {
      if (node.role === 'button' && node.name) buttons.push(node.name);
      return false;
    });
    expect(buttons).to.include.members(['Valider', 'Annuler']);
    await expect(el).to.be.accessible();
  });

  it('leaves edit mode without a request on « Annuler » and on Escape, focus back on « Modifier… »', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await openForm(el);
    await type(el, NEW_WEBSITE);
    await press(el, 'Annuler');
    expect(allByRole(el, 'textbox')).to.have.length(0);
    expect(focused()).to.equal(`button: ${EDIT}`);
    await openForm(el);
    expect(website(el).value, 'a new form starts from the saved value').to.equal(DEMO_WEBSITE);
    await type(el, NEW_WEBSITE);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(allByRole(el, 'textbox')).to.have.length(0);
    expect(focused()).to.equal(`button: ${EDIT}`);
    expect(requestsOf(setup, 'PATCH')).to.have.length(0);
  });

  it('sends nothing when the website is unchanged, and says so', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await openForm(el);
    await press(el, 'Valider');
    await waitFor(() => expect(visibleText(el)).to.contain('Aucune modification : votre site web est inchangé.'));
    expect(setup.backend.calls.save).to.equal(0);
    expect(focused()).to.equal(`button: ${EDIT}`);
  });

  describe('removing the website', () => {
    it('asks for confirmation on a button named for it, then removes the website', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await type(el, '   ');
      await press(el, 'Valider');
      expect(visibleText(el)).to.contain(
        `Le champ est vide : votre site web ${DEMO_WEBSITE} sera supprimé. Confirmez la suppression, ou saisissez une adresse.`,
      );
      expect(focused()).to.equal('button: Confirmer la suppression');
      expect(allByRole(el, 'button', 'Valider')).to.have.length(0);
      expect(setup.backend.calls.save).to.equal(0);
      await expect(el).to.be.accessible();
      button(el, 'Confirmer la suppression').click();
      await waitFor(() => expect(statusText(el)).to.contain('Votre site web a été supprimé.'));
      expect(JSON.parse(requestsOf(setup, 'PATCH')[0]!.body)).to.deep.equal({ website: null });
      expect(setup.backend.account.website).to.equal(null);
      expect(visibleText(el)).to.contain('Site web Aucun site web');
      expect(focused()).to.equal(`button: ${EDIT}`);
    });

    it('drops the confirmation as soon as the person types an address again', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await type(el, '');
      await press(el, 'Valider');
      expect(button(el, 'Confirmer la suppression')).to.exist;
      await type(el, NEW_WEBSITE);
      expect(allByRole(el, 'button', 'Confirmer la suppression')).to.have.length(0);
      expect(visibleText(el)).not.to.contain('sera supprimé');
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
    });

    it('sends nothing when there is no website and the field stays empty', async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({ website: null });
      const el = await loaded(setup);
      await openForm(el);
      expect(website(el).value).to.equal('');
      await press(el, 'Valider');
      await waitFor(() => expect(visibleText(el)).to.contain('votre site web est inchangé'));
      expect(setup.backend.calls.save).to.equal(0);
    });
  });
});
