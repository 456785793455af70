/** <sel-general-info> with the keyboard alone, and as a screen reader receives it from Chrome. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { accessibilityTree, findAxNode } from '../../helpers/a11y-tree.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { waitFor } from '../../helpers/queries.js';
import { button, focused, sectionTestSetup, selectAllText, statusText, tabTo } from '../../helpers/section.js';
import { EDIT, EDIT_EN, NEW_WEBSITE, loaded } from './harness.js';

describe('<sel-general-info>: accessibility', () => {
  sectionTestSetup();

  it('names « Modifier… » in the accessibility tree for what it edits', async () => {
    const setup = await mockBackend();
    await loaded(setup);
    const edit = findAxNode(await accessibilityTree(), (node) => node.role === 'button' && node.name === EDIT);
    expect(edit?.name).to.equal(EDIT);
  });

  it('changes the website through the suggestion, then removes it, with the keyboard alone, in French', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await tabTo(() => button(el, EDIT));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused()).to.equal('input: Site web');
    await selectAllText();
    await sendKeys({ type: 'perso.example.org' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused()).to.equal('input: Site web');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('button: Utiliser cette adresse');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused()).to.equal('input: Site web');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(setup.backend.account.website).to.equal('https://perso.example.org'));
    await waitFor(() => expect(focused()).to.equal(`button: ${EDIT}`));

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await selectAllText();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused()).to.equal('button: Confirmer la suppression');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(setup.backend.account.website).to.equal(null));
    await waitFor(() => expect(focused()).to.equal(`button: ${EDIT}`));
  });

  it('changes the website and cancels with Escape, with the keyboard alone, in English', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup, 'en');
    await tabTo(() => button(el, EDIT_EN));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused()).to.equal('input: Website');
    await sendKeys({ type: 'x' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(focused()).to.equal(`button: ${EDIT_EN}`);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await selectAllText();
    await sendKeys({ type: NEW_WEBSITE });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('button: Save');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
    await waitFor(() => expect(statusText(el)).to.contain('Your website is saved'));
    expect(focused()).to.equal(`button: ${EDIT_EN}`);
  });
});
