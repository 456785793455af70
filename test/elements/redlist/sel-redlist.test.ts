import { expect, fixture, html, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { accessibilityTree, findAxNode } from '../../helpers/a11y-tree.js';
import '../../../src/sel-redlist.js';
import type { SelRedlist } from '../../../src/sel-redlist.js';
import { RestAdapter } from '../../../src/api/rest-adapter.js';
import { configure } from '../../../src/config.js';
import { mockBackend, type TestBackend } from '../../helpers/mock-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import {
  alertText,
  allByRole,
  button,
  byRole,
  focused,
  pause,
  press,
  requestsOf,
  sectionTestSetup,
  statusText,
} from '../../helpers/section.js';

const QUESTION = "Apparaître dans l'annuaire public";
const LISTED = "Vous apparaissez dans l'annuaire public de l'université.";

async function loaded(setup: TestBackend, lang = 'fr'): Promise<SelRedlist> {
  const el = await fixture<SelRedlist>(html`<sel-redlist api-base=${setup.apiBase} lang=${lang}></sel-redlist>`);
  await waitFor(() => button(el, lang === 'fr' ? 'Modifier… (liste rouge)' : 'Edit… (ex-directory)'));
  return el;
}

async function openForm(el: SelRedlist): Promise<void> {
  await press(el, 'Modifier… (liste rouge)');
}

function radio(el: SelRedlist, name: string): HTMLInputElement {
  return byRole(el, 'radio', name) as HTMLInputElement;
}

async function choose(el: SelRedlist, name: string): Promise<void> {
  radio(el, name).click();
  await el.updateComplete;
}

async function submit(el: SelRedlist): Promise<void> {
  await press(el, 'Valider');
}

describe('<sel-redlist>', () => {
  const portal = sectionTestSetup();

  describe('view mode', () => {
    it('says whether the person appears in the public directory, and offers « Modifier… »', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      expect(visibleText(el)).to.contain(LISTED);
      expect(byRole(el, 'heading', 'Liste rouge')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows the liste rouge state when redList is true', async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({ redList: true });
      const el = await loaded(setup);
      expect(visibleText(el)).to.contain('inscrit(e) en liste rouge');
    });

    it('shows a loading status, then the account', async () => {
      const setup = await mockBackend({ latencyMs: 200 });
      const el = await fixture<SelRedlist>(html`<sel-redlist api-base=${setup.apiBase}></sel-redlist>`);
      expect(statusText(el)).to.contain('Chargement');
      await expect(el).to.be.accessible();
      await waitFor(() => button(el, 'Modifier… (liste rouge)'));
    });

    it('has no « Modifier… » when the choice is not editable, and names the directory correspondent', async () => {
      const setup = await mockBackend();
      setup.backend.changeElsewhere({
        editable: { website: true, phones: true, redList: false, password: true },
      });
      const el = await fixture<SelRedlist>(html`<sel-redlist api-base=${setup.apiBase}></sel-redlist>`);
      await waitFor(() => expect(visibleText(el)).to.contain('ne peut pas être modifiée ici'));
      expect(allByRole(el, 'button', 'Modifier… (liste rouge)')).to.deep.equal([]);
      expect(visibleText(el)).to.contain('contactez votre correspondant annuaire');
      const link = byRole(el, 'link', /Correspondant annuaire/) as HTMLAnchorElement;
      expect(link.href).to.equal('mailto:annuaire@univ-exemple.fr');
      await expect(el).to.be.accessible();
    });
  });

  describe('editing', () => {
    it('opens a radio group named « Apparaître dans l’annuaire public » with the legal notice, focus on the current choice', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      expect(radio(el, 'Oui').checked).to.equal(true);
      expect(radio(el, 'Non').checked).to.equal(false);
      expect(focused()).to.equal('input: Oui');
      expect(visibleText(el)).to.contain('loi Informatique et libertés');
      expect(visibleText(el)).to.contain('article 21 du RGPD');
      // What « liste rouge » means: out of the public directory, still in the internal one.
      expect(visibleText(el)).to.contain(
        "consultable par tous sur Internet. En liste rouge, vous restez visible dans l'annuaire interne",
      );
      // Chrome's own accessibility tree: the group role and name a screen reader announces.
      const group = findAxNode(await accessibilityTree(), (node) => node.role === 'radiogroup');
      expect(group?.name, 'radiogroup in the accessibility tree').to.equal(QUESTION);
      const radios = (group?.children ?? []).flatMap((child) => [child, ...(child.children ?? [])]);
      expect(radios.filter((node) => node.role === 'radio').map((node) => node.name)).to.deep.equal(['Oui', 'Non']);
      await expect(el).to.be.accessible();
    });

    it('saves the new choice with one PATCH carrying If-Match, then announces it and returns focus', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await choose(el, 'Non');
      await submit(el);
      await waitFor(() => expect(visibleText(el)).to.contain("vous n'apparaissez plus dans l'annuaire public"));
      const patches = requestsOf(setup, 'PATCH');
      expect(patches).to.have.length(1);
      expect(patches[0]!.headers.get('If-Match')).to.equal('"1"');
      expect(JSON.parse(patches[0]!.body)).to.deep.equal({ redList: true });
      expect(setup.backend.account.redList).to.equal(true);
      expect(statusText(el)).to.contain('Votre choix est enregistré');
      expect(portal.events.of('sel-saved').map((event) => event.detail)).to.deep.equal([{ section: 'redList' }]);
      expect(focused()).to.equal('button: Modifier… (liste rouge)');
      expect(visibleText(el)).to.contain('inscrit(e) en liste rouge');
      await expect(el).to.be.accessible();
    });

    it('disables « Valider » while the save is pending: one click, one request', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      setup.backend.latencyMs = 300;
      await openForm(el);
      await choose(el, 'Non');
      const save = button(el, 'Valider');
      // The polite live region is on the page before the request: a region added with its text is often not read.
      const live = el.shadowRoot!.querySelector('form [role="status"]')!;
      expect(live.textContent!.trim()).to.equal('');
      save.click();
      save.click();
      await el.updateComplete;
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      expect(el.shadowRoot!.querySelector('form [role="status"]')).to.equal(live);
      expect(live.textContent!.trim()).to.equal('Enregistrement en cours…');
      await expect(el).to.be.accessible();
      save.click();
      await waitFor(() => expect(visibleText(el)).to.contain('Votre choix est enregistré'));
      expect(requestsOf(setup, 'PATCH')).to.have.length(1);
      expect(setup.backend.calls.save).to.equal(1);
    }).timeout(5000);

    it('closed while the save runs: says in view mode how it ended, focus left where it is', async () => {
      for (const [fault, words] of [
        [undefined, "Votre choix est enregistré : vous n'apparaissez plus dans l'annuaire public."],
        ['server', 'Le service a rencontré une erreur. Réessayez plus tard.'],
      ] as const) {
        const setup = await mockBackend();
        const el = await loaded(setup);
        setup.backend.latencyMs = 300;
        if (fault) setup.backend.setFault('save', fault);
        await openForm(el);
        await choose(el, 'Non');
        await submit(el);
        await press(el, 'Annuler');
        expect(focused()).to.equal('button: Modifier… (liste rouge)');
        await waitFor(() => expect(visibleText(el)).to.contain(words));
        expect(focused()).to.equal('button: Modifier… (liste rouge)');
        await expect(el).to.be.accessible();
        fixtureCleanup();
      }
    });

    it('leaves edit mode without a request on « Annuler » and on Escape', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await choose(el, 'Non');
      await press(el, 'Annuler');
      expect(allByRole(el, 'radiogroup')).to.deep.equal([]);
      expect(focused()).to.equal('button: Modifier… (liste rouge)');
      await openForm(el);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(allByRole(el, 'radiogroup')).to.deep.equal([]);
      expect(requestsOf(setup, 'PATCH')).to.have.length(0);
    });

    it('sends nothing when the choice is unchanged, and says so', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await submit(el);
      await waitFor(() => expect(visibleText(el)).to.contain('votre choix est inchangé'));
      expect(setup.backend.calls.save).to.equal(0);
    });

    it('works with the keyboard alone', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      button(el, 'Modifier… (liste rouge)').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused()).to.equal('input: Oui');
      await sendKeys({ press: 'ArrowDown' });
      expect(radio(el, 'Non').checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal('button: Valider');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => expect(setup.backend.account.redList).to.equal(true));
      await waitFor(() => expect(focused()).to.equal('button: Modifier… (liste rouge)'));
    });
  });

  describe('failures keep the choice and say what happened', () => {
    async function failSave(kind: Parameters<TestBackend['backend']['setFault']>[1]) {
      const setup = await mockBackend();
      const el = await loaded(setup);
      setup.backend.setFault('save', kind);
      await openForm(el);
      await choose(el, 'Non');
      await submit(el);
      await waitFor(() => byRole(el, 'alert'));
      return { el, setup };
    }

    for (const [kind, words] of [
      ['network', 'Le serveur est injoignable'],
      ['server', 'Le service a rencontré une erreur'],
      ['validation', 'Le serveur a refusé la valeur saisie'],
      ['invalid_response', 'réponse inattendue'],
    ] as const) {
      it(`${kind}: keeps « Non », explains, and lets the person retry`, async () => {
        const { el, setup } = await failSave(kind);
        expect(alertText(el)).to.contain(words);
        expect(radio(el, 'Non').checked).to.equal(true);
        expect(portal.events.of('sel-error').at(-1)!.detail).to.include({
          section: 'redList',
          operation: 'save',
          kind,
        });
        expect(focused()).to.equal(`alert: ${alertText(el)}`);
        await expect(el).to.be.accessible();
        setup.backend.clearFault();
        await submit(el);
        await waitFor(() => expect(setup.backend.account.redList).to.equal(true));
      });
    }

    it('401: keeps the choice, says the session ended, and fires sel-unauthorized', async () => {
      const { el } = await failSave('unauthorized');
      expect(alertText(el)).to.contain('Votre session a expiré');
      expect(radio(el, 'Non').checked).to.equal(true);
      expect(portal.events.of('sel-unauthorized')).to.have.length(1);
      expect(portal.events.of('sel-error').at(-1)!.detail).to.deep.equal({
        section: 'redList',
        operation: 'save',
        kind: 'unauthorized',
        status: 401,
        code: 'unauthorized',
      });
    });

    it('403: closes the form and says why', async () => {
      const { el } = await failSave('forbidden');
      expect(allByRole(el, 'radiogroup')).to.deep.equal([]);
      expect(alertText(el)).to.contain("Vous n'êtes pas autorisé(e)");
      await expect(el).to.be.accessible();
    });

    it('412: reloads the account, keeps the choice, shows the saved value, and the retry carries the new version', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup);
      await openForm(el);
      await choose(el, 'Non');
      setup.backend.changeElsewhere({ title: 'Changed in another tab' });
      await submit(el);
      await waitFor(() => byRole(el, 'alert'));
      const alert = byRole(el, 'alert').textContent!;
      expect(alert).to.contain('modifié ailleurs');
      expect(alert).to.contain('Choix enregistré actuellement : Oui');
      expect(radio(el, 'Non').checked).to.equal(true);
      expect(setup.backend.calls.load).to.equal(2);
      await expect(el).to.be.accessible();
      await submit(el);
      await waitFor(() => expect(setup.backend.account.redList).to.equal(true));
      const patches = requestsOf(setup, 'PATCH');
      expect(patches.map((request) => request.headers.get('If-Match'))).to.deep.equal(['"1"', '"2"']);
    });

    it('429: disables « Valider » for Retry-After seconds and says how long', async () => {
      const { el, setup } = await failSave({ kind: 'rate_limited', retryAfterSeconds: 2, once: true });
      const save = button(el, 'Valider');
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      expect(alertText(el)).to.match(/réessayer dans 2 s/);
      expect(focused()).to.equal(`alert: ${alertText(el)}`);
      await expect(el).to.be.accessible();
      await waitFor(() => expect(save.getAttribute('aria-disabled')).to.equal('false'), 4000);
      // The message that had focus is gone with the wait: focus is on « Valider », not on the page's top.
      expect(allByRole(el, 'alert')).to.deep.equal([]);
      expect(focused()).to.equal('button: Valider');
      expect(radio(el, 'Non').checked).to.equal(true);
      await submit(el);
      await waitFor(() => expect(setup.backend.account.redList).to.equal(true));
    }).timeout(8000);

    it('429, then « Annuler » and « Modifier… » again: the reopened form still says how long to wait', async () => {
      const { el } = await failSave({ kind: 'rate_limited', retryAfterSeconds: 30, once: true });
      await press(el, 'Annuler');
      await openForm(el);
      expect(button(el, 'Valider').getAttribute('aria-disabled')).to.equal('true');
      expect(alertText(el)).to.match(/^Trop de tentatives\. Vous pourrez réessayer dans (30|29) s\.$/);
      await expect(el).to.be.accessible();
    });

    it('429, then the element is moved in the page: the wait goes on', async () => {
      const { el } = await failSave({ kind: 'rate_limited', retryAfterSeconds: 30, once: true });
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      if (allByRole(el, 'button', 'Valider').length === 0) await openForm(el);
      expect(button(el, 'Valider').getAttribute('aria-disabled')).to.equal('true');
      expect(alertText(el)).to.match(/réessayer dans (30|29) s/);
    });

    it('timeout: an adapter that gives up says the server did not answer in time', async () => {
      const setup = await mockBackend();
      const adapter = new RestAdapter({ baseUrl: setup.apiBase, timeoutMs: 300 });
      const el = await fixture<SelRedlist>(html`<sel-redlist .adapter=${adapter}></sel-redlist>`);
      await waitFor(() => button(el, 'Modifier… (liste rouge)'));
      setup.backend.setFault('save', 'timeout');
      await openForm(el);
      await choose(el, 'Non');
      await submit(el);
      await waitFor(() => expect(alertText(el)).to.contain("n'a pas répondu à temps"));
      expect(radio(el, 'Non').checked).to.equal(true);
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
        const el = await fixture<SelRedlist>(html`<sel-redlist api-base=${setup.apiBase}></sel-redlist>`);
        await waitFor(() => button(el, 'Réessayer'));
        expect(alertText(el)).to.contain(words);
        expect(portal.events.of('sel-error').at(-1)!.detail).to.include({
          section: 'redList',
          operation: 'load',
          kind,
        });
        await expect(el).to.be.accessible();
        setup.backend.clearFault();
        button(el, 'Réessayer').click();
        await waitFor(() => expect(visibleText(el)).to.contain(LISTED));
      });
    }

    it('401 on load fires sel-unauthorized', async () => {
      const setup = await mockBackend();
      setup.backend.setFault('load', 'unauthorized');
      const el = await fixture<SelRedlist>(html`<sel-redlist api-base=${setup.apiBase}></sel-redlist>`);
      await waitFor(() => button(el, 'Réessayer'));
      expect(portal.events.of('sel-unauthorized')).to.have.length(1);
    });

    it('an element removed while loading aborts its request and leaves no error behind', async () => {
      const setup = await mockBackend({ latencyMs: 300 });
      const el = await fixture<SelRedlist>(html`<sel-redlist api-base=${setup.apiBase}></sel-redlist>`);
      // Removed once the request has reached the backend (on a busy machine it may take a while to leave),
      // and well before its 300 ms answer.
      await waitFor(() => expect(setup.backend.calls.load).to.equal(1));
      el.remove();
      await pause(450);
      expect(portal.events.of('sel-error')).to.have.length(0);
      expect(setup.backend.calls.load).to.equal(1);
    });
  });

  describe('configuration', () => {
    it('without any backend, says it is not configured and logs one console error', async () => {
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await fixture<SelRedlist>(html`<sel-redlist></sel-redlist>`);
        el.requestUpdate();
        await el.updateComplete;
        // Said once the portal had the task it runs in and the next to call configure().
        await waitFor(() => expect(alertText(el)).to.contain("n'est pas configurée"));
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('<sel-redlist>');
    });

    for (const when of ['in the same task', 'in the next task'] as const) {
      it(`configure() called ${when} as the elements are added logs no error and loads`, async () => {
        const setup = await mockBackend();
        const errors: unknown[][] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => errors.push(args);
        const el = document.createElement('sel-redlist') as SelRedlist;
        try {
          // What a portal's script does when it comes after the module that defines the elements.
          document.body.append(el);
          if (when === 'in the same task') configure({ apiBase: setup.apiBase });
          else setTimeout(() => configure({ apiBase: setup.apiBase }), 0);
          await waitFor(() => expect(visibleText(el)).to.contain(LISTED));
          expect(allByRole(el, 'alert')).to.deep.equal([]);
        } finally {
          console.error = original;
          el.remove();
        }
        expect(errors).to.have.length(0);
        expect(setup.backend.calls.load).to.equal(1);
      });
    }

    it('configure({ apiBase }) serves every element without attributes, and the adapter property wins', async () => {
      const viaConfig = await mockBackend();
      const viaProperty = await mockBackend();
      viaProperty.backend.changeElsewhere({ redList: true });
      configure({ apiBase: viaConfig.apiBase });
      const plain = await fixture<SelRedlist>(html`<sel-redlist></sel-redlist>`);
      const own = await fixture<SelRedlist>(html`<sel-redlist .adapter=${viaProperty.backend}></sel-redlist>`);
      await waitFor(() => expect(visibleText(plain)).to.contain(LISTED));
      await waitFor(() => expect(visibleText(own)).to.contain('liste rouge'));
    });

    it('configure({ messages }) overrides any string', async () => {
      configure({ messages: { fr: { 'redlist.title': 'Annuaire public' } } });
      const setup = await mockBackend();
      const el = await loaded(setup);
      expect(byRole(el, 'heading').textContent!.trim()).to.equal('Annuaire public');
    });
  });

  describe('language', () => {
    it('speaks English with lang="en"', async () => {
      const setup = await mockBackend();
      const el = await loaded(setup, 'en');
      await press(el, 'Edit… (ex-directory)');
      expect(byRole(el, 'radiogroup', 'Appear in the public directory')).to.exist;
      expect(byRole(el, 'radio', 'Yes')).to.exist;
      expect(button(el, 'Save')).to.exist;
      expect(button(el, 'Cancel')).to.exist;
      expect(visibleText(el)).to.contain('Article 21 of the GDPR');
      expect(visibleText(el)).to.contain('When ex-directory, you stay visible in the internal directory');
      await expect(el).to.be.accessible();
    });

    it('follows a change of <html lang> without a reload, and falls back to French', async () => {
      const setup = await mockBackend();
      const before = document.documentElement.lang;
      try {
        document.documentElement.lang = 'en-GB';
        const el = await fixture<SelRedlist>(html`<sel-redlist api-base=${setup.apiBase}></sel-redlist>`);
        await waitFor(() => button(el, 'Edit… (ex-directory)'));
        document.documentElement.lang = 'de';
        await waitFor(() => button(el, 'Modifier… (liste rouge)'));
      } finally {
        document.documentElement.lang = before;
      }
    });
  });
});
