/** <sel-general-info> in view mode: what the directory knows, read-only, and whom to ask for the rest. */
import { expect, fixture, html } from '@open-wc/testing';
import { countFetches, allByRole, button, byRole, pause, press, sectionTestSetup } from '../../helpers/section.js';
import type { SelGeneralInfo } from '../../../src/sel-general-info.js';
import { configure } from '../../../src/config.js';
import { imperfectBackend } from '../../helpers/imperfect-backend.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { DEMO_WEBSITE, EDIT, loaded, website } from './harness.js';

const moduleFetches = countFetches(/\/(src|node_modules)\//);

function link(el: SelGeneralInfo, name: string | RegExp): HTMLAnchorElement {
  return byRole(el, 'link', name) as HTMLAnchorElement;
}

describe('<sel-general-info> in view mode', () => {
  const section = sectionTestSetup();

  it('shows the account for reading, the website as a link, « Modifier… » and the correspondent hint', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    const text = visibleText(el);
    expect(byRole(el, 'heading', 'Informations générales').getAttribute('aria-level')).to.equal('2');
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
    expect(link(el, 'claire.martin@univ-exemple.fr').href).to.equal('mailto:claire.martin@univ-exemple.fr');
    expect(link(el, DEMO_WEBSITE).href).to.equal(DEMO_WEBSITE);
    expect(link(el, /Correspondant annuaire/).href).to.equal('mailto:annuaire@univ-exemple.fr');
    // Read-only information is text, not disabled inputs.
    expect(allByRole(el, 'textbox')).to.have.length(0);
    expect(button(el, EDIT)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('lists the primary affiliation first, each known value in words, an unknown one as is', async () => {
    const setup = await mockBackend();
    setup.backend.changeElsewhere({
      affiliations: ['member', 'Faculty', 'researcher', 'teacher', 'visiting-scholar', 'member'],
      primaryAffiliation: 'faculty',
    });
    const el = await loaded(setup);
    const items = el.shadowRoot!.querySelector('[part="list"]')!.querySelectorAll('li');
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
      const items = el.shadowRoot!.querySelector('[part="list"]')!.querySelectorAll('li');
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
    expect(allByRole(el, 'link', /@univ-exemple.fr$/)).to.have.length(0);
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
    await pause(50);
    expect(visibleText(el)).to.contain(hostile);
    expect(visibleText(el)).to.contain('<b>Directrice</b><script>');
    expect(el.shadowRoot!.querySelector('img, script, svg, b, a[href^="javascript"]')).to.equal(null);
    expect((window as Window & { __selPwned?: boolean }).__selPwned).to.equal(undefined);
    // The website is still a link, to the address percent-encoded, its text exactly what the server sent.
    const shown = link(el, /^https:\/\/example\.org\//);
    expect(shown.href).to.equal('https://example.org/%22%3E%3Cimg/src=x/onerror=alert(1)%3E');
    expect(shown.textContent!.trim()).to.equal('https://example.org/"><img/src=x/onerror=alert(1)>');
  });

  for (const value of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/']) {
    it(`shows a website the server sends as ${JSON.stringify(value)} as plain text, never as a link`, async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({ website: value });
      const el = await loaded(setup);
      expect(visibleText(el)).to.contain(`Site web ${value}`);
      expect(allByRole(el, 'link', value)).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[part~="website-link"]')).to.equal(null);
    });
  }

  it('shows an international host in punycode, so a homoglyph cannot pass for a Latin name', async () => {
    const setup = await mockBackend();
    setup.backend.changeElsewhere({ website: 'https://\u0430\u0440\u0440\u04cf\u0435.com/' });
    const el = await loaded(setup);
    const shown = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="website-link"]')!;
    expect(shown.textContent!.trim()).to.equal('https://xn--80ak6aa92e.com/');
    expect(shown.href).to.equal('https://xn--80ak6aa92e.com/');
  });

  it('shows a loading status, then the account', async () => {
    const setup = await mockBackend({ latencyMs: 200 });
    const el = await fixture<SelGeneralInfo>(html`<sel-general-info api-base=${setup.apiBase}></sel-general-info>`);
    expect(byRole(el, 'status').textContent).to.contain('Chargement');
    await expect(el).to.be.accessible();
    await waitFor(() => button(el, EDIT));
  });

  it('« Modifier… » opens the form at once: the view holds all of it, nothing is downloaded', async () => {
    const setup = await mockBackend();
    const el = await loaded(setup);
    await pause(50);
    const before = moduleFetches();
    expect(before, 'the modules of the page, as counted').to.be.greaterThan(0);
    await press(el, EDIT);
    expect(website(el).value).to.equal(DEMO_WEBSITE);
    await pause(50);
    expect(moduleFetches(), 'modules fetched by « Modifier… »').to.equal(before);
  });

  it('has no « Modifier… » when the website is not editable, and says the directory correspondent changes it', async () => {
    const setup = await mockBackend();
    setup.backend.changeElsewhere({ editable: { website: false, phones: true, redList: true, password: true } });
    const el = await loaded(setup);
    expect(allByRole(el, 'button', EDIT)).to.have.length(0);
    expect(visibleText(el)).to.contain(
      'Votre site web ne peut pas être modifié ici : seul votre correspondant annuaire peut le changer.',
    );
    expect(link(el, DEMO_WEBSITE)).to.exist;
    expect(link(el, /Correspondant annuaire/).href).to.equal('mailto:annuaire@univ-exemple.fr');
    await expect(el).to.be.accessible();
  });

  it('links the correspondent only through a mail address or an http(s) page', async () => {
    const setup = await mockBackend();
    setup.backend.changeElsewhere({
      directoryContact: { email: 'pas une adresse', url: 'https://annuaire.univ-exemple.fr/contact' },
    });
    const el = await loaded(setup);
    expect(link(el, 'Contacter votre correspondant annuaire').href).to.equal(
      'https://annuaire.univ-exemple.fr/contact',
    );
    const other = await mockBackend();
    other.backend.changeElsewhere({ directoryContact: { name: 'Annuaire', url: 'javascript:alert(1)' } });
    const unsafe = await loaded(other);
    expect(visibleText(unsafe)).to.contain('contactez votre correspondant annuaire. Annuaire');
    expect(allByRole(unsafe, 'link', 'Annuaire')).to.have.length(0);
    expect(unsafe.shadowRoot!.querySelector('a[href^="javascript"]')).to.equal(null);
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
    expect(link(el, 'Service RH').href).to.equal('https://rh.univ-exemple.fr/');
  });

  it('configure({ messages }) renames an affiliation label', async () => {
    configure({ messages: { fr: { 'generalInfo.affiliation.staff': 'Personnel BIATSS' } } });
    const setup = await mockBackend();
    const el = await loaded(setup);
    expect(visibleText(el)).to.contain('Personnel BIATSS (affiliation principale)');
  });

  // Every field the section shows, as the contract names it: one in a shape the contract does not know makes
  // the section say so, rather than show a stand-in as if it were the person's information.
  for (const field of [
    'displayName',
    'uid',
    'mail',
    'affiliations',
    'primaryAffiliation',
    'structures',
    'title',
    'passwordChangedAt',
    'accountExpiresAt',
    'website',
  ]) {
    it(`${field} in a shape the contract does not know: the section says so, and tells the portal`, async () => {
      const { adapter } = imperfectBackend({ body: { [field]: 42 } });
      const el = await fixture<SelGeneralInfo>(html`<sel-general-info .adapter=${adapter}></sel-general-info>`);
      await waitFor(() => expect(visibleText(el)).to.contain('forme inattendue'));
      expect(byRole(el, 'alert')).to.exist;
      expect(button(el, 'Réessayer')).to.exist;
      expect(visibleText(el)).not.to.contain('Claire Martin');
      expect(section.events.of('sel-error').map((event) => event.detail)).to.deep.equal([
        { section: 'website', operation: 'load', kind: 'invalid_response' },
      ]);
    });
  }
});
