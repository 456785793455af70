import { expect, fixture, html, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { accessibilityTree, findAxNode, type AxNode } from '../../helpers/a11y-tree.js';
import { SelPhones } from '../../../src/sel-phones.js';
import { RestAdapter } from '../../../src/api/rest-adapter.js';
import type { Phone } from '../../../src/contract/schemas.js';
import { resetConfig } from '../../../src/config.js';
import type { PhoneEditing } from '../../../src/elements/phones/loader.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import {
  getByRole,
  queryByRole,
  queryAllByRole,
  visibleText,
  deepActiveElement,
  waitFor,
} from '../../helpers/queries.js';
import { recordEvents } from '../../helpers/events.js';

// This file never imports the phone rules itself: every fetch of them is the element's doing.
const PHONE_MODULE = /\/src\/validation\/phone\.(ts|js)$/;
performance.setResourceTimingBufferSize(10_000);
let phoneModuleFetches = performance
  .getEntriesByType('resource')
  .filter((entry) => PHONE_MODULE.test(new URL(entry.name).pathname)).length;
const phoneModuleFetchedAtImport = phoneModuleFetches;
new PerformanceObserver((list) => {
  phoneModuleFetches += list.getEntries().filter((entry) => PHONE_MODULE.test(new URL(entry.name).pathname)).length;
}).observe({ type: 'resource' });

const OFFICE = 'Numéro 1 (Bureau)';
const MOBILE = 'Numéro 2 (Mobile)';

interface Options {
  lang?: string;
  region?: string;
  phones?: Phone[];
  editable?: boolean;
}

async function loaded(options: Options = {}, setup?: TestBackend): Promise<{ el: SelPhones; setup: TestBackend }> {
  setup ??= await mockBackend();
  if (options.phones) setup.backend.changeElsewhere({ phones: options.phones });
  if (options.editable === false) {
    setup.backend.changeElsewhere({ editable: { website: true, phones: false, redList: true, password: true } });
  }
  const el = await fixture<SelPhones>(
    html`<sel-phones api-base=${setup.apiBase} lang=${options.lang ?? 'fr'} default-region=${options.region ?? 'FR'}>
    </sel-phones>`,
  );
  // Loaded: the list (or the sentence saying there is none) is on show.
  await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="list"], [part~="empty"]')).to.exist);
  return { el, setup };
}

/** Everything the section's live regions say now (the form's and the section's). */
function statusText(el: SelPhones): string {
  return queryAllByRole(root(el), 'status')
    .map((region) => region.textContent ?? '')
    .join(' ');
}

function root(el: SelPhones): ShadowRoot {
  return el.shadowRoot!;
}

/** Presses « Modifier… » and waits for the form: the first press may wait for the phone rules. */
async function openForm(el: SelPhones, name = 'Modifier… (numéros de téléphone)'): Promise<void> {
  getByRole(root(el), 'button', name).click();
  await waitFor(() => expect(root(el).querySelector('form')).to.exist, 8000);
  await el.updateComplete;
}

function field(el: SelPhones, name: string | RegExp): HTMLInputElement {
  return getByRole(root(el), 'textbox', name) as HTMLInputElement;
}

function typeSelect(el: SelPhones, name: string | RegExp): HTMLSelectElement {
  return getByRole(root(el), 'combobox', name) as HTMLSelectElement;
}

async function chooseType(el: SelPhones, name: string | RegExp, value: string): Promise<void> {
  const select = typeSelect(el, name);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Types as a person does, key by key, into a field emptied first. */
async function retype(el: SelPhones, input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await el.updateComplete;
}

async function leave(el: SelPhones, input: HTMLInputElement): Promise<void> {
  input.blur();
  await el.updateComplete;
}

async function submit(el: SelPhones, name = 'Valider'): Promise<void> {
  getByRole(root(el), 'button', name).click();
  await el.updateComplete;
}

function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (input.getRootNode() as ShadowRoot).getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

function patches(setup: TestBackend) {
  return setup.requests.filter((request) => request.method === 'PATCH');
}

async function sentPhones(setup: TestBackend): Promise<Phone[]> {
  await waitFor(() => expect(patches(setup).at(-1)?.body).to.not.equal(''));
  return (JSON.parse(patches(setup).at(-1)!.body) as { phones: Phone[] }).phones;
}

function axNodes(node: AxNode): AxNode[] {
  return [node, ...(node.children ?? []).flatMap(axNodes)];
}

describe('<sel-phones>', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    events = recordEvents();
  });
  afterEach(() => {
    events.stop();
    fixtureCleanup();
    resetConfig();
  });

  describe('the phone rules are downloaded only for editing', () => {
    it('importing and showing fetch nothing; hover, focus or « Modifier… » fetch the rules once, for every element', async () => {
      expect(phoneModuleFetchedAtImport, 'phone rules fetched before any <sel-phones> connected').to.equal(0);
      const setup = await mockBackend();
      const first = await loaded({}, setup);
      const second = await loaded({}, setup);
      expect(visibleText(first.el)).to.contain('05 49 45 49 99');
      expect(phoneModuleFetches, 'phone rules fetched by the view').to.equal(0);
      const edit = getByRole(root(second.el), 'button', 'Modifier… (numéros de téléphone)');
      edit.dispatchEvent(new PointerEvent('pointerenter'));
      await waitFor(() => expect(phoneModuleFetches).to.equal(1));
      getByRole(root(first.el), 'button', 'Modifier… (numéros de téléphone)').focus();
      await openForm(first.el);
      await openForm(second.el);
      expect(field(first.el, OFFICE).value).to.equal('05 49 45 49 99');
      expect(phoneModuleFetches).to.equal(1);
    });

    it('shows the numbers while the rules never arrive; « Modifier… » waits for them, then opens the form', async () => {
      const original = SelPhones.loadPhoneTools;
      let asked = 0;
      let release: () => void = () => undefined;
      const held = new Promise<PhoneEditing>((resolve) => (release = () => void original().then(resolve)));
      SelPhones.loadPhoneTools = () => {
        asked++;
        return held;
      };
      try {
        const setup = await mockBackend();
        const el = await fixture<SelPhones>(html`<sel-phones api-base=${setup.apiBase}></sel-phones>`);
        // The whole view, from the account alone: nothing of it waits for the rules.
        await waitFor(() => getByRole(root(el), 'link', '05 49 45 49 99'));
        expect((getByRole(root(el), 'link', '06 12 34 56 78') as HTMLAnchorElement).href).to.equal('tel:+33612345678');
        expect(statusText(el)).not.to.contain('Chargement');
        expect(asked, 'rules asked for by the view').to.equal(0);
        await expect(el).to.be.accessible();
        // Keyboard users get the prefetch too: focus alone starts the download.
        const edit = getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)');
        edit.focus();
        expect(asked).to.equal(1);
        edit.click();
        await waitFor(() => expect(statusText(el)).to.contain('Chargement'));
        expect(edit.getAttribute('aria-disabled')).to.equal('true');
        expect(queryByRole(root(el), 'textbox')).to.equal(null);
        await expect(el).to.be.accessible();
        release();
        await waitFor(() => expect(field(el, OFFICE).value).to.equal('05 49 45 49 99'));
        expect(deepActiveElement()).to.equal(field(el, OFFICE));
        expect(statusText(el)).not.to.contain('Chargement');
      } finally {
        SelPhones.loadPhoneTools = original;
      }
    });

    it('when the rules fail to download: the numbers still shown, the failure said, and « Réessayer » opens the form', async () => {
      const original = SelPhones.loadPhoneTools;
      const errors: unknown[][] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      let fail = true;
      SelPhones.loadPhoneTools = () =>
        fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : original();
      try {
        const setup = await mockBackend();
        const el = await fixture<SelPhones>(html`<sel-phones api-base=${setup.apiBase}></sel-phones>`);
        await waitFor(() => getByRole(root(el), 'link', '05 49 45 49 99'));
        // A failed prefetch (hover) says nothing: the person has not asked for anything yet.
        getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)').dispatchEvent(
          new PointerEvent('pointerenter'),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(queryByRole(root(el), 'alert')).to.equal(null);
        getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)').click();
        await waitFor(() => getByRole(root(el), 'button', 'Réessayer'));
        expect(getByRole(root(el), 'alert').textContent).to.contain(
          "La vérification des numéros n'a pas pu être chargée",
        );
        expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', 'Réessayer'));
        expect((getByRole(root(el), 'link', '05 49 45 49 99') as HTMLAnchorElement).getAttribute('href')).to.equal(
          'tel:+33549454999',
        );
        expect(queryByRole(root(el), 'button', 'Modifier… (numéros de téléphone)')).to.equal(null);
        await expect(el).to.be.accessible();
        expect(String(errors[0]?.[0])).to.contain('<sel-phones>');
        fail = false;
        getByRole(root(el), 'button', 'Réessayer').click();
        await waitFor(() => expect(field(el, OFFICE).value).to.equal('05 49 45 49 99'));
        expect(queryByRole(root(el), 'alert')).to.equal(null);
      } finally {
        SelPhones.loadPhoneTools = original;
        console.error = consoleError;
      }
    });
  });

  describe('view mode', () => {
    it('lists each number with its type as a tel: link, written nationally in France', async () => {
      const { el } = await loaded();
      expect(getByRole(root(el), 'heading').textContent!.trim()).to.equal('Téléphones');
      const office = getByRole(root(el), 'link', '05 49 45 49 99') as HTMLAnchorElement;
      const mobile = getByRole(root(el), 'link', '06 12 34 56 78') as HTMLAnchorElement;
      expect(office.getAttribute('href')).to.equal('tel:+33549454999');
      expect(mobile.getAttribute('href')).to.equal('tel:+33612345678');
      expect(office.closest('li')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Bureau : 05 49 45 49 99');
      expect(mobile.closest('li')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Mobile : 06 12 34 56 78');
      expect(getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)')).to.exist;
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
      const items = [...root(el).querySelectorAll('[part="item"]')].map((item) =>
        item.textContent!.replace(/\s+/g, ' ').trim(),
      );
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
      expect(queryByRole(root(el), 'link')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('default-region: French-plan numbers read nationally in their region; others internationally, in threes', async () => {
      const phones: Phone[] = [
        { type: 'office', number: '+262262123456' },
        { type: 'mobile', number: '+33612345678' },
        { type: 'other', number: '+41221234567' },
      ];
      const inReunion = await loaded({ region: 'RE', phones });
      expect(queryAllByRole(root(inReunion.el), 'link').map((link) => link.textContent!.trim())).to.deep.equal([
        '0262 12 34 56',
        '+33 6 12 34 56 78',
        '+41 221 234 567',
      ]);
      const inFrance = await loaded({ phones });
      expect(queryAllByRole(root(inFrance.el), 'link').map((link) => link.textContent!.trim())).to.deep.equal([
        '+262 262 12 34 56',
        '06 12 34 56 78',
        '+41 221 234 567',
      ]);
      const hrefs = queryAllByRole(root(inFrance.el), 'link').map((link) => link.getAttribute('href'));
      expect(hrefs).to.deep.equal(['tel:+262262123456', 'tel:+33612345678', 'tel:+41221234567']);
    });

    it('falls back to FR for an unknown default-region, with a console warning', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const { el } = await loaded({ region: 'XX' });
        expect(getByRole(root(el), 'link', '05 49 45 49 99')).to.exist;
      } finally {
        console.warn = original;
      }
      expect(warnings.map((args) => String(args[0]))).to.deep.equal([
        '<sel-phones>: default-region "XX" is not a known region code; using FR.',
      ]);
    });

    it('shows what the server sends as text, never as markup, and no link for what is not a number', async () => {
      const { el } = await loaded({ phones: [{ type: 'other', number: '<img src=x onerror=alert(1)>' }] });
      expect(root(el).querySelector('img')).to.equal(null);
      expect(visibleText(el)).to.contain('<img src=x onerror=alert(1)>');
      expect(queryByRole(root(el), 'link')).to.equal(null);
    });

    it('when the numbers are not editable: no « Modifier… », and the directory correspondent is named', async () => {
      const { el } = await loaded({ editable: false });
      expect(queryByRole(root(el), 'button', 'Modifier… (numéros de téléphone)')).to.equal(null);
      expect(visibleText(el)).to.contain('Vos numéros de téléphone ne peuvent pas être modifiés ici.');
      expect(visibleText(el)).to.contain('contactez votre correspondant annuaire');
      const link = getByRole(root(el), 'link', /Correspondant annuaire/) as HTMLAnchorElement;
      expect(link.href).to.equal('mailto:annuaire@univ-exemple.fr');
      expect(getByRole(root(el), 'link', '05 49 45 49 99')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('editing', () => {
    it('opens one row per number: a type select and a tel field named after its row and type, focus on the first', async () => {
      const { el } = await loaded();
      await openForm(el);
      const office = field(el, OFFICE);
      expect(office.value).to.equal('05 49 45 49 99');
      expect(office.type).to.equal('tel');
      expect(office.getAttribute('autocomplete')).to.equal('tel');
      expect(office.getAttribute('inputmode')).to.equal('tel');
      expect(field(el, MOBILE).value).to.equal('06 12 34 56 78');
      expect(typeSelect(el, 'Type du numéro 1').value).to.equal('office');
      expect(typeSelect(el, 'Type du numéro 2').value).to.equal('mobile');
      expect([...typeSelect(el, 'Type du numéro 1').options].map((option) => option.text.trim())).to.deep.equal([
        'Bureau',
        'Mobile',
        'Fax',
        'Autre',
      ]);
      expect(deepActiveElement()).to.equal(office);
      expect(visibleText(el)).to.contain('Une ligne laissée vide est ignorée.');
      expect(visibleText(el)).to.contain('par exemple 01 23 45 67 89');
      const confirm = getByRole(root(el), 'button', 'Valider');
      expect(confirm.classList.contains('confirm')).to.equal(true);
      expect(confirm.getAttribute('part')).to.contain('confirm-button');
      expect(getByRole(root(el), 'button', 'Annuler')).to.exist;
      await expect(el).to.be.accessible();
    });

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

    it('« Ajouter un numéro » adds a row, focus in its field; the number is saved in E.164', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await submit(el, 'Ajouter un numéro');
      const added = field(el, 'Numéro 3 (Fax)');
      expect(deepActiveElement()).to.equal(added);
      await retype(el, added, '05 49 45 49 98');
      await submit(el);
      await waitFor(() => expect(setup.backend.account.phones).to.have.length(3));
      expect(await sentPhones(setup)).to.deep.equal([
        { type: 'office', number: '+33549454999' },
        { type: 'mobile', number: '+33612345678' },
        { type: 'fax', number: '+33549454998' },
      ]);
      expect(patches(setup)[0]!.headers.get('If-Match')).to.equal('"1"');
      await waitFor(() => expect(statusText(el)).to.contain('Vos numéros de téléphone sont enregistrés.'));
      expect(events.of('sel-saved').map((event) => event.detail)).to.deep.equal([{ section: 'phones' }]);
      expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)'));
      expect(getByRole(root(el), 'link', '05 49 45 49 98')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('« Supprimer » says which number it removes, announces it, and focus moves to the next row', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      getByRole(root(el), 'button', 'Supprimer le numéro 05 49 45 49 99 (Bureau)').click();
      await waitFor(() =>
        expect(statusText(el)).to.contain(
          'Numéro 05 49 45 49 99 (Bureau) retiré de la liste. Validez pour enregistrer la modification.',
        ),
      );
      const remaining = field(el, 'Numéro 1 (Mobile)');
      expect(remaining.value).to.equal('06 12 34 56 78');
      expect(deepActiveElement()).to.equal(remaining);
      await submit(el);
      await waitFor(() =>
        expect(setup.backend.account.phones).to.deep.equal([{ type: 'mobile', number: '+33612345678' }]),
      );
    });

    it('removing the last row puts focus on « Ajouter un numéro »; removing every number saves an empty list', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      getByRole(root(el), 'button', /^Supprimer le numéro 06 12 34 56 78/).click();
      await waitFor(() => expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', 'Ajouter un numéro')));
      getByRole(root(el), 'button', /^Supprimer le numéro 05 49 45 49 99/).click();
      await waitFor(() => expect(queryByRole(root(el), 'textbox')).to.equal(null));
      expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', 'Ajouter un numéro'));
      await submit(el);
      await waitFor(() => expect(setup.backend.account.phones).to.deep.equal([]));
      expect(await sentPhones(setup)).to.deep.equal([]);
      await waitFor(() => expect(visibleText(el)).to.contain('Vos numéros de téléphone ont été supprimés.'));
      expect(visibleText(el)).to.contain("Aucun numéro de téléphone n'est enregistré.");
    });

    it('an empty row is named as such, removable, and dropped on save', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await submit(el, 'Ajouter un numéro');
      expect(getByRole(root(el), 'button', 'Supprimer la ligne 3, vide (Fax)')).to.exist;
      await submit(el, 'Ajouter un numéro');
      await retype(el, field(el, 'Numéro 4 (Autre)'), '0800 12 34 56');
      await submit(el);
      await waitFor(() => expect(setup.backend.calls.save).to.equal(1));
      expect(await sentPhones(setup)).to.deep.equal([
        { type: 'office', number: '+33549454999' },
        { type: 'mobile', number: '+33612345678' },
        { type: 'other', number: '+33800123456' },
      ]);
    });

    it('reads numbers as people write them and sends E.164', async () => {
      const { el, setup } = await loaded({ phones: [] });
      await openForm(el);
      const inputs = [
        '+33 5 49 45 49 98',
        '0033 6 98 76 54 32',
        '05.49.45.49.97',
        '(05) 49-45-49-96',
        '+41 22 123 45 67',
      ];
      for (const [index, text] of inputs.entries()) {
        await submit(el, 'Ajouter un numéro');
        await chooseType(el, `Type du numéro ${index + 1}`, 'other');
        await retype(el, field(el, `Numéro ${index + 1} (Autre)`), text);
      }
      await submit(el);
      await waitFor(() => expect(setup.backend.calls.save).to.equal(1));
      expect((await sentPhones(setup)).map((phone) => phone.number)).to.deep.equal([
        '+33549454998',
        '+33698765432',
        '+33549454997',
        '+33549454996',
        '+41221234567',
      ]);
    });

    it('changes the type of a number, and the field’s name follows', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await chooseType(el, 'Type du numéro 1', 'other');
      expect(field(el, 'Numéro 1 (Autre)').value).to.equal('05 49 45 49 99');
      await submit(el);
      await waitFor(() =>
        expect(setup.backend.account.phones[0]).to.deep.equal({ type: 'other', number: '+33549454999' }),
      );
    });

    it('at ten numbers « Ajouter un numéro » says why it adds nothing', async () => {
      const phones = Array.from({ length: 9 }, (_, i): Phone => ({ type: 'other', number: `+3354945491${i}` }));
      const { el } = await loaded({ phones });
      await openForm(el);
      const add = getByRole(root(el), 'button', 'Ajouter un numéro');
      expect(add.getAttribute('aria-disabled')).to.equal('false');
      add.click();
      await el.updateComplete;
      expect(queryAllByRole(root(el), 'textbox')).to.have.length(10);
      expect(add.getAttribute('aria-disabled')).to.equal('true');
      expect(describedText(add)).to.contain('Vous avez atteint le maximum de 10 numéros');
      add.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => expect(statusText(el)).to.contain('Vous avez atteint le maximum de 10 numéros'));
      expect(queryAllByRole(root(el), 'textbox')).to.have.length(10);
      expect(deepActiveElement()).to.equal(add);
      await expect(el).to.be.accessible();
    });

    it('more than ten stored numbers: saving is refused until enough are removed', async () => {
      const phones = Array.from({ length: 12 }, (_, i): Phone => ({ type: 'other', number: `+335494549${10 + i}` }));
      const { el, setup } = await loaded({ phones });
      await openForm(el);
      await submit(el);
      const listError = getByRole(root(el), 'button', 'Valider').closest('form')!.querySelector('#list-error')!;
      expect(listError.textContent).to.contain('Vous pouvez enregistrer 10 numéros au plus : supprimez-en 2.');
      expect(deepActiveElement()).to.equal(listError);
      getByRole(root(el), 'button', /^Supprimer le numéro 05 49 45 49 10/).click();
      await el.updateComplete;
      getByRole(root(el), 'button', /^Supprimer le numéro 05 49 45 49 11/).click();
      await waitFor(() => expect(root(el).querySelector('#list-error')).to.equal(null));
      await submit(el);
      await waitFor(() => expect(setup.backend.account.phones).to.have.length(10));
    });

    it('sends nothing when nothing changed, and says so', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await retype(el, field(el, OFFICE), '+33 5 49 45 49 99');
      await submit(el, 'Ajouter un numéro');
      await submit(el);
      await waitFor(() =>
        expect(visibleText(el)).to.contain('Aucune modification : vos numéros de téléphone sont inchangés.'),
      );
      expect(setup.backend.calls.save).to.equal(0);
      expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)'));
    });

    it('« Annuler » and Escape leave without a request, edits forgotten, focus back on « Modifier… »', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await retype(el, field(el, OFFICE), '05 49 45 49 98');
      await submit(el, 'Annuler');
      expect(queryByRole(root(el), 'textbox')).to.equal(null);
      expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)'));
      await openForm(el);
      expect(field(el, OFFICE).value).to.equal('05 49 45 49 99');
      await retype(el, field(el, OFFICE), '05 49 45 49 98');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(queryByRole(root(el), 'textbox')).to.equal(null);
      expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)'));
      expect(patches(setup)).to.have.length(0);
      expect(visibleText(el)).to.contain('05 49 45 49 99');
    });

    it('while saving: « Valider » disabled (one click, one request) and the fields read-only', async () => {
      const { el, setup } = await loaded();
      setup.backend.latencyMs = 400;
      await openForm(el);
      await retype(el, field(el, OFFICE), '05 49 45 49 98');
      const save = getByRole(root(el), 'button', 'Valider') as HTMLButtonElement;
      save.click();
      save.click();
      await el.updateComplete;
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      expect(field(el, OFFICE).readOnly).to.equal(true);
      expect(visibleText(el)).to.contain('Enregistrement en cours');
      await expect(el).to.be.accessible();
      await waitFor(() => expect(setup.backend.account.phones[0]!.number).to.equal('+33549454998'));
      expect(setup.backend.calls.save).to.equal(1);
    }).timeout(5000);

    it('works with the keyboard alone: open, add, type, remove, save', async () => {
      const { el, setup } = await loaded();
      getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(field(el, OFFICE));
      // Type select, field and « Supprimer » of two rows, then « Ajouter un numéro ».
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', /^Supprimer le numéro 05 49 45 49 99/));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', /^Supprimer le numéro 06 12 34 56 78/));
      await sendKeys({ press: 'Enter' });
      await waitFor(() => expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', 'Ajouter un numéro')));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const added = field(el, 'Numéro 2 (Mobile)');
      expect(deepActiveElement()).to.equal(added);
      await sendKeys({ type: '0698765432' });
      expect(added.value).to.equal('06 98 76 54 32');
      await sendKeys({ press: 'Enter' });
      await waitFor(() =>
        expect(setup.backend.account.phones).to.deep.equal([
          { type: 'office', number: '+33549454999' },
          { type: 'mobile', number: '+33698765432' },
        ]),
      );
      await waitFor(() =>
        expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)')),
      );
    });
  });

  describe('formatting as the person types', () => {
    it('groups the digits as they come', async () => {
      const { el } = await loaded();
      await openForm(el);
      const input = field(el, OFFICE);
      input.focus();
      input.select();
      await sendKeys({ press: 'Backspace' });
      const seen: string[] = [];
      for (const digit of '0549454998') {
        await sendKeys({ type: digit });
        seen.push(input.value);
      }
      expect(seen).to.deep.equal([
        '0',
        '05',
        '05 4',
        '05 49',
        '05 49 4',
        '05 49 45',
        '05 49 45 4',
        '05 49 45 49',
        '05 49 45 49 9',
        '05 49 45 49 98',
      ]);
      expect(input.selectionStart).to.equal(input.value.length);
    });

    it('keeps the caret after the digit just typed in the middle of a number', async () => {
      const { el } = await loaded();
      await openForm(el);
      const input = field(el, OFFICE);
      await retype(el, input, '054945');
      expect(input.value).to.equal('05 49 45');
      input.setSelectionRange(4, 4); // "05 4|9 45"
      await sendKeys({ type: '1' });
      expect(input.value).to.equal('05 41 94 5');
      expect(input.selectionStart).to.equal(5); // "05 41| 94 5"
      await sendKeys({ type: '2' });
      expect(input.value).to.equal('05 41 29 45');
      expect(input.selectionStart).to.equal(7); // "05 41 2|9 45"
    });

    it('backspace right after a space removes it, and the next one removes a digit; tidied on leaving', async () => {
      const { el } = await loaded();
      await openForm(el);
      const input = field(el, OFFICE);
      await retype(el, input, '054945');
      input.setSelectionRange(6, 6); // "05 49 |45"
      await sendKeys({ press: 'Backspace' });
      expect(input.value).to.equal('05 4945');
      expect(input.selectionStart).to.equal(5);
      await sendKeys({ press: 'Backspace' });
      expect(input.value).to.equal('05 445');
      expect(input.selectionStart).to.equal(4);
      await leave(el, input);
      expect(input.value).to.equal('05 44 5');
    });

    it('leaves what is not a number as typed, next to its message', async () => {
      const { el } = await loaded();
      await openForm(el);
      const input = field(el, OFFICE);
      await retype(el, input, '05 49 poste 12');
      await leave(el, input);
      expect(input.value).to.equal('05 49 poste 12');
    });
  });

  describe('validation before any request', () => {
    const cases = [
      ['abc', "Ce n'est pas un numéro de téléphone"],
      ['05 49', 'Ce numéro est trop court'],
      ['05 49 45 49 99 99', 'Ce numéro est trop long'],
      ['+999 12 34 56', "Ce numéro n'existe pas"],
    ] as const;
    for (const [typed, words] of cases) {
      it(`« ${typed} »: ${words}, with a valid example, tied to the field, after the person leaves it`, async () => {
        const { el, setup } = await loaded();
        await openForm(el);
        const input = field(el, OFFICE);
        await retype(el, input, typed);
        expect(input.getAttribute('aria-invalid'), 'not judged while typing').to.equal('false');
        expect(visibleText(el)).to.not.contain(words);
        await leave(el, input);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(describedText(input)).to.contain(words);
        expect(describedText(input)).to.contain('Exemple de numéro valide : 01 23 45 67 89.');
        await expect(el).to.be.accessible();
        await submit(el);
        expect(setup.backend.calls.save).to.equal(0);
        expect(deepActiveElement()).to.equal(input);
      });
    }

    it('a mobile row’s message shows a mobile example; the region’s own example in RE', async () => {
      const inFrance = await loaded();
      await openForm(inFrance.el);
      const mobile = field(inFrance.el, MOBILE);
      await retype(inFrance.el, mobile, '06 12');
      await leave(inFrance.el, mobile);
      expect(describedText(mobile)).to.contain('Exemple de numéro valide : 06 12 34 56 78.');
      const inReunion = await loaded({ region: 'RE' });
      await openForm(inReunion.el);
      const office = field(inReunion.el, OFFICE);
      await retype(inReunion.el, office, '0262 12');
      await leave(inReunion.el, office);
      expect(describedText(office)).to.contain('Exemple de numéro valide : 0262 16 12 34.');
    });

    it('on « Valider »: every problem shown at once, focus on the first invalid field, nothing sent', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await submit(el, 'Ajouter un numéro');
      await sendKeys({ type: '12' });
      // Typing in another row: the fax row is left (and judged), the mobile row being typed is not yet.
      await retype(el, field(el, MOBILE), '06 12');
      expect(field(el, 'Numéro 3 (Fax)').getAttribute('aria-invalid')).to.equal('true');
      expect(field(el, MOBILE).getAttribute('aria-invalid')).to.equal('false');
      await submit(el);
      expect(field(el, MOBILE).getAttribute('aria-invalid')).to.equal('true');
      expect(field(el, 'Numéro 3 (Fax)').getAttribute('aria-invalid')).to.equal('true');
      expect(deepActiveElement()).to.equal(field(el, MOBILE));
      expect(setup.backend.calls.save).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('Tab out of a wrong number says why, although the next stop is the row’s « Supprimer »', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      const input = field(el, OFFICE);
      await retype(el, input, '05 49');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(getByRole(root(el), 'button', 'Supprimer le numéro 05 49 (Bureau)'));
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(input)).to.contain('Ce numéro est trop court');
      expect(setup.backend.calls.save).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('a message, once shown, goes as soon as the number is right', async () => {
      const { el } = await loaded();
      await openForm(el);
      const input = field(el, OFFICE);
      await retype(el, input, '05 49 45');
      await leave(el, input);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
      await sendKeys({ type: '4' });
      expect(describedText(input), 'still wrong: the message follows').to.contain('trop court');
      await sendKeys({ type: '998' });
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      expect(describedText(input)).to.not.contain('trop court');
      await sendKeys({ press: 'Backspace' });
      expect(input.getAttribute('aria-invalid'), 'right once: not judged again before leaving').to.equal('false');
    });

    it('refuses the same number twice, however it is written', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await retype(el, field(el, MOBILE), '+33 5 49 45 49 99');
      await chooseType(el, 'Type du numéro 2', 'other');
      await submit(el);
      const second = field(el, 'Numéro 2 (Autre)');
      expect(second.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(second)).to.contain('Ce numéro figure déjà dans la liste (numéro 1)');
      expect(field(el, OFFICE).getAttribute('aria-invalid')).to.equal('false');
      expect(deepActiveElement()).to.equal(second);
      expect(setup.backend.calls.save).to.equal(0);
    });

    it('a mobile filed as a fax is a warning, not an error: the save goes through', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await chooseType(el, 'Type du numéro 2', 'fax');
      const fax = field(el, 'Numéro 2 (Fax)');
      expect(fax.getAttribute('aria-invalid')).to.equal('false');
      expect(describedText(fax)).to.contain("Attention : ce numéro est celui d'un mobile, et son type est « Fax ».");
      await expect(el).to.be.accessible();
      await submit(el);
      await waitFor(() =>
        expect(setup.backend.account.phones[1]).to.deep.equal({ type: 'fax', number: '+33612345678' }),
      );
    });

    it('a landline filed as a mobile is a warning too', async () => {
      const { el } = await loaded();
      await openForm(el);
      await chooseType(el, 'Type du numéro 1', 'mobile');
      const input = field(el, 'Numéro 1 (Mobile)');
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      expect(describedText(input)).to.contain("Attention : ce n'est pas un numéro de mobile");
    });

    it('a stored number that is not valid is flagged when the form opens', async () => {
      const { el } = await loaded({ phones: [{ type: 'office', number: '05 49 poste 12' }] });
      expect(visibleText(el)).to.contain('05 49 poste 12');
      await openForm(el);
      expect(field(el, OFFICE).getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(field(el, OFFICE))).to.contain("Ce n'est pas un numéro de téléphone");
    });
  });

  describe('failures keep the list and say what happened', () => {
    async function failSave(fault: Parameters<TestBackend['backend']['setFault']>[1]) {
      const { el, setup } = await loaded();
      setup.backend.setFault('save', fault);
      await openForm(el);
      await retype(el, field(el, OFFICE), '05 49 45 49 98');
      await submit(el, 'Ajouter un numéro');
      await retype(el, field(el, 'Numéro 3 (Fax)'), '05 49 45 49 97');
      await submit(el);
      await waitFor(() => expect(setup.backend.calls.save).to.equal(1));
      await waitFor(() => expect(visibleText(el)).not.to.contain('Enregistrement en cours'));
      await el.updateComplete;
      return { el, setup };
    }

    function expectListKept(el: SelPhones): void {
      expect(field(el, OFFICE).value).to.equal('05 49 45 49 98');
      expect(field(el, MOBILE).value).to.equal('06 12 34 56 78');
      expect(field(el, 'Numéro 3 (Fax)').value).to.equal('05 49 45 49 97');
    }

    for (const [kind, words] of [
      ['network', 'Le serveur est injoignable'],
      ['server', 'Le service a rencontré une erreur'],
      ['invalid_response', 'Le serveur a envoyé une réponse inattendue'],
      ['validation', 'Le serveur a refusé la valeur saisie'],
    ] as const) {
      it(`${kind}: keeps every row, explains, and lets the person retry`, async () => {
        const { el, setup } = await failSave(kind);
        expect(getByRole(root(el), 'alert').textContent).to.contain(words);
        expectListKept(el);
        expect(events.of('sel-error').at(-1)!.detail).to.include({ section: 'phones', operation: 'save', kind });
        expect(deepActiveElement()).to.equal(getByRole(root(el), 'alert'));
        await expect(el).to.be.accessible();
        setup.backend.clearFault();
        await submit(el);
        await waitFor(() => expect(setup.backend.account.phones).to.have.length(3));
      });
    }

    it('401: keeps the rows, says the session ended, and fires sel-unauthorized', async () => {
      const { el } = await failSave('unauthorized');
      expect(getByRole(root(el), 'alert').textContent).to.contain('Votre session a expiré');
      expectListKept(el);
      expect(events.of('sel-unauthorized')).to.have.length(1);
      expect(events.of('sel-error').at(-1)!.detail).to.deep.equal({
        section: 'phones',
        operation: 'save',
        kind: 'unauthorized',
        status: 401,
        code: 'unauthorized',
      });
    });

    it('403: closes the form and says why', async () => {
      const { el } = await failSave('forbidden');
      expect(queryByRole(root(el), 'textbox')).to.equal(null);
      const alert = getByRole(root(el), 'alert');
      expect(alert.textContent).to.contain("Vous n'êtes pas autorisé(e) à modifier vos numéros de téléphone ici.");
      // The form is gone, not what the person typed: the message repeats it.
      expect(alert.textContent).to.contain(
        'Les numéros que vous avez saisis : 05 49 45 49 98 (Bureau), 06 12 34 56 78 (Mobile), 05 49 45 49 97 (Fax).',
      );
      expect(deepActiveElement()).to.equal(alert);
      await expect(el).to.be.accessible();
    });

    it('412: reloads, keeps the edited list, says it changed elsewhere and shows what is saved; the retry carries the new version', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      await retype(el, field(el, OFFICE), '05 49 45 49 98');
      setup.backend.changeElsewhere({ phones: [{ type: 'office', number: '+33549454990' }] });
      await submit(el);
      await waitFor(() => getByRole(root(el), 'alert'));
      const alert = getByRole(root(el), 'alert').textContent!;
      expect(alert).to.contain('Vos numéros ont été modifiés ailleurs entre-temps');
      expect(alert).to.contain('Numéros enregistrés actuellement : 05 49 45 49 90 (Bureau).');
      expect(field(el, OFFICE).value).to.equal('05 49 45 49 98');
      expect(field(el, MOBILE).value).to.equal('06 12 34 56 78');
      expect(setup.backend.calls.load).to.equal(2);
      expect(events.of('sel-error').at(-1)!.detail).to.include({ kind: 'conflict', status: 412 });
      expect(deepActiveElement()).to.equal(getByRole(root(el), 'alert'));
      await expect(el).to.be.accessible();
      await submit(el);
      await waitFor(() => expect(setup.backend.account.phones[0]!.number).to.equal('+33549454998'));
      expect(patches(setup).map((request) => request.headers.get('If-Match'))).to.deep.equal(['"1"', '"2"']);
    });

    it('422: the server’s phones[i].number error lands on the row sent i-th, empty rows aside', async () => {
      const { el, setup } = await loaded();
      await openForm(el);
      // Row 2 is left empty, so row 3 is the second number sent: phones[1].
      await submit(el, 'Ajouter un numéro');
      await submit(el, 'Ajouter un numéro');
      getByRole(root(el), 'button', /^Supprimer le numéro 06 12 34 56 78/).click();
      await waitFor(() => expect(deepActiveElement()).to.equal(field(el, 'Numéro 2 (Fax)')));
      await retype(el, field(el, 'Numéro 3 (Autre)'), '0800 12 34 56');
      setup.backend.setFault('save', {
        kind: 'validation',
        fieldErrors: [{ field: 'phones[1].number', code: 'invalid_number' }],
        once: true,
      });
      await submit(el);
      await waitFor(() => expect(field(el, 'Numéro 3 (Autre)').getAttribute('aria-invalid')).to.equal('true'));
      const refused = field(el, 'Numéro 3 (Autre)');
      expect(describedText(refused)).to.contain('Le serveur a refusé ce numéro');
      expect(describedText(refused)).to.contain('Exemple de numéro valide : 01 23 45 67 89.');
      expect(field(el, OFFICE).getAttribute('aria-invalid')).to.equal('false');
      expect(deepActiveElement()).to.equal(refused);
      expect(refused.value).to.equal('0 800 12 34 56');
      await expect(el).to.be.accessible();
      // Changing the number clears the server's verdict; the retry goes through.
      await retype(el, refused, '0800 12 34 57');
      expect(refused.getAttribute('aria-invalid')).to.equal('false');
      await submit(el);
      await waitFor(() => expect(setup.backend.account.phones).to.have.length(2));
    });

    it('422 too_many from the server is said above the buttons', async () => {
      const { el } = await failSave({ kind: 'validation', fieldErrors: [{ field: 'phones', code: 'too_many' }] });
      expect(visibleText(el)).to.contain('Vous pouvez enregistrer 10 numéros au plus');
      expect(deepActiveElement()!.id).to.equal('list-error');
      expectListKept(el);
    });

    it('429: disables « Valider » for Retry-After seconds and says how long; then focus is on « Valider »', async () => {
      const { el, setup } = await failSave({ kind: 'rate_limited', retryAfterSeconds: 2, once: true });
      const save = getByRole(root(el), 'button', 'Valider') as HTMLButtonElement;
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      const alert = getByRole(root(el), 'alert');
      expect(alert.textContent).to.match(/réessayer dans 2 s/);
      expect(deepActiveElement()).to.equal(alert);
      expectListKept(el);
      await expect(el).to.be.accessible();
      await waitFor(() => expect(save.getAttribute('aria-disabled')).to.equal('false'), 4000);
      // The message went with the wait; the focus did not fall back to the page.
      expect(queryByRole(root(el), 'alert')).to.equal(null);
      expect(deepActiveElement()).to.equal(save);
      await submit(el);
      await waitFor(() => expect(setup.backend.account.phones).to.have.length(3));
    }).timeout(8000);

    it('429, « Annuler », « Modifier… » again: the form says why « Valider » is still disabled', async () => {
      const { el, setup } = await failSave({ kind: 'rate_limited', retryAfterSeconds: 3, once: true });
      await submit(el, 'Annuler');
      await openForm(el);
      const save = getByRole(root(el), 'button', 'Valider') as HTMLButtonElement;
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      expect(getByRole(root(el), 'alert').textContent).to.match(
        /Trop de tentatives. Vous pourrez réessayer dans [1-3] s./,
      );
      await expect(el).to.be.accessible();
      await retype(el, field(el, OFFICE), '05 49 45 49 98');
      await waitFor(() => expect(save.getAttribute('aria-disabled')).to.equal('false'), 5000);
      expect(queryByRole(root(el), 'alert')).to.equal(null);
      await submit(el);
      await waitFor(() => expect(setup.backend.account.phones[0]!.number).to.equal('+33549454998'));
    }).timeout(10000);

    it('timeout: an adapter that gives up says the server did not answer in time', async () => {
      const setup = await mockBackend();
      const adapter = new RestAdapter({ baseUrl: setup.apiBase, timeoutMs: 300 });
      const el = await fixture<SelPhones>(html`<sel-phones .adapter=${adapter}></sel-phones>`);
      await waitFor(() => getByRole(root(el), 'button', 'Modifier… (numéros de téléphone)'));
      setup.backend.setFault('save', 'timeout');
      await openForm(el);
      await retype(el, field(el, OFFICE), '05 49 45 49 98');
      await submit(el);
      await waitFor(() => expect(getByRole(root(el), 'alert').textContent).to.contain("n'a pas répondu à temps"));
      expect(field(el, OFFICE).value).to.equal('05 49 45 49 98');
    });

    it('« Annuler » while saving: the result is still said, in view mode', async () => {
      const { el, setup } = await loaded();
      setup.backend.latencyMs = 300;
      setup.backend.setFault('save', 'server');
      await openForm(el);
      await retype(el, field(el, OFFICE), '05 49 45 49 98');
      await submit(el);
      await submit(el, 'Annuler');
      await waitFor(() =>
        expect(getByRole(root(el), 'alert').textContent).to.contain('Le service a rencontré une erreur'),
      );
      expect(queryByRole(root(el), 'textbox')).to.equal(null);
    });
  });

  describe('load failures', () => {
    for (const [kind, words] of [
      ['invalid_response', 'réponse inattendue'],
      ['server', 'Le service a rencontré une erreur'],
      ['network', 'Le serveur est injoignable'],
    ] as const) {
      it(`${kind}: an error state with « Réessayer » that works`, async () => {
        const setup = await mockBackend();
        setup.backend.setFault('load', kind);
        const el = await fixture<SelPhones>(html`<sel-phones api-base=${setup.apiBase}></sel-phones>`);
        await waitFor(() => getByRole(root(el), 'button', 'Réessayer'));
        expect(getByRole(root(el), 'alert').textContent).to.contain(words);
        expect(events.of('sel-error').at(-1)!.detail).to.include({ section: 'phones', operation: 'load', kind });
        await expect(el).to.be.accessible();
        setup.backend.clearFault();
        getByRole(root(el), 'button', 'Réessayer').click();
        await waitFor(() => expect(getByRole(root(el), 'link', '05 49 45 49 99')).to.exist);
      });
    }

    it('401 on load fires sel-unauthorized', async () => {
      const setup = await mockBackend();
      setup.backend.setFault('load', 'unauthorized');
      const el = await fixture<SelPhones>(html`<sel-phones api-base=${setup.apiBase}></sel-phones>`);
      await waitFor(() => getByRole(root(el), 'button', 'Réessayer'));
      expect(events.of('sel-unauthorized')).to.have.length(1);
    });
  });

  describe('in English', () => {
    it('speaks English with lang="en": view, form, names and messages', async () => {
      const { el, setup } = await loaded({ lang: 'en' });
      expect(getByRole(root(el), 'heading').textContent!.trim()).to.equal('Phone numbers');
      expect(
        getByRole(root(el), 'link', '05 49 45 49 99').closest('li')!.textContent!.replace(/\s+/g, ' ').trim(),
      ).to.equal('Office: 05 49 45 49 99');
      await openForm(el, 'Edit… (phone numbers)');
      const office = field(el, 'Number 1 (Office)');
      expect(typeSelect(el, 'Type of number 1').value).to.equal('office');
      expect(getByRole(root(el), 'button', 'Remove the number 05 49 45 49 99 (Office)')).to.exist;
      expect(getByRole(root(el), 'button', 'Save')).to.exist;
      expect(getByRole(root(el), 'button', 'Cancel')).to.exist;
      await retype(el, office, '05 49');
      await leave(el, office);
      expect(describedText(office)).to.contain('This number is too short');
      expect(describedText(office)).to.contain('Example of a valid number: 01 23 45 67 89.');
      await expect(el).to.be.accessible();
      getByRole(root(el), 'button', 'Add a number').click();
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(field(el, 'Number 3 (Fax)'));
      getByRole(root(el), 'button', 'Remove line 3, empty (Fax)').click();
      await waitFor(() => expect(statusText(el)).to.contain('Empty line taken off the list.'));
      await retype(el, office, '05 49 45 49 98');
      await submit(el, 'Save');
      await waitFor(() => expect(visibleText(el)).to.contain('Your phone numbers are saved.'));
      expect(setup.backend.account.phones[0]!.number).to.equal('+33549454998');
    });

    it('names the types and says the other checks in English', async () => {
      const { el, setup } = await loaded({ lang: 'en', phones: [] });
      await openForm(el, 'Edit… (phone numbers)');
      const rows = [
        ['Office', 'abc', 'This is not a phone number'],
        ['Mobile', '06 12 34 56 78 99', 'This number is too long'],
        ['Fax', '+999 12 34 56', 'This number does not exist.'],
        ['Other', '05 49 45 49 99', null],
      ] as const;
      for (const [index, [type, typed]] of rows.entries()) {
        getByRole(root(el), 'button', 'Add a number').click();
        await el.updateComplete;
        await retype(el, field(el, `Number ${index + 1} (${type})`), typed);
      }
      await submit(el, 'Save');
      for (const [index, [type, , words]] of rows.entries()) {
        const input = field(el, `Number ${index + 1} (${type})`);
        if (words) expect(describedText(input), type).to.contain(words);
      }
      expect(describedText(field(el, 'Number 2 (Mobile)'))).to.contain('Example of a valid number: 06 12 34 56 78.');
      await retype(el, field(el, 'Number 1 (Office)'), '05 49 45 49 99');
      await leave(el, field(el, 'Number 1 (Office)'));
      expect(describedText(field(el, 'Number 4 (Other)'))).to.contain(
        'This number is already in the list (number 1): remove one of the two lines.',
      );
      await chooseType(el, 'Type of number 1', 'mobile');
      expect(describedText(field(el, 'Number 1 (Mobile)'))).to.contain(
        'Note: this is not a mobile number, and its type is “Mobile”.',
      );
      expect(setup.backend.calls.save).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('says a 412 and a 403 in English, the list kept', async () => {
      const { el, setup } = await loaded({ lang: 'en' });
      await openForm(el, 'Edit… (phone numbers)');
      await retype(el, field(el, 'Number 1 (Office)'), '05 49 45 49 98');
      setup.backend.changeElsewhere({ phones: [] });
      await submit(el, 'Save');
      await waitFor(() => getByRole(root(el), 'alert'));
      expect(getByRole(root(el), 'alert').textContent).to.contain(
        'Your numbers were changed elsewhere in the meantime and have just been reloaded. Numbers saved at present: none.',
      );
      expect(field(el, 'Number 1 (Office)').value).to.equal('05 49 45 49 98');
      setup.backend.setFault('save', 'forbidden');
      await submit(el, 'Save');
      await waitFor(() => expect(queryByRole(root(el), 'textbox')).to.equal(null));
      const alert = getByRole(root(el), 'alert').textContent!;
      expect(alert).to.contain('You are not allowed to change your phone numbers here.');
      expect(alert).to.contain('The numbers you typed: 05 49 45 49 98 (Office), 06 12 34 56 78 (Mobile).');
    });
  });
});
