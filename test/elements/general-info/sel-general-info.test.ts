import { expect, fixture, html, fixtureCleanup } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { accessibilityTree, findAxNode, type AxNode } from '../../helpers/a11y-tree.js';
import '../../../src/sel-general-info.js';
import { SelGeneralInfo } from '../../../src/sel-general-info.js';
import type { WebsiteEditing } from '../../../src/elements/general-info/loader.js';
import { RestAdapter } from '../../../src/api/rest-adapter.js';
import { configure, resetConfig } from '../../../src/config.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { getByRole, queryByRole, visibleText, deepActiveElement, waitFor } from '../../helpers/queries.js';
import { recordEvents } from '../../helpers/events.js';

/** Puppeteer's serialised node carries these too; the shared helper's type names only what it needs. */
type AxNodeWithState = AxNode & { description?: string; invalid?: string };

const DEMO_WEBSITE = 'https://perso.univ-exemple.fr/cmartin';
const NEW_WEBSITE = 'https://nouveau.example.org/page';
type Fault = Parameters<TestBackend['backend']['setFault']>[1];

async function loaded(setup: TestBackend, lang = 'fr'): Promise<SelGeneralInfo> {
  const el = await fixture<SelGeneralInfo>(
    html`<sel-general-info api-base=${setup.apiBase} lang=${lang}></sel-general-info>`,
  );
  await waitFor(() => getByRole(el.shadowRoot!, 'heading'));
  await waitFor(() => expect(visibleText(el)).to.contain(lang === 'fr' ? 'Site web' : 'Website'));
  return el;
}

function root(el: SelGeneralInfo): ShadowRoot {
  return el.shadowRoot!;
}

function field(el: SelGeneralInfo, name = 'Site web'): HTMLInputElement {
  return getByRole(root(el), 'textbox', name) as HTMLInputElement;
}

function button(el: SelGeneralInfo, name: string | RegExp): HTMLButtonElement {
  return getByRole(root(el), 'button', name) as HTMLButtonElement;
}

/** « Modifier… », then the form once its code is here (downloaded on first use, see loader.ts). */
async function openForm(el: SelGeneralInfo, edit = 'Modifier… (site web)'): Promise<void> {
  button(el, edit).click();
  await waitFor(() => expect(root(el).querySelector('form')).to.exist, 8000);
  await el.updateComplete;
}

/** Types into the field the way the `input` event reports it, without judging each keystroke. */
async function fill(el: SelGeneralInfo, value: string, name = 'Site web'): Promise<void> {
  const input = field(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function press(el: SelGeneralInfo, name: string | RegExp): Promise<void> {
  button(el, name).click();
  await el.updateComplete;
}

function patches(setup: TestBackend) {
  return setup.requests.filter((request) => request.method === 'PATCH');
}

/** The text of the elements that describe the field, in order: what a screen reader reads after its name. */
function description(input: HTMLInputElement): string {
  const scope = input.getRootNode() as ShadowRoot;
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter((id) => id !== '')
    .map((id) => scope.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .join(' ');
}

async function clearSelection(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
}

/** Presses Tab until `target` has focus, as a keyboard user would (at most `limit` times). */
async function tabTo(target: () => Element, limit = 15): Promise<void> {
  for (let count = 0; count < limit; count++) {
    if (deepActiveElement() === target()) return;
    await sendKeys({ press: 'Tab' });
  }
  expect(deepActiveElement()).to.equal(target());
}

describe('<sel-general-info>', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    events = recordEvents();
  });
  afterEach(() => {
    events.stop();
    fixtureCleanup();
    resetConfig();
  });

  describe('view mode', () => {
    it('shows the account for reading, the website as a link, « Modifier… » and the correspondent hint', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      const text = visibleText(el);
      expect(getByRole(root(el), 'heading', 'Informations générales').getAttribute('aria-level')).to.equal('2');
      for (const piece of [
        'Nom Claire Martin',
        'Identifiant de connexion (login) cmartin',
        'Personnel administratif ou technique (affiliation principale)',
        "Employé(e) de l'établissement",
        "Membre de l'établissement",
        'I-médias — Service commun informatique et multimédia',
        'Pôle réseaux et systèmes',
        'Fonction Ingénieure systèmes',
        'Dernier changement du mot de passe 14 mars 2026',
        "Votre compte reste valide trois mois après votre départ de l'université.",
        'Pour les informations non modifiables individuellement, contactez votre correspondant annuaire.',
      ]) {
        expect(text).to.contain(piece);
      }
      const mail = getByRole(root(el), 'link', 'claire.martin@univ-exemple.fr') as HTMLAnchorElement;
      expect(mail.href).to.equal('mailto:claire.martin@univ-exemple.fr');
      const website = getByRole(root(el), 'link', DEMO_WEBSITE) as HTMLAnchorElement;
      expect(website.href).to.equal(DEMO_WEBSITE);
      const correspondent = getByRole(root(el), 'link', /Correspondant annuaire/) as HTMLAnchorElement;
      expect(correspondent.href).to.equal('mailto:annuaire@univ-exemple.fr');
      // Read-only information is text, not disabled inputs.
      expect(queryByRole(root(el), 'textbox')).to.equal(null);
      expect(button(el, 'Modifier… (site web)')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('lists the primary affiliation first, each known value in words, an unknown one as is', async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({
        affiliations: ['member', 'Faculty', 'researcher', 'teacher', 'visiting-scholar', 'member'],
        primaryAffiliation: 'faculty',
      });
      const el = await loaded(setup);
      const items = [...root(el).querySelectorAll('[part="list"]')][0]!.querySelectorAll('li');
      expect([...items].map((item) => visibleText(item))).to.deep.equal([
        'Enseignant(e)-chercheur(se) (affiliation principale)',
        "Membre de l'établissement",
        'Chercheur(se)',
        'Enseignant(e)',
        'visiting-scholar',
      ]);
    });

    it('names every eduPerson affiliation in French and in English, and shows an unknown one as is', async () => {
      const labels = {
        staff: ['Personnel administratif ou technique', 'Administrative or technical staff'],
        faculty: ['Enseignant(e)-chercheur(se)', 'Faculty (teaching and research)'],
        employee: ["Employé(e) de l'établissement", 'Employee of the university'],
        student: ['Étudiant(e)', 'Student'],
        member: ["Membre de l'établissement", 'Member of the university'],
        affiliate: ["Personne associée à l'établissement", 'Affiliate of the university'],
        alum: ['Ancien(ne) étudiant(e)', 'Alumnus or alumna'],
        researcher: ['Chercheur(se)', 'Researcher'],
        teacher: ['Enseignant(e)', 'Teacher'],
        emeritus: ['Professeur(e) émérite', 'Emeritus professor'],
        retired: ['Retraité(e)', 'Retired'],
      };
      const setup = await mockBackend();
      setup.backend.changeElsewhere({
        affiliations: [...Object.keys(labels), 'Visiting-Scholar'],
        primaryAffiliation: null,
      });
      for (const [lang, column] of [
        ['fr', 0],
        ['en', 1],
      ] as const) {
        const el = await loaded(setup, lang);
        const items = root(el).querySelector('[part="list"]')!.querySelectorAll('li');
        expect(
          [...items].map((item) => item.textContent!.trim()),
          lang,
        ).to.deep.equal([...Object.values(labels).map((pair) => pair[column]), 'Visiting-Scholar']);
      }
    });

    it('shows the account expiry date in the page language, with the three-month rule', async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({ accountExpiresAt: '2026-09-30' });
      const fr = await loaded(setup);
      expect(visibleText(fr)).to.contain(
        "Validité du compte Jusqu'au 30 septembre 2026. Votre compte reste valide trois mois après votre départ",
      );
      const en = await loaded(setup, 'en');
      expect(visibleText(en)).to.contain(
        'Account validity Until 30 September 2026. Your account stays valid for three months after you leave the university.',
      );
      expect(visibleText(en)).to.contain('Password last changed 14 March 2026');
    });

    it('says what is missing rather than leaving holes, and leaves out dates the directory does not give', async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({
        mail: null,
        title: null,
        structures: [],
        affiliations: [],
        primaryAffiliation: null,
        website: null,
        passwordChangedAt: null,
        accountExpiresAt: null,
      });
      const el = await loaded(setup);
      const text = visibleText(el);
      expect(text).to.contain('Adresse électronique Non renseigné');
      expect(text).to.contain('Fonction Non renseigné');
      expect(text).to.contain("Structures d'affectation Non renseigné");
      expect(text).to.contain('Affiliations Non renseigné');
      expect(text).to.contain('Site web Aucun site web');
      expect(text).not.to.contain('Dernier changement du mot de passe');
      expect(text).not.to.contain("Jusqu'au");
      expect(text).to.contain('Votre compte reste valide trois mois');
      expect(queryByRole(root(el), 'link', /@univ-exemple.fr$/)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('renders everything the server sends as text, never as markup', async () => {
      const setup = await mockBackend();
      const hostile = '<img src=x onerror="window.__selPwned = true">';
      setup.backend.changeElsewhere({
        displayName: hostile,
        title: '<b>Directrice</b><script>window.__selPwned = true</script>',
        structures: [{ code: 'X', label: '<a href="javascript:window.__selPwned = true">Cliquez</a>' }],
        affiliations: ['<svg onload="window.__selPwned = true">'],
        mail: '"><img src=x onerror="window.__selPwned = true">@example.org',
        website: 'https://example.org/"><img/src=x/onerror=alert(1)>',
      });
      const el = await loaded(setup);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(visibleText(el)).to.contain(hostile);
      expect(visibleText(el)).to.contain('<b>Directrice</b><script>');
      expect(root(el).querySelector('img, script, svg, b, a[href^="javascript"]')).to.equal(null);
      expect((window as Window & { __selPwned?: boolean }).__selPwned).to.equal(undefined);
      // The website is still a link, to the address percent-encoded, its text exactly what the server sent.
      const website = getByRole(root(el), 'link', /^https:\/\/example\.org\//) as HTMLAnchorElement;
      expect(website.href).to.equal('https://example.org/%22%3E%3Cimg/src=x/onerror=alert(1)%3E');
      expect(website.textContent!.trim()).to.equal('https://example.org/"><img/src=x/onerror=alert(1)>');
    });

    for (const website of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/']) {
      it(`shows a website the server sends as ${JSON.stringify(website)} as plain text, never as a link`, async () => {
        const setup = await mockBackend();
        setup.backend.changeElsewhere({ website });
        const el = await loaded(setup);
        expect(visibleText(el)).to.contain(`Site web ${website}`);
        expect(queryByRole(root(el), 'link', website)).to.equal(null);
        expect(root(el).querySelector('[part~="website-link"]')).to.equal(null);
      });
    }

    it('shows an international host in punycode, so a homoglyph cannot pass for a Latin name', async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({ website: 'https://\u0430\u0440\u0440\u04cf\u0435.com/' });
      const el = await loaded(setup);
      const link = root(el).querySelector<HTMLAnchorElement>('[part~="website-link"]')!;
      expect(link.textContent!.trim()).to.equal('https://xn--80ak6aa92e.com/');
      expect(link.href).to.equal('https://xn--80ak6aa92e.com/');
    });

    it('shows a loading status, then the account', async () => {
      const setup = await mockBackend({ latencyMs: 200 });
      const el = await fixture<SelGeneralInfo>(html`<sel-general-info api-base=${setup.apiBase}></sel-general-info>`);
      expect(getByRole(root(el), 'status').textContent).to.contain('Chargement');
      await expect(el).to.be.accessible();
      await waitFor(() => button(el, 'Modifier… (site web)'));
    });

    it('has no « Modifier… » when the website is not editable, and says the directory correspondent changes it', async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({ editable: { website: false, phones: true, redList: true, password: true } });
      const el = await loaded(setup);
      expect(queryByRole(root(el), 'button', 'Modifier… (site web)')).to.equal(null);
      expect(visibleText(el)).to.contain(
        'Votre site web ne peut pas être modifié ici : seul votre correspondant annuaire peut le changer.',
      );
      expect(getByRole(root(el), 'link', DEMO_WEBSITE)).to.exist;
      expect((getByRole(root(el), 'link', /Correspondant annuaire/) as HTMLAnchorElement).href).to.equal(
        'mailto:annuaire@univ-exemple.fr',
      );
      await expect(el).to.be.accessible();
    });

    it('links the correspondent only through a mail address or an http(s) page', async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({
        directoryContact: { email: 'pas une adresse', url: 'https://annuaire.univ-exemple.fr/contact' },
      });
      const el = await loaded(setup);
      const link = getByRole(root(el), 'link', 'Contacter votre correspondant annuaire') as HTMLAnchorElement;
      expect(link.href).to.equal('https://annuaire.univ-exemple.fr/contact');
      const other = await mockBackend();
      other.backend.changeElsewhere({ directoryContact: { name: 'Annuaire', url: 'javascript:alert(1)' } });
      const unsafe = await loaded(other);
      expect(visibleText(unsafe)).to.contain('contactez votre correspondant annuaire. Annuaire');
      expect(queryByRole(root(unsafe), 'link', 'Annuaire')).to.equal(null);
      expect(root(unsafe).querySelector('a[href^="javascript"]')).to.equal(null);
    });

    it('links a correspondent given as a web page, and lets the portal reword the hint', async () => {
      configure({
        messages: {
          fr: { 'common.directoryHint': 'Pour tout le reste, adressez-vous au service des ressources humaines.' },
        },
      });
      const setup = await mockBackend();
      setup.backend.changeElsewhere({ directoryContact: { name: 'Service RH', url: 'https://rh.univ-exemple.fr/' } });
      const el = await loaded(setup);
      expect(visibleText(el)).to.contain('Pour tout le reste, adressez-vous au service des ressources humaines.');
      expect(visibleText(el)).not.to.contain('correspondant annuaire.');
      expect((getByRole(root(el), 'link', 'Service RH') as HTMLAnchorElement).href).to.equal(
        'https://rh.univ-exemple.fr/',
      );
    });
  });

  describe('the edit form, downloaded on « Modifier… »', () => {
    function statusText(el: SelGeneralInfo): string {
      return [...root(el).querySelectorAll('[role="status"]')].map((node) => node.textContent ?? '').join(' ');
    }

    it('shows the account while the form never arrives; « Modifier… » waits for it, then opens the form', async () => {
      const original = SelGeneralInfo.loadWebsiteEditing;
      let asked = 0;
      let release: () => void = () => undefined;
      const held = new Promise<WebsiteEditing>((resolve) => (release = () => void original().then(resolve)));
      SelGeneralInfo.loadWebsiteEditing = () => {
        asked++;
        return held;
      };
      try {
        const setup = await mockBackend();
        const el = await loaded(setup);
        // The whole view, from the account alone: nothing of it waits for the form.
        expect((getByRole(root(el), 'link', DEMO_WEBSITE) as HTMLAnchorElement).href).to.equal(DEMO_WEBSITE);
        expect(visibleText(el)).to.contain('Nom Claire Martin');
        expect(asked, 'form asked for by the view').to.equal(0);
        // Keyboard users get the prefetch too: focus alone starts the download.
        const edit = button(el, 'Modifier… (site web)');
        edit.focus();
        expect(asked).to.equal(1);
        edit.click();
        await waitFor(() => expect(statusText(el)).to.contain('Chargement'));
        expect(edit.getAttribute('aria-disabled')).to.equal('true');
        expect(queryByRole(root(el), 'textbox')).to.equal(null);
        await expect(el).to.be.accessible();
        // A second press while waiting does nothing more.
        edit.click();
        release();
        await waitFor(() => expect(field(el).value).to.equal(DEMO_WEBSITE));
        expect(deepActiveElement()).to.equal(field(el));
        expect(statusText(el)).not.to.contain('Chargement');
        await expect(el).to.be.accessible();
      } finally {
        SelGeneralInfo.loadWebsiteEditing = original;
      }
    });

    it('fetches the form on hover, so that the click opens it without another download', async () => {
      const original = SelGeneralInfo.loadWebsiteEditing;
      let asked = 0;
      SelGeneralInfo.loadWebsiteEditing = () => {
        asked++;
        return original();
      };
      try {
        const setup = await mockBackend();
        const el = await loaded(setup);
        button(el, 'Modifier… (site web)').dispatchEvent(new PointerEvent('pointerenter'));
        expect(asked).to.equal(1);
        await original();
        await openForm(el);
        expect(field(el).value).to.equal(DEMO_WEBSITE);
        expect(asked, 'the click found the form here').to.equal(1);
      } finally {
        SelGeneralInfo.loadWebsiteEditing = original;
      }
    });

    it('when the form fails to download: the account still shown, the failure said, and « Réessayer » opens the form', async () => {
      const original = SelGeneralInfo.loadWebsiteEditing;
      const errors: unknown[][] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      let fail = true;
      SelGeneralInfo.loadWebsiteEditing = () =>
        fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : original();
      try {
        const setup = await mockBackend();
        const el = await loaded(setup);
        // A failed prefetch (hover) says nothing: the person has not asked for anything yet.
        button(el, 'Modifier… (site web)').dispatchEvent(new PointerEvent('pointerenter'));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(queryByRole(root(el), 'alert')).to.equal(null);
        button(el, 'Modifier… (site web)').click();
        await waitFor(() => button(el, 'Réessayer'));
        expect(getByRole(root(el), 'alert').textContent).to.contain(
          "Le formulaire de modification n'a pas pu être chargé",
        );
        expect(deepActiveElement()).to.equal(button(el, 'Réessayer'));
        expect((getByRole(root(el), 'link', DEMO_WEBSITE) as HTMLAnchorElement).href).to.equal(DEMO_WEBSITE);
        expect(queryByRole(root(el), 'button', 'Modifier… (site web)')).to.equal(null);
        await expect(el).to.be.accessible();
        expect(String(errors[0]?.[0])).to.contain('<sel-general-info>');
        fail = false;
        button(el, 'Réessayer').click();
        await waitFor(() => expect(field(el).value).to.equal(DEMO_WEBSITE));
        expect(deepActiveElement()).to.equal(field(el));
        expect(queryByRole(root(el), 'alert')).to.equal(null);
        // The form works as ever once here.
        await fill(el, NEW_WEBSITE);
        await press(el, 'Valider');
        await waitFor(() => expect(patches(setup)).to.have.length(1));
      } finally {
        SelGeneralInfo.loadWebsiteEditing = original;
        console.error = consoleError;
      }
    });
  });

  describe('editing the website', () => {
    it('opens the « Site web » field (url, autocomplete url) with the current value, focused, described by its help', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      const input = field(el);
      expect(input.type).to.equal('url');
      expect(input.getAttribute('autocomplete')).to.equal('url');
      expect(input.value).to.equal(DEMO_WEBSITE);
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      expect(deepActiveElement()).to.equal(input);
      expect(description(input)).to.contain('Laissez le champ vide pour supprimer votre site web');
      expect(button(el, 'Valider').type).to.equal('submit');
      expect(button(el, 'Annuler')).to.exist;
      // Chrome's own names, as a screen reader receives them.
      const tree = await accessibilityTree();
      const textbox = findAxNode(tree, (node) => node.role === 'textbox') as AxNodeWithState | undefined;
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

    it('names « Modifier… » in the accessibility tree for what it edits', async () => {
      const setup = await mockBackend();
      await loaded(setup);
      const edit = findAxNode(
        await accessibilityTree(),
        (node) => node.role === 'button' && node.name === 'Modifier… (site web)',
      ) as AxNodeWithState | undefined;
      expect(edit?.name).to.equal('Modifier… (site web)');
    });

    it('saves a new website with one PATCH carrying If-Match, announces it and returns focus to « Modifier… »', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await fill(el, NEW_WEBSITE);
      await press(el, 'Valider');
      await waitFor(() =>
        expect(getByRole(root(el), 'status').textContent).to.contain('Votre site web est enregistré'),
      );
      // The address comes isolated (U+2068 … U+2069): a right-to-left path cannot reorder the sentence.
      expect(getByRole(root(el), 'status').textContent!.trim()).to.equal(
        `Votre site web est enregistré : \u2068${NEW_WEBSITE}\u2069.`,
      );
      expect(patches(setup)).to.have.length(1);
      expect(patches(setup)[0]!.headers.get('If-Match')).to.equal('"1"');
      expect(JSON.parse(patches(setup)[0]!.body)).to.deep.equal({ website: NEW_WEBSITE });
      expect(setup.backend.account.website).to.equal(NEW_WEBSITE);
      expect(events.of('sel-saved').map((event) => event.detail)).to.deep.equal([{ section: 'website' }]);
      expect(deepActiveElement()).to.equal(button(el, 'Modifier… (site web)'));
      expect((getByRole(root(el), 'link', NEW_WEBSITE) as HTMLAnchorElement).href).to.equal(NEW_WEBSITE);
      await expect(el).to.be.accessible();
    });

    it('sends the normalised address: host in lower case, spaces around it dropped', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await fill(el, '  HTTPS://Perso.Example.ORG/Université  ');
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal('https://perso.example.org/Université'));
    });

    it('disables « Valider » while the save is pending: one click, one request', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      setup.backend.latencyMs = 300;
      await openForm(el);
      await fill(el, NEW_WEBSITE);
      const save = button(el, 'Valider');
      save.click();
      save.click();
      await el.updateComplete;
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      expect(field(el).readOnly).to.equal(true);
      expect(visibleText(el)).to.contain('Enregistrement en cours');
      await expect(el).to.be.accessible();
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
      expect(setup.backend.calls.save).to.equal(1);
    }).timeout(5000);

    it('leaves edit mode without a request on « Annuler » and on Escape, focus back on « Modifier… »', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await fill(el, NEW_WEBSITE);
      await press(el, 'Annuler');
      expect(queryByRole(root(el), 'textbox')).to.equal(null);
      expect(deepActiveElement()).to.equal(button(el, 'Modifier… (site web)'));
      await openForm(el);
      expect(field(el).value, 'a new form starts from the saved value').to.equal(DEMO_WEBSITE);
      await fill(el, NEW_WEBSITE);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(queryByRole(root(el), 'textbox')).to.equal(null);
      expect(deepActiveElement()).to.equal(button(el, 'Modifier… (site web)'));
      expect(patches(setup)).to.have.length(0);
    });

    it('sends nothing when the website is unchanged, and says so', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await press(el, 'Valider');
      await waitFor(() => expect(visibleText(el)).to.contain('Aucune modification : votre site web est inchangé.'));
      expect(setup.backend.calls.save).to.equal(0);
      expect(deepActiveElement()).to.equal(button(el, 'Modifier… (site web)'));
    });
  });

  describe('checking the address before any request', () => {
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
        await fill(el, input);
        getByRole(root(el), 'button', 'Annuler').focus();
        await press(el, 'Valider');
        const input_ = field(el);
        expect(input_.getAttribute('aria-invalid')).to.equal('true');
        expect(description(input_)).to.contain(words);
        expect(deepActiveElement()).to.equal(input_);
        expect(input_.value, 'what the person typed stays').to.equal(input);
        expect(setup.requests.filter((request) => request.method !== 'GET')).to.have.length(0);
        await expect(el).to.be.accessible();
      });
    }

    it('says nothing while the person types, then explains when they leave the field, and clears once fixed', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await clearSelection();
      await sendKeys({ type: 'ftp:' });
      await el.updateComplete;
      expect(field(el).getAttribute('aria-invalid')).to.equal('false');
      expect(visibleText(el)).not.to.contain('Seules les adresses');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(field(el).getAttribute('aria-invalid')).to.equal('true');
      expect(description(field(el))).to.contain('Seules les adresses commençant par https:// ou http://');
      // Chrome exposes the state and the message to assistive technology.
      const textbox = findAxNode(await accessibilityTree(), (node) => node.role === 'textbox') as
        AxNodeWithState | undefined;
      expect(textbox?.invalid).to.equal('true');
      expect(textbox?.description).to.contain('Seules les adresses commençant par https://');
      field(el).focus();
      await clearSelection();
      await sendKeys({ type: 'https://www.example.org' });
      await el.updateComplete;
      expect(field(el).getAttribute('aria-invalid')).to.equal('false');
      expect(visibleText(el)).not.to.contain('Seules les adresses');
    });

    it('offers https:// for an address typed without it, and saves it once the person accepts', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await fill(el, 'perso.example.org');
      await press(el, 'Valider');
      expect(description(field(el))).to.contain(
        "Il manque le début de l'adresse. Vouliez-vous dire https://perso.example.org ?",
      );
      // The suggestion is information, not an error: the field keeps its normal border.
      expect(field(el).getAttribute('aria-invalid')).to.equal('false');
      expect(deepActiveElement()).to.equal(field(el));
      expect(setup.backend.calls.save).to.equal(0);
      await expect(el).to.be.accessible();
      await press(el, 'Utiliser cette adresse');
      expect(field(el).value).to.equal('https://perso.example.org');
      expect(field(el).getAttribute('aria-invalid')).to.equal('false');
      expect(deepActiveElement()).to.equal(field(el));
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal('https://perso.example.org'));
      expect(JSON.parse(patches(setup)[0]!.body)).to.deep.equal({ website: 'https://perso.example.org' });
    });

    it('shows the suggestion when the person leaves the field too', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await clearSelection();
      await sendKeys({ type: 'www.univ-exemple.fr/~cmartin' });
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(visibleText(el)).to.contain('Vouliez-vous dire https://www.univ-exemple.fr/~cmartin ?');
      expect(deepActiveElement()).to.equal(button(el, 'Valider'));
      expect(setup.backend.calls.save).to.equal(0);
    });

    it('a click on « Annuler » right after typing a wrong address is not lost to the message appearing', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await clearSelection();
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
      expect(queryByRole(root(el), 'textbox')).to.equal(null);
      expect(setup.requests.filter((request) => request.method !== 'GET')).to.have.length(0);
    });
  });

  describe('removing the website', () => {
    it('asks for confirmation on a button named for it, then removes the website', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await fill(el, '   ');
      await press(el, 'Valider');
      expect(visibleText(el)).to.contain(
        `Le champ est vide : votre site web ${DEMO_WEBSITE} sera supprimé. Confirmez la suppression, ou saisissez une adresse.`,
      );
      const confirm = button(el, 'Confirmer la suppression');
      expect(deepActiveElement()).to.equal(confirm);
      expect(queryByRole(root(el), 'button', 'Valider')).to.equal(null);
      expect(setup.backend.calls.save).to.equal(0);
      await expect(el).to.be.accessible();
      confirm.click();
      await waitFor(() =>
        expect(getByRole(root(el), 'status').textContent).to.contain('Votre site web a été supprimé.'),
      );
      expect(JSON.parse(patches(setup)[0]!.body)).to.deep.equal({ website: null });
      expect(setup.backend.account.website).to.equal(null);
      expect(visibleText(el)).to.contain('Site web Aucun site web');
      expect(deepActiveElement()).to.equal(button(el, 'Modifier… (site web)'));
    });

    it('drops the confirmation as soon as the person types an address again', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await fill(el, '');
      await press(el, 'Valider');
      expect(button(el, 'Confirmer la suppression')).to.exist;
      await fill(el, NEW_WEBSITE);
      expect(queryByRole(root(el), 'button', 'Confirmer la suppression')).to.equal(null);
      expect(visibleText(el)).not.to.contain('sera supprimé');
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
    });

    it('sends nothing when there is no website and the field stays empty', async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({ website: null });
      const el = await loaded(setup);
      await openForm(el);
      expect(field(el).value).to.equal('');
      await press(el, 'Valider');
      await waitFor(() => expect(visibleText(el)).to.contain('votre site web est inchangé'));
      expect(setup.backend.calls.save).to.equal(0);
    });
  });

  describe('keyboard alone', () => {
    it('changes the website through the suggestion, then removes it, in French', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await tabTo(() => button(el, 'Modifier… (site web)'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(field(el));
      await clearSelection();
      await sendKeys({ type: 'perso.example.org' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(field(el));
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(button(el, 'Utiliser cette adresse'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(field(el));
      await sendKeys({ press: 'Enter' });
      await waitFor(() => expect(setup.backend.account.website).to.equal('https://perso.example.org'));
      await waitFor(() => expect(deepActiveElement()).to.equal(button(el, 'Modifier… (site web)')));

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await clearSelection();
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(button(el, 'Confirmer la suppression'));
      await sendKeys({ press: 'Enter' });
      await waitFor(() => expect(setup.backend.account.website).to.equal(null));
      await waitFor(() => expect(deepActiveElement()).to.equal(button(el, 'Modifier… (site web)')));
    });

    it('changes the website and cancels with Escape, in English', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup, 'en');
      await tabTo(() => button(el, 'Edit… (website)'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(field(el, 'Website'));
      await sendKeys({ type: 'x' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(button(el, 'Edit… (website)'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await clearSelection();
      await sendKeys({ type: NEW_WEBSITE });
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(button(el, 'Save'));
      await sendKeys({ press: 'Enter' });
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
      await waitFor(() => expect(getByRole(root(el), 'status').textContent).to.contain('Your website is saved'));
      expect(deepActiveElement()).to.equal(button(el, 'Edit… (website)'));
    });
  });

  describe('failures keep the input and say what happened', () => {
    async function failSave(fault: Fault) {
      const setup = await mockBackend();
      const el = await loaded(setup);
      setup.backend.setFault('save', fault);
      await openForm(el);
      await fill(el, NEW_WEBSITE);
      await press(el, 'Valider');
      await waitFor(() => getByRole(root(el), 'alert'));
      return { el, setup };
    }

    for (const [kind, words] of [
      ['network', 'Le serveur est injoignable'],
      ['server', 'Le service a rencontré une erreur'],
      ['invalid_response', 'Le serveur a envoyé une réponse inattendue'],
    ] as const) {
      it(`${kind}: keeps the address, explains, and lets the person retry`, async () => {
        const { el, setup } = await failSave(kind);
        const alert = getByRole(root(el), 'alert');
        expect(alert.textContent).to.contain(words);
        expect(field(el).value).to.equal(NEW_WEBSITE);
        expect(events.of('sel-error').at(-1)!.detail).to.include({ section: 'website', operation: 'save', kind });
        expect(deepActiveElement()).to.equal(alert);
        await expect(el).to.be.accessible();
        setup.backend.clearFault();
        await press(el, 'Valider');
        await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
      });
    }

    it('timeout: an adapter that gives up says the server did not answer in time', async () => {
      const setup = await mockBackend();
      const adapter = new RestAdapter({ baseUrl: setup.apiBase, timeoutMs: 300 });
      const el = await fixture<SelGeneralInfo>(html`<sel-general-info .adapter=${adapter}></sel-general-info>`);
      await waitFor(() => button(el, 'Modifier… (site web)'));
      setup.backend.setFault('save', 'timeout');
      await openForm(el);
      await fill(el, NEW_WEBSITE);
      await press(el, 'Valider');
      await waitFor(() => expect(getByRole(root(el), 'alert').textContent).to.contain("n'a pas répondu à temps"));
      expect(field(el).value).to.equal(NEW_WEBSITE);
      expect(events.of('sel-error').at(-1)!.detail).to.include({ section: 'website', kind: 'timeout' });
    });

    it('401: keeps the address, says the session ended, and fires sel-unauthorized', async () => {
      const { el } = await failSave('unauthorized');
      expect(getByRole(root(el), 'alert').textContent).to.contain('Votre session a expiré');
      expect(field(el).value).to.equal(NEW_WEBSITE);
      expect(events.of('sel-unauthorized')).to.have.length(1);
      expect(events.of('sel-error').at(-1)!.detail).to.deep.equal({
        section: 'website',
        operation: 'save',
        kind: 'unauthorized',
        status: 401,
        code: 'unauthorized',
      });
    });

    it('403: closes the form, says why and whom to ask, and reloads what is editable', async () => {
      const { el, setup } = await failSave('forbidden');
      expect(queryByRole(root(el), 'textbox')).to.equal(null);
      const alert = getByRole(root(el), 'alert');
      expect(alert.textContent).to.contain("Vous n'êtes pas autorisé(e) à modifier votre site web ici.");
      expect(alert.textContent).to.contain('contactez votre correspondant annuaire');
      // The form is gone, not what the person typed: the message repeats it.
      expect(visibleText(alert)).to.contain(`L'adresse que vous avez saisie : ${NEW_WEBSITE}.`);
      expect(deepActiveElement()).to.equal(alert);
      await waitFor(() => expect(setup.backend.calls.load).to.equal(2));
      await expect(el).to.be.accessible();
    });

    it('412 then 403: the account changed elsewhere to "not editable"; the retry is refused and the form closes', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await fill(el, NEW_WEBSITE);
      setup.backend.changeElsewhere({ editable: { website: false, phones: true, redList: true, password: true } });
      await press(el, 'Valider');
      await waitFor(() => expect(getByRole(root(el), 'alert').textContent).to.contain('modifié ailleurs'));
      await press(el, 'Valider');
      await waitFor(() => expect(queryByRole(root(el), 'textbox')).to.equal(null));
      expect(getByRole(root(el), 'alert').textContent).to.contain("Vous n'êtes pas autorisé(e)");
      expect(queryByRole(root(el), 'button', 'Modifier… (site web)')).to.equal(null);
      expect(visibleText(el)).to.contain('seul votre correspondant annuaire peut le changer');
      expect(events.of('sel-error').map((event) => event.detail.kind)).to.deep.equal(['conflict', 'forbidden']);
    });

    it('412: reloads the account, keeps the address typed, shows the saved one beside it, and the retry carries the new version', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await fill(el, NEW_WEBSITE);
      setup.backend.changeElsewhere({ website: 'https://ailleurs.example.org/' });
      await press(el, 'Valider');
      await waitFor(() => getByRole(root(el), 'alert'));
      const alert = getByRole(root(el), 'alert');
      expect(alert.textContent).to.contain('modifié ailleurs');
      expect(visibleText(alert)).to.contain('Site web enregistré actuellement : https://ailleurs.example.org/.');
      expect(field(el).value).to.equal(NEW_WEBSITE);
      expect(deepActiveElement()).to.equal(alert);
      expect(setup.backend.calls.load).to.equal(2);
      expect(events.of('sel-error').at(-1)!.detail).to.include({ kind: 'conflict', status: 412 });
      await expect(el).to.be.accessible();
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
      expect(patches(setup).map((request) => request.headers.get('If-Match'))).to.deep.equal(['"1"', '"2"']);
    });

    it('412 during a removal: asks again, against the website saved now', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await fill(el, '');
      await press(el, 'Valider');
      setup.backend.changeElsewhere({ website: 'https://ailleurs.example.org/' });
      await press(el, 'Confirmer la suppression');
      await waitFor(() => expect(getByRole(root(el), 'alert').textContent).to.contain('https://ailleurs.example.org/'));
      expect(field(el).value).to.equal('');
      await press(el, 'Valider');
      expect(visibleText(el)).to.contain('votre site web https://ailleurs.example.org/ sera supprimé');
      await press(el, 'Confirmer la suppression');
      await waitFor(() => expect(setup.backend.account.website).to.equal(null));
    });

    it("422: shows the server's field error on the field, marked invalid, focus on it", async () => {
      const { el, setup } = await (async () => {
        const setup = await mockBackend();
        const el = await loaded(setup);
        setup.backend.setFault('save', {
          kind: 'validation',
          fieldErrors: [{ field: 'website', code: 'no_host' }],
          once: true,
        });
        await openForm(el);
        await fill(el, NEW_WEBSITE);
        await press(el, 'Valider');
        await waitFor(() => expect(field(el).getAttribute('aria-invalid')).to.equal('true'));
        return { el, setup };
      })();
      expect(description(field(el))).to.contain("L'adresse doit contenir un nom de site complet");
      expect(field(el).value).to.equal(NEW_WEBSITE);
      expect(deepActiveElement()).to.equal(field(el));
      expect(queryByRole(root(el), 'alert')).to.equal(null);
      expect(events.of('sel-error').at(-1)!.detail).to.include({ kind: 'validation', status: 422 });
      await expect(el).to.be.accessible();
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
    });

    it('422 with a code this library does not know still says the server refused the address', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      setup.backend.setFault('save', { kind: 'validation', fieldErrors: [{ field: 'website', code: 'blocklisted' }] });
      await openForm(el);
      await fill(el, NEW_WEBSITE);
      await press(el, 'Valider');
      await waitFor(() =>
        expect(description(field(el))).to.contain(
          'Le serveur a refusé cette adresse. Vérifiez-la, puis validez à nouveau.',
        ),
      );
      expect(field(el).getAttribute('aria-invalid')).to.equal('true');
    });

    it('422 without a field error is said in the alert', async () => {
      // The contract always names the field; a backend that does not must still get a sentence.
      const { el } = await failSave({ kind: 'validation', fieldErrors: [] });
      expect(getByRole(root(el), 'alert').textContent).to.contain('Le serveur a refusé la valeur saisie.');
      expect(field(el).getAttribute('aria-invalid')).to.equal('false');
    });

    it('429: disables « Valider » for Retry-After seconds and says how long; then focus is on « Valider »', async () => {
      const { el, setup } = await failSave({ kind: 'rate_limited', retryAfterSeconds: 2, once: true });
      const save = button(el, 'Valider');
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      const alert = getByRole(root(el), 'alert');
      expect(alert.textContent).to.match(/réessayer dans 2 s/);
      expect(deepActiveElement()).to.equal(alert);
      expect(field(el).value).to.equal(NEW_WEBSITE);
      await expect(el).to.be.accessible();
      await waitFor(() => expect(save.getAttribute('aria-disabled')).to.equal('false'), 4000);
      // The message went with the wait; the focus did not fall back to the page.
      expect(queryByRole(root(el), 'alert')).to.equal(null);
      expect(deepActiveElement()).to.equal(save);
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
    }).timeout(8000);

    it('429, « Annuler », « Modifier… » again: the form says why « Valider » is still disabled', async () => {
      const { el, setup } = await failSave({ kind: 'rate_limited', retryAfterSeconds: 3, once: true });
      await press(el, 'Annuler');
      await openForm(el);
      expect(button(el, 'Valider').getAttribute('aria-disabled')).to.equal('true');
      expect(getByRole(root(el), 'alert').textContent).to.match(
        /Trop de tentatives. Vous pourrez réessayer dans [1-3] s./,
      );
      await expect(el).to.be.accessible();
      await fill(el, NEW_WEBSITE);
      await waitFor(() => expect(button(el, 'Valider').getAttribute('aria-disabled')).to.equal('false'), 5000);
      expect(queryByRole(root(el), 'alert')).to.equal(null);
      await press(el, 'Valider');
      await waitFor(() => expect(setup.backend.account.website).to.equal(NEW_WEBSITE));
    }).timeout(10000);

    it('a save that fails after « Annuler » is still reported, without taking the focus', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      setup.backend.latencyMs = 200;
      setup.backend.setFault('save', 'server');
      await openForm(el);
      await fill(el, NEW_WEBSITE);
      await press(el, 'Valider');
      await press(el, 'Annuler');
      expect(deepActiveElement()).to.equal(button(el, 'Modifier… (site web)'));
      await waitFor(() =>
        expect(getByRole(root(el), 'alert').textContent).to.contain('Le service a rencontré une erreur'),
      );
      expect(deepActiveElement()).to.equal(button(el, 'Modifier… (site web)'));
    });

    it('a save that succeeds after « Annuler » is announced', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      setup.backend.latencyMs = 200;
      await openForm(el);
      await fill(el, NEW_WEBSITE);
      await press(el, 'Valider');
      await press(el, 'Annuler');
      await waitFor(() =>
        expect(getByRole(root(el), 'status').textContent).to.contain('Votre site web est enregistré'),
      );
      expect(getByRole(root(el), 'link', NEW_WEBSITE)).to.exist;
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
        const el = await fixture<SelGeneralInfo>(html`<sel-general-info api-base=${setup.apiBase}></sel-general-info>`);
        await waitFor(() => button(el, 'Réessayer'));
        expect(getByRole(root(el), 'alert').textContent).to.contain(words);
        expect(events.of('sel-error').at(-1)!.detail).to.include({ section: 'website', operation: 'load', kind });
        await expect(el).to.be.accessible();
        setup.backend.clearFault();
        await press(el, 'Réessayer');
        await waitFor(() => expect(visibleText(el)).to.contain('Claire Martin'));
      });
    }

    it('401 on load fires sel-unauthorized', async () => {
      const setup = await mockBackend();
      setup.backend.setFault('load', 'unauthorized');
      const el = await fixture<SelGeneralInfo>(html`<sel-general-info api-base=${setup.apiBase}></sel-general-info>`);
      await waitFor(() => button(el, 'Réessayer'));
      expect(events.of('sel-unauthorized')).to.have.length(1);
    });
  });

  describe('language', () => {
    it('speaks English with lang="en": information, affiliations, dates, form and messages', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup, 'en');
      const text = visibleText(el);
      expect(getByRole(root(el), 'heading', 'General information')).to.exist;
      for (const piece of [
        'Name Claire Martin',
        'Login cmartin',
        'Email address claire.martin@univ-exemple.fr',
        'Administrative or technical staff (primary affiliation)',
        'Employee of the university',
        'Member of the university',
        'Units',
        'Job title Ingénieure systèmes',
        'Password last changed 14 March 2026',
        'Your account stays valid for three months after you leave the university.',
        'For information you cannot change yourself, contact your directory correspondent.',
      ]) {
        expect(text).to.contain(piece);
      }
      await expect(el).to.be.accessible();
      await openForm(el, 'Edit… (website)');
      expect(field(el, 'Website').type).to.equal('url');
      expect(button(el, 'Save')).to.exist;
      expect(button(el, 'Cancel')).to.exist;
      await fill(el, 'mailto:claire@example.org', 'Website');
      await press(el, 'Save');
      expect(description(field(el, 'Website'))).to.contain(
        'Only addresses starting with https:// or http:// are accepted.',
      );
      await fill(el, 'perso.example.org', 'Website');
      await press(el, 'Save');
      expect(description(field(el, 'Website'))).to.contain('Did you mean https://perso.example.org?');
      await press(el, 'Use this address');
      await fill(el, '', 'Website');
      await press(el, 'Save');
      expect(visibleText(el)).to.contain(`The field is empty: your website ${DEMO_WEBSITE} will be removed.`);
      await expect(el).to.be.accessible();
      await press(el, 'Confirm removal');
      await waitFor(() =>
        expect(getByRole(root(el), 'status').textContent).to.contain('Your website has been removed.'),
      );
      expect(visibleText(el)).to.contain('Website No website');
    });

    it('says a 412 and a 403 in English', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup, 'en');
      await openForm(el, 'Edit… (website)');
      await fill(el, NEW_WEBSITE, 'Website');
      setup.backend.changeElsewhere({ website: null });
      await press(el, 'Save');
      await waitFor(() => getByRole(root(el), 'alert'));
      expect(getByRole(root(el), 'alert').textContent).to.contain(
        'Your account was changed elsewhere in the meantime and has just been reloaded. Website saved at present: none.',
      );
      setup.backend.setFault('save', 'forbidden');
      await press(el, 'Save');
      await waitFor(() => expect(queryByRole(root(el), 'textbox')).to.equal(null));
      expect(getByRole(root(el), 'alert').textContent).to.contain('You are not allowed to change your website here.');
      expect(visibleText(getByRole(root(el), 'alert'))).to.contain(`The address you typed: ${NEW_WEBSITE}.`);
    });

    for (const [kind, words] of [
      ['network', 'The server cannot be reached. Check your connection, then try again.'],
      ['server', 'The service ran into an error. Try again later.'],
      ['unauthorized', 'Your session has expired.'],
      ['invalid_response', 'The server sent an unexpected answer.'],
    ] as const) {
      it(`says a ${kind} failure in English, the address kept`, async () => {
        const setup = await mockBackend();
        const el = await loaded(setup, 'en');
        setup.backend.setFault('save', kind);
        await openForm(el, 'Edit… (website)');
        await fill(el, NEW_WEBSITE, 'Website');
        await press(el, 'Save');
        await waitFor(() => expect(getByRole(root(el), 'alert').textContent).to.contain(words));
        expect(field(el, 'Website').value).to.equal(NEW_WEBSITE);
        await expect(el).to.be.accessible();
      });
    }

    it('says the checks in English', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup, 'en');
      await openForm(el, 'Edit… (website)');
      for (const [input, words] of [
        ['https://intranet/', 'The address must contain a full site name, with a dot'],
        ['https://claire:secret@example.org', 'The address must not contain a user name or password'],
        ['//evil.example/', 'This web address is not valid.'],
        [`https://example.org/${'a'.repeat(2100)}`, 'This address is too long: 2048 characters at most.'],
      ] as const) {
        await fill(el, input, 'Website');
        await press(el, 'Save');
        expect(field(el, 'Website').getAttribute('aria-invalid'), input).to.equal('true');
        expect(description(field(el, 'Website')), input).to.contain(words);
      }
      expect(setup.backend.calls.save).to.equal(0);
    });

    it('follows a change of <html lang> without a reload', async () => {
      const setup = await mockBackend();
      const before = document.documentElement.lang;
      try {
        document.documentElement.lang = 'en-GB';
        const el = await fixture<SelGeneralInfo>(html`<sel-general-info api-base=${setup.apiBase}></sel-general-info>`);
        await waitFor(() => button(el, 'Edit… (website)'));
        document.documentElement.lang = 'fr';
        await waitFor(() =>
          expect(getByRole(root(el), 'heading').textContent!.trim()).to.equal('Informations générales'),
        );
        expect(visibleText(el)).to.contain('14 mars 2026');
      } finally {
        document.documentElement.lang = before;
      }
    });

    it("switches the open form's words both ways, though its French came with its chunk", async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await fill(el, 'perso.example.org');
      await press(el, 'Valider');
      expect(description(field(el))).to.contain('Vouliez-vous dire https://perso.example.org ?');
      expect(description(field(el))).to.contain('Adresse complète, commençant par https://');
      el.setAttribute('lang', 'en');
      await waitFor(() => expect(description(field(el, 'Website'))).to.contain('Full address, starting with https://'));
      expect(button(el, 'Use this address')).to.exist;
      el.setAttribute('lang', 'fr');
      await waitFor(() => expect(description(field(el))).to.contain('Adresse complète, commençant par https://'));
      expect(button(el, 'Utiliser cette adresse')).to.exist;
      expect(field(el).value, 'what the person typed').to.equal('perso.example.org');
    });
  });

  describe('configuration', () => {
    it('without any backend, says it is not configured and logs one console error', async () => {
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await fixture<SelGeneralInfo>(html`<sel-general-info></sel-general-info>`);
        // Said once the portal had the task it runs in and the next to call configure().
        await waitFor(() => expect(getByRole(root(el), 'alert').textContent).to.contain("n'est pas configurée"));
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('<sel-general-info>');
    });

    it('configure({ messages }) renames an affiliation label', async () => {
      configure({ messages: { fr: { 'generalInfo.affiliation.staff': 'Personnel BIATSS' } } });
      const setup = await mockBackend();
      const el = await loaded(setup);
      expect(visibleText(el)).to.contain('Personnel BIATSS (affiliation principale)');
    });
  });
});
