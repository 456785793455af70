/** <sel-phones> in view mode: each number with its type, as a link, written the way the region reads it. */
import { expect } from '@open-wc/testing';
import type { Phone } from '../../../src/contract/schemas.js';
import { visibleText } from '../../helpers/queries.js';
import { allByRole, button, byRole, sectionTestSetup } from '../../helpers/section.js';
import { EDIT, loaded } from './harness.js';

function flat(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

describe('<sel-phones> in view mode', () => {
  sectionTestSetup();

  it('lists each number with its type as a tel: link, written nationally in France', async () => {
    const { el } = await loaded();
    expect(flat(byRole(el, 'heading').textContent)).to.equal('Téléphones');
    const office = byRole(el, 'link', '05 49 45 49 99');
    const mobile = byRole(el, 'link', '06 12 34 56 78');
    expect(office.getAttribute('href')).to.equal('tel:+33549454999');
    expect(mobile.getAttribute('href')).to.equal('tel:+33612345678');
    expect(flat(office.closest('li')!.textContent)).to.equal('Bureau : 05 49 45 49 99');
    expect(flat(mobile.closest('li')!.textContent)).to.equal('Mobile : 06 12 34 56 78');
    expect(button(el, EDIT)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('names every type: Bureau, Mobile, Fax, Autre', async () => {
    const { el } = await loaded({
      phones: [
        { type: 'office', number: '+33549454999' },
        { type: 'mobile', number: '+33612345678' },
        { type: 'fax', number: '+33549454998' },
        { type: 'other', number: '+33800123456' },
      ],
    });
    const items = [...el.shadowRoot!.querySelectorAll('[part="item"]')].map((item) => flat(item.textContent));
    expect(items).to.deep.equal([
      'Bureau : 05 49 45 49 99',
      'Mobile : 06 12 34 56 78',
      'Fax : 05 49 45 49 98',
      'Autre : 0 800 12 34 56',
    ]);
  });

  it('says plainly when there is no number', async () => {
    const { el } = await loaded({ phones: [] });
    expect(visibleText(el)).to.contain("Aucun numéro de téléphone n'est enregistré.");
    expect(allByRole(el, 'link')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('default-region: French-plan numbers read nationally in their region; others internationally, in threes', async () => {
    const phones: Phone[] = [
      { type: 'office', number: '+262262123456' },
      { type: 'mobile', number: '+33612345678' },
      { type: 'other', number: '+41221234567' },
    ];
    const inReunion = await loaded({ region: 'RE', phones });
    expect(allByRole(inReunion.el, 'link').map((link) => flat(link.textContent))).to.deep.equal([
      '0262 12 34 56',
      '+33 6 12 34 56 78',
      '+41 221 234 567',
    ]);
    const inFrance = await loaded({ phones });
    expect(allByRole(inFrance.el, 'link').map((link) => flat(link.textContent))).to.deep.equal([
      '+262 262 12 34 56',
      '06 12 34 56 78',
      '+41 221 234 567',
    ]);
    const hrefs = allByRole(inFrance.el, 'link').map((link) => link.getAttribute('href'));
    expect(hrefs).to.deep.equal(['tel:+262262123456', 'tel:+33612345678', 'tel:+41221234567']);
  });

  it('falls back to FR for an unknown default-region, with a console warning', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const { el } = await loaded({ region: 'XX' });
      expect(byRole(el, 'link', '05 49 45 49 99')).to.exist;
    } finally {
      console.warn = original;
    }
    expect(warnings.map((args) => String(args[0]))).to.deep.equal([
      '<sel-phones>: default-region "XX" is not a known region code; using FR.',
    ]);
  });

  it('shows what the server sends as text, never as markup, and no link for what is not a number', async () => {
    const { el } = await loaded({ phones: [{ type: 'other', number: '<img src=x onerror=alert(1)>' }] });
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(visibleText(el)).to.contain('<img src=x onerror=alert(1)>');
    expect(allByRole(el, 'link')).to.deep.equal([]);
  });

  it('when the numbers are not editable: no « Modifier… », and the directory correspondent is named', async () => {
    const { el } = await loaded({ editable: false });
    expect(allByRole(el, 'button', EDIT)).to.deep.equal([]);
    expect(visibleText(el)).to.contain('Vos numéros de téléphone ne peuvent pas être modifiés ici.');
    expect(visibleText(el)).to.contain('contactez votre correspondant annuaire');
    const link = byRole(el, 'link', /Correspondant annuaire/) as HTMLAnchorElement;
    expect(link.href).to.equal('mailto:annuaire@univ-exemple.fr');
    expect(byRole(el, 'link', '05 49 45 49 99')).to.exist;
    await expect(el).to.be.accessible();
  });
});
