import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/sel-general-info.js';
import { RestAdapter } from '../src/api/rest-adapter.js';
import type { MemoryAdapterOptions, MemoryFault } from '../src/mocks/memory-adapter.js';
import type { Account } from '../src/contract/schemas.js';
import { demoAccount } from '../src/mocks/demo-account.js';
import { backendLoader, loadedBackend, FOREVER_MS, type BackendSetup } from './support/backend.js';
import { clickButton, fill, shadowOf, waitForInvalid, waitForRole, waitForText } from './support/interact.js';
import { publicArgTypes, publicControls, renderWithArgs } from './support/public-api.js';

const TAG = 'sel-general-info';
const EDIT = /^(Modifier…|Edit…)/;
const SAVE = /^(Valider|Save)$/;
const WEBSITE = /^(Site web|Website)$/;
const NEW_WEBSITE = 'https://nouveau.univ-exemple.fr/cmartin';

const meta: Meta = {
  title: 'Éléments/sel-general-info (Informations générales)',
  component: TAG,
  tags: ['autodocs'],
  argTypes: publicArgTypes(TAG),
  parameters: {
    controls: publicControls(TAG),
    docs: {
      description: {
        component:
          'Ce que l’annuaire sait de la personne, en lecture seule, et son site web personnel, modifiable. ' +
          'Chaque story part de son propre compte de démonstration, derrière sa propre adresse de service.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;
type Context = StoryContext;

/** A story with its own backend, fresh at every render. */
function story(name: string, options: MemoryAdapterOptions = {}, setup?: BackendSetup): Story {
  return {
    loaders: [backendLoader(`general-info-${name}`, options, setup)],
    render: (args, context) => renderWithArgs(TAG, args, loadedBackend(context).apiBase),
  };
}

function withAccount(change: Partial<Account>): MemoryAdapterOptions {
  return { account: { ...demoAccount(), ...change } };
}

/** The account is on screen, « Modifier… » with it. */
async function loaded({ canvasElement }: Context): Promise<ShadowRoot> {
  const root = await shadowOf(canvasElement, TAG);
  await waitForRole(root, 'button', EDIT);
  return root;
}

/** Play function: the story is ready once the account is on screen. */
async function untilLoaded(context: Context): Promise<void> {
  await loaded(context);
}

async function openForm(context: Context): Promise<ShadowRoot> {
  const root = await loaded(context);
  await clickButton(root, EDIT);
  await waitForRole(root, 'textbox', WEBSITE);
  return root;
}

/** Play function: the story is ready once the form is open. */
async function untilEditing(context: Context): Promise<void> {
  await openForm(context);
}

/** Opens the form, types `value` and presses « Valider ». */
async function submit(context: Context, value: string): Promise<ShadowRoot> {
  const root = await openForm(context);
  await fill(root, WEBSITE, value);
  await clickButton(root, SAVE);
  return root;
}

/** Typed, then refused before any request: the message is tied to the field, which is marked invalid. */
function refused(name: string, value: string): Story {
  return {
    ...story(name),
    play: async (context) => {
      const root = await submit(context, value);
      await waitForInvalid(root, WEBSITE);
    },
  };
}

/** A save the backend answers with `fault`: the address stays in the field, the failure is said in words. */
function failedSave(name: string, fault: MemoryFault): Story {
  return {
    ...story(name, {}, (backend) => backend.setFault('save', fault)),
    play: async (context) => {
      const root = await submit(context, NEW_WEBSITE);
      await waitForRole(root, 'alert');
    },
  };
}

function failedLoad(name: string, fault: MemoryFault): Story {
  return {
    ...story(name, {}, (backend) => backend.setFault('load', fault)),
    play: async ({ canvasElement }) => {
      await waitForRole(await shadowOf(canvasElement, TAG), 'button', /^(Réessayer|Retry)$/);
    },
  };
}

// View mode

export const Loaded: Story = { ...story('loaded'), play: untilLoaded };

export const Loading: Story = story('loading', { latencyMs: FOREVER_MS });

/** Everything the directory may leave empty: no e-mail, affiliation, structure, title, website or date. */
export const EmptyValues: Story = {
  ...story(
    'empty',
    withAccount({
      mail: null,
      affiliations: [],
      primaryAffiliation: null,
      structures: [],
      title: null,
      website: null,
      passwordChangedAt: null,
      accountExpiresAt: null,
      directoryContact: null,
    }),
  ),
  play: untilLoaded,
};

/** Long names, many affiliations and structures, a 120-character website, an expiry date. */
export const LongValues: Story = {
  ...story(
    'long',
    withAccount({
      uid: 'mcdelarochefoucauld-montmorency',
      displayName: 'Marie-Clémentine de La Rochefoucauld-Montmorency-Laval d’Aigrefeuille-sur-Maine',
      givenName: 'Marie-Clémentine',
      surname: 'de La Rochefoucauld-Montmorency-Laval d’Aigrefeuille-sur-Maine',
      mail: 'marie-clementine.de-la-rochefoucauld-montmorency@lettres-langues.univ-exemple-nouvelle-aquitaine.fr',
      affiliations: [
        'faculty',
        'researcher',
        'teacher',
        'employee',
        'member',
        'affiliate',
        'registered-reader',
        'chargée de mission égalité femmes-hommes',
      ],
      primaryAffiliation: 'faculty',
      structures: [
        { code: 'UFR-LL', label: 'UFR Lettres et langues — Département de langues étrangères appliquées' },
        {
          code: 'FORELL',
          label: 'FoReLLIS — Formes et représentations en linguistique, littérature et arts de l’image',
        },
        { code: 'MSHS', label: 'Maison des sciences de l’homme et de la société (MSHS), USR 3565 CNRS' },
        {
          code: 'CRIHAM',
          label: 'Centre de recherche interdisciplinaire en histoire, histoire de l’art et musicologie',
        },
        { code: 'ED-HL', label: 'École doctorale Humanités (ED 612), pôle Poitiers-Limoges-La Rochelle' },
        { code: 'SUAPS', label: 'Service universitaire des activités physiques et sportives' },
        { code: 'CFA', label: 'Centre de formation d’apprentis de l’enseignement supérieur Nouvelle-Aquitaine' },
        { code: 'VP-NUM', label: 'Vice-présidence déléguée au numérique et à la transformation pédagogique' },
      ],
      title:
        'Maîtresse de conférences en sciences de l’information et de la communication, responsable pédagogique du master Humanités numériques',
      website:
        'https://perso.univ-exemple.fr/enseignants/marie-clementine-de-la-rochefoucauld/recherche/publications-2020-2026/accueil/',
      passwordChangedAt: '2025-11-03T16:45:00Z',
      accountExpiresAt: '2027-08-31',
      directoryContact: {
        name: 'Correspondante annuaire de l’UFR Lettres et langues, bureau des personnels enseignants',
        email: 'annuaire-lettres-langues@univ-exemple.fr',
      },
    }),
  ),
  play: untilLoaded,
};

/** The website is the directory correspondent's to change: no « Modifier… ». */
export const NotEditable: Story = {
  ...story('not-editable', withAccount({ editable: { website: false, phones: true, redList: true, password: true } })),
  play: async ({ canvasElement }) => {
    await waitForText(await shadowOf(canvasElement, TAG), /correspondant annuaire peut|directory correspondent can/);
  },
};

/** No adapter, no api-base, no configure(): says so, and logs one console error (by contract). */
export const NotConfigured: Story = {
  tags: ['expect-console-error'],
  render: () => html`<sel-general-info></sel-general-info>`,
};

// Edit mode

export const Editing: Story = { ...story('editing'), play: untilEditing };

// Refused before any request

export const InvalidAddress: Story = refused('invalid-url', 'https://perso.univ-exemple.fr/mon site');
export const NotHttp: Story = refused('unsupported-scheme', 'ftp://ftp.univ-exemple.fr/cmartin/');
export const NoSiteName: Story = refused('no-host', 'https://intranet/cmartin');
export const WithCredentials: Story = refused('credentials', 'https://cmartin:secret@perso.univ-exemple.fr/');
export const EmailAddress: Story = refused('email', 'claire.martin@univ-exemple.fr');
export const TooLong: Story = refused('too-long', `https://perso.univ-exemple.fr/${'cmartin/'.repeat(260)}`);

/** Typed without https://: the field offers the full address, which the person accepts or not. */
export const MissingScheme: Story = {
  ...story('suggestion'),
  play: async (context) => {
    const root = await submit(context, 'perso.univ-exemple.fr/cmartin');
    await waitForRole(root, 'button', /^(Utiliser cette adresse|Use this address)$/);
  },
};

/** The field emptied: removing deletes data, so the button asks for a confirmation. */
export const ConfirmRemoval: Story = {
  ...story('confirm-removal'),
  play: async (context) => {
    const root = await submit(context, '');
    await waitForRole(root, 'button', /^(Confirmer la suppression|Confirm removal)$/);
  },
};

// Saving

export const SavePending: Story = {
  ...story('pending'),
  play: async (context) => {
    const root = await openForm(context);
    // From now on the backend never answers: the save stays pending for the designer to look at.
    loadedBackend(context).backend.latencyMs = FOREVER_MS;
    await fill(root, WEBSITE, NEW_WEBSITE);
    await clickButton(root, SAVE);
    await waitForRole(root, 'status', /Enregistrement en cours|Saving/);
  },
};

export const Saved: Story = {
  ...story('saved'),
  play: async (context) => {
    const root = await submit(context, NEW_WEBSITE);
    await waitForRole(root, 'status', /enregistré|saved/);
  },
};

export const Removed: Story = {
  ...story('removed'),
  play: async (context) => {
    const root = await submit(context, '');
    await clickButton(root, /^(Confirmer la suppression|Confirm removal)$/);
    await waitForRole(root, 'status', /supprimé|removed/);
  },
};

export const Unchanged: Story = {
  ...story('unchanged'),
  play: async (context) => {
    const root = await openForm(context);
    await clickButton(root, SAVE);
    await waitForRole(root, 'status', /Aucune modification|Nothing changed/);
  },
};

// Save failures: the address typed stays in the field

export const FailedNetwork: Story = failedSave('network', { kind: 'network' });
export const FailedSessionExpired: Story = failedSave('401', { kind: 'unauthorized' });
export const FailedServer: Story = failedSave('500', { kind: 'server' });
export const FailedInvalidResponse: Story = failedSave('invalid-response', { kind: 'invalid_response' });
export const FailedRateLimited: Story = failedSave('429', { kind: 'rate_limited', retryAfterSeconds: 60 });

/** 403: the website is not the person's to change after all; the form closes and says whom to ask. */
export const FailedForbidden: Story = failedSave('403', { kind: 'forbidden', code: 'not_editable' });

/** 422: the server refused the address itself; its reason lands on the field. */
export const FailedValidation: Story = {
  ...story('422', {}, (backend) =>
    backend.setFault('save', { kind: 'validation', fieldErrors: [{ field: 'website', code: 'blocked_domain' }] }),
  ),
  play: async (context) => {
    const root = await submit(context, NEW_WEBSITE);
    await waitForInvalid(root, WEBSITE);
  },
};

/** 412: the website changed in another tab; the account is reloaded and the address typed kept. */
export const FailedChangedElsewhere: Story = {
  ...story('412'),
  play: async (context) => {
    const root = await openForm(context);
    loadedBackend(context).backend.changeElsewhere({ website: 'https://autre-onglet.univ-exemple.fr/cmartin' });
    await fill(root, WEBSITE, NEW_WEBSITE);
    await clickButton(root, SAVE);
    await waitForRole(root, 'alert');
  },
};

/** The server never answers; the adapter gives up after its timeout (1.5 s here, 15 s by default). */
export const FailedTimeout: Story = {
  loaders: [backendLoader('general-info-timeout', {}, (backend) => backend.setFault('save', 'timeout'))],
  render: (_args, context) =>
    html`<sel-general-info
      .adapter=${new RestAdapter({ baseUrl: loadedBackend(context).apiBase, timeoutMs: 1500 })}
    ></sel-general-info>`,
  play: async (context) => {
    const root = await submit(context, NEW_WEBSITE);
    await waitForRole(root, 'alert', undefined, 5000);
  },
};

// Load failures: an error state with « Réessayer »

export const LoadFailedNetwork: Story = failedLoad('load-network', { kind: 'network' });
export const LoadFailedSessionExpired: Story = failedLoad('load-401', { kind: 'unauthorized' });
export const LoadFailedServer: Story = failedLoad('load-500', { kind: 'server' });
export const LoadFailedInvalidResponse: Story = failedLoad('load-invalid', { kind: 'invalid_response' });

/**
 * Every control of the panel changes this element live: its attributes, `lang`, the `--sel-*` custom
 * properties and a rule per part (`::part(heading)`: CSS declarations). Only the public API is listed.
 */
export const Playground: Story = { ...story('playground'), play: untilLoaded };
