/** <sel-phones> with a screen reader and with the keyboard alone. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { accessibilityTree, findAxNode, type AxNode } from '../../helpers/a11y-tree.js';
import { waitFor } from '../../helpers/queries.js';
import { button, describedText, focused, retype, sectionTestSetup } from '../../helpers/section.js';
import { EDIT, MOBILE, OFFICE, field, loaded, openForm } from './harness.js';

function axNodes(node: AxNode): AxNode[] {
  return [node, ...(node.children ?? []).flatMap(axNodes)];
}

describe('<sel-phones> for screen readers and the keyboard', () => {
  sectionTestSetup();

  it('gives screen readers the names a person needs (Chrome’s accessibility tree)', async () => {
    const { el } = await loaded();
    await openForm(el);
    const nodes = axNodes(await accessibilityTree());
    const names = (role: string) => nodes.filter((node) => node.role === role).map((node) => node.name);
    expect(names('textbox')).to.include.members([OFFICE, MOBILE]);
    expect(names('combobox')).to.include.members(['Type du numéro 1', 'Type du numéro 2']);
    expect(names('button')).to.include.members([
      'Supprimer le numéro 05 49 45 49 99 (Bureau)',
      'Supprimer le numéro 06 12 34 56 78 (Mobile)',
      'Ajouter un numéro',
      'Valider',
      'Annuler',
    ]);
    const office = findAxNode(await accessibilityTree(), (node) => node.role === 'textbox' && node.name === OFFICE);
    expect(office?.focused).to.equal(true);
  });

  it('works with the keyboard alone: open, add, type, remove, save', async () => {
    const { el, setup } = await loaded();
    button(el, EDIT).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(focused()).to.equal(`input: ${OFFICE}`), 8000);
    // Type select, field and « Supprimer » of two rows, then « Ajouter un numéro ».
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('button: Supprimer le numéro 05 49 45 49 99 (Bureau)');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('button: Supprimer le numéro 06 12 34 56 78 (Mobile)');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => expect(focused()).to.equal('button: Ajouter un numéro'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const added = field(el, 'Numéro 2 (Mobile)');
    expect(focused()).to.equal('input: Numéro 2 (Mobile)');
    await sendKeys({ type: '0698765432' });
    expect(added.value).to.equal('06 98 76 54 32');
    await sendKeys({ press: 'Enter' });
    await waitFor(() =>
      expect(setup.backend.account.phones).to.deep.equal([
        { type: 'office', number: '+33549454999' },
        { type: 'mobile', number: '+33698765432' },
      ]),
    );
    await waitFor(() => expect(focused()).to.equal(`button: ${EDIT}`));
  });

  it('Tab out of a wrong number says why, although the next stop is the row’s « Supprimer »', async () => {
    const { el, setup } = await loaded();
    await openForm(el);
    const input = field(el, OFFICE);
    await retype(el, input, '05 49');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(focused()).to.equal('button: Supprimer le numéro 05 49 (Bureau)');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(input)).to.contain('Ce numéro est trop court');
    expect(setup.backend.calls.save).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
