import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/sel-general-info.js';
import '../src/sel-phones.js';
import '../src/sel-redlist.js';
import '../src/sel-password-change.js';
import type { MemoryAdapterOptions } from '../src/mocks/memory-adapter.js';
import { RestAdapter } from '../src/adapters.js';
import { backendLoader, loadedBackend, FOREVER_MS, type BackendSetup } from './support/backend.js';
import { clickButton, shadowOf, waitForRole, waitForText } from './support/interact.js';

const EDIT = /^(Modifier…|Edit…)/;
const CHANGE_PASSWORD = /^(Changer de mot de passe…|Change password…)$/;

const meta: Meta = {
  title: 'Pages/Mon compte',
  tags: ['!autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'La page « Mon compte » de l’ENT : les quatre sections dans l’ordre du guide utilisateur, sur une même ' +
          'adresse de service, donc un seul compte chargé par une seule requête.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;
type Context = StoryContext;

/**
 * The four sections sharing one backend, in the order of the university's user guide. With `loginUrl`, they
 * share an adapter that names the backend's login, as a portal on another origin than the backend sets it.
 */
function page(name: string, options: MemoryAdapterOptions = {}, setup?: BackendSetup, loginUrl?: string): Story {
  return {
    loaders: [backendLoader(`mon-compte-${name}`, options, setup)],
    render: (_args, context) => {
      const { apiBase } = loadedBackend(context);
      const adapter = loginUrl ? new RestAdapter({ baseUrl: apiBase, loginUrl }) : undefined;
      const english = context.globals['locale'] === 'en';
      return html`<main style="display: grid; gap: 1.5rem; max-width: 60rem; margin: 0 auto; padding: 1.5rem">
        <h1 style="margin: 0">${english ? 'My account' : 'Mon compte'}</h1>
        <sel-general-info api-base=${apiBase} .adapter=${adapter}></sel-general-info>
        <sel-phones api-base=${apiBase} .adapter=${adapter}></sel-phones>
        <sel-redlist api-base=${apiBase} .adapter=${adapter}></sel-redlist>
        <sel-password-change api-base=${apiBase} .adapter=${adapter}></sel-password-change>
      </main>`;
    },
  };
}

/** Every section shows the account, ready to edit. */
async function loaded({ canvasElement }: Context): Promise<Record<string, ShadowRoot>> {
  const roots: Record<string, ShadowRoot> = {};
  for (const tag of ['sel-general-info', 'sel-phones', 'sel-redlist']) {
    roots[tag] = await shadowOf(canvasElement, tag);
    await waitForRole(roots[tag], 'button', EDIT);
  }
  roots['sel-password-change'] = await shadowOf(canvasElement, 'sel-password-change');
  await waitForRole(roots['sel-password-change'], 'button', CHANGE_PASSWORD);
  return roots;
}

/** Play function: the story is ready once the account is on screen. */
async function untilLoaded(context: Context): Promise<void> {
  await loaded(context);
}

export const Page: Story = { ...page('page'), play: untilLoaded };

/**
 * The « Langue » toolbar set to English: `<html lang="en">`, and every section follows it. The play
 * function checks the four headings, so the CI check fails if the language switch stops working.
 */
export const PageInEnglish: Story = {
  ...page('english'),
  globals: { locale: 'en' },
  play: async (context) => {
    const roots = await loaded(context);
    if (document.documentElement.lang !== 'en') throw new Error(`<html lang> is "${document.documentElement.lang}"`);
    const headings: Record<string, string> = {
      'sel-general-info': 'General information',
      'sel-phones': 'Phone numbers',
      'sel-redlist': 'Ex-directory (liste rouge)',
      'sel-password-change': 'Authentication',
    };
    for (const [tag, heading] of Object.entries(headings)) await waitForRole(roots[tag]!, 'heading', heading);
  },
};

/**
 * The « Thème » toolbar set to the portal theme: the page's own stylesheet sets the `--sel-*` custom
 * properties and restyles parts with `::part()` (stories/support/portal-theme.ts, shown on the
 * « Pages/Thème de portail » docs page).
 */
export const PortalTheme: Story = {
  ...page('theme'),
  globals: { theme: 'portal' },
  play: untilLoaded,
};

/** The portal theme on every form: fields, the green « Valider », « Annuler ». */
export const PortalThemeEditing: Story = {
  ...page('theme-editing'),
  globals: { theme: 'portal' },
  play: async (context) => {
    const roots = await loaded(context);
    for (const tag of ['sel-general-info', 'sel-phones', 'sel-redlist']) await clickButton(roots[tag]!, EDIT);
    await clickButton(roots['sel-password-change']!, CHANGE_PASSWORD);
    await waitForRole(roots['sel-phones']!, 'button', /^(Ajouter un numéro|Add a number)$/);
  },
};

/**
 * The « Thème » toolbar set to the DSFR theme shipped in the package (`sel-widgets/themes/dsfr.css`, shown on
 * the « Pages/Thème DSFR » docs page): the State design system's colours, spacing and focus.
 */
export const DsfrTheme: Story = {
  ...page('dsfr'),
  globals: { theme: 'dsfr' },
  play: untilLoaded,
};

/** The DSFR theme on every form. */
export const DsfrThemeEditing: Story = {
  ...page('dsfr-editing'),
  globals: { theme: 'dsfr' },
  play: async (context) => {
    const roots = await loaded(context);
    for (const tag of ['sel-general-info', 'sel-phones', 'sel-redlist']) await clickButton(roots[tag]!, EDIT);
    await clickButton(roots['sel-password-change']!, CHANGE_PASSWORD);
    await waitForRole(roots['sel-phones']!, 'button', /^(Ajouter un numéro|Add a number)$/);
  },
};

/** One request for the whole page: while it runs, every section says it is loading. */
export const Loading: Story = page('loading', { latencyMs: FOREVER_MS });

/**
 * That one request failed: the first section says so, once, with the only « Réessayer », which reloads them
 * all; the others point to it.
 */
export const LoadFailed: Story = {
  ...page('load-failed', {}, (backend) => backend.setFault('load', 'server')),
  play: async ({ canvasElement }) => {
    await waitForRole(await shadowOf(canvasElement, 'sel-general-info'), 'button', /^(Réessayer|Retry)$/);
    for (const tag of ['sel-phones', 'sel-redlist', 'sel-password-change']) {
      await waitForText(await shadowOf(canvasElement, tag), /Informations générales|General information/);
    }
  },
};

/**
 * The backend is on another origin than the portal's page, and the person has no session there yet: its
 * adapter names its login, so the first section offers « Se connecter » (the login in a popup, after which
 * the four sections load) rather than « Réessayer »; the others point to it.
 */
export const LogInNeeded: Story = {
  ...page('log-in', {}, (backend) => backend.setFault('load', 'unauthorized'), '/auth/login'),
  play: async ({ canvasElement }) => {
    await waitForRole(await shadowOf(canvasElement, 'sel-general-info'), 'button', /^(Se connecter|Log in)$/);
    for (const tag of ['sel-phones', 'sel-redlist', 'sel-password-change']) {
      await waitForText(await shadowOf(canvasElement, tag), /Informations générales|General information/);
    }
  },
};
