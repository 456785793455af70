import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SelPhones } from '../src/sel-phones.js';
import { RestAdapter } from '../src/api/rest-adapter.js';
import type { MemoryAdapterOptions, MemoryFault } from '../src/mocks/memory-adapter.js';
import type { Account, Phone } from '../src/contract/schemas.js';
import { demoAccount } from '../src/mocks/demo-account.js';
import { backendLoader, loadedBackend, FOREVER_MS, type BackendSetup } from './support/backend.js';
import { choose, clickButton, fill, shadowOf, waitForInvalid, waitForRole, waitForText } from './support/interact.js';
import { publicArgTypes, publicControls, renderWithArgs } from './support/public-api.js';

const TAG = 'sel-phones';
const EDIT = /^(Modifier…|Edit…)/;
const SAVE = /^(Valider|Save)$/;
const ADD = /^(Ajouter un numéro|Add a number)$/;

/** The field of the n-th row, whatever its type: « Numéro 2 (Mobile) ». */
function numberField(row: number): RegExp {
  return new RegExp(`^(Numéro|Number) ${row} \\(`);
}

/** The type select of the n-th row: « Type du numéro 2 ». */
function typeSelect(row: number): RegExp {
  return new RegExp(`^Type (du numéro|of number) ${row}$`);
}

const TEN_NUMBERS: Phone[] = [
  { type: 'office', number: '+33549454999' },
  { type: 'office', number: '+33549453000' },
  { type: 'mobile', number: '+33612345678' },
  { type: 'mobile', number: '+33787654321' },
  { type: 'fax', number: '+33549454998' },
  { type: 'other', number: '+33800123456' },
  { type: 'office', number: '+262262161234' },
  { type: 'mobile', number: '+262692123456' },
  { type: 'mobile', number: '+41791234567' },
  { type: 'other', number: '+16502530000' },
];

const meta: Meta = {
  title: 'Éléments/sel-phones (Téléphones)',
  component: TAG,
  tags: ['autodocs'],
  argTypes: publicArgTypes(TAG),
  parameters: {
    controls: publicControls(TAG),
    docs: {
      description: {
        component:
          'Les numéros de téléphone de la personne, saisis comme on les écrit et enregistrés au format E.164. ' +
          'Chaque story part de son propre compte de démonstration, derrière sa propre adresse de service.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;
type Context = StoryContext;

/** A story with its own backend, fresh at every render. */
function story(name: string, options: MemoryAdapterOptions = {}, setup?: BackendSetup, region = 'FR'): Story {
  return {
    loaders: [backendLoader(`phones-${name}`, options, setup)],
    render: (args, context) =>
      renderWithArgs(
        TAG,
        { ...args, 'default-region': args['default-region'] ?? region },
        loadedBackend(context).apiBase,
      ),
  };
}

function withAccount(change: Partial<Account>): MemoryAdapterOptions {
  return { account: { ...demoAccount(), ...change } };
}

/** The numbers are on screen, « Modifier… » with them. */
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
  await waitForRole(root, 'button', ADD);
  return root;
}

/** Play function: the story is ready once the form is open. */
async function untilEditing(context: Context): Promise<void> {
  await openForm(context);
}

/** Types `typed` in the first row and presses « Valider »: refused before any request. */
function refused(name: string, typed: string): Story {
  return {
    ...story(name),
    play: async (context) => {
      const root = await openForm(context);
      await fill(root, numberField(1), typed);
      await clickButton(root, SAVE);
      await waitForInvalid(root, numberField(1));
    },
  };
}

/** Changes the first number, adds a third one, and saves. */
async function editAndSave(context: Context): Promise<ShadowRoot> {
  const root = await openForm(context);
  await fill(root, numberField(1), '05 49 45 49 98');
  await clickButton(root, ADD);
  await fill(root, numberField(3), '05 49 45 49 97');
  await clickButton(root, SAVE);
  return root;
}

/** A save the backend answers with `fault`: every row stays as typed, the failure is said in words. */
function failedSave(name: string, fault: MemoryFault): Story {
  return {
    ...story(name, {}, (backend) => backend.setFault('save', fault)),
    play: async (context) => {
      const root = await editAndSave(context);
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

export const NoNumber: Story = {
  ...story('none', withAccount({ phones: [] })),
  play: untilLoaded,
};

/** The most the contract allows: ten numbers, of every type, from France, La Réunion, Switzerland, the USA. */
export const TenNumbers: Story = {
  ...story('ten', withAccount({ phones: TEN_NUMBERS })),
  play: untilLoaded,
};

/** `default-region="RE"`: Réunion numbers read nationally, a number from mainland France internationally. */
export const Overseas: Story = {
  ...story(
    'overseas',
    withAccount({
      phones: [
        { type: 'office', number: '+262262161234' },
        { type: 'mobile', number: '+262692123456' },
        { type: 'other', number: '+33549454999' },
      ],
    }),
    undefined,
    'RE',
  ),
  play: untilLoaded,
};

/** A number the directory holds that does not read as one: shown as text, never as a link. */
export const StoredNumberNotValid: Story = {
  ...story('stored-invalid', withAccount({ phones: [{ type: 'office', number: '05 49 poste 12' }] })),
  play: untilLoaded,
};

export const NotEditable: Story = {
  ...story('not-editable', withAccount({ editable: { website: true, phones: false, redList: true, password: true } })),
  play: async ({ canvasElement }) => {
    await waitForText(await shadowOf(canvasElement, TAG), /ne peuvent pas être modifiés ici|cannot be changed here/);
  },
};

/** No adapter, no api-base, no configure(): says so, and logs one console error (by contract). */
export const NotConfigured: Story = {
  tags: ['expect-console-error'],
  render: () => html`<sel-phones></sel-phones>`,
};

/**
 * The number rules (downloaded when editing starts) could not be fetched: the numbers still shown, no
 * form, and « Réessayer ». Left out of the docs page, which renders every story at once: its failing
 * download must not reach the others.
 */
export const RulesUnavailable: Story = {
  ...story('rules-unavailable'),
  tags: ['expect-console-error', '!autodocs'],
  beforeEach: () => {
    const download = SelPhones.loadPhoneRules;
    SelPhones.loadPhoneRules = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    return () => {
      SelPhones.loadPhoneRules = download;
    };
  },
  play: async (context) => {
    const root = await loaded(context);
    await clickButton(root, EDIT);
    await waitForRole(root, 'button', /^(Réessayer|Retry)$/);
  },
};

// Edit mode

export const Editing: Story = { ...story('editing'), play: untilEditing };

export const AddingANumber: Story = {
  ...story('adding'),
  play: async (context) => {
    const root = await openForm(context);
    await clickButton(root, ADD);
    await waitForRole(root, 'textbox', numberField(3));
  },
};

/** Ten rows: « Ajouter un numéro » stays focusable and says why it adds nothing. */
export const EditingAtLimit: Story = {
  ...story('at-limit', withAccount({ phones: TEN_NUMBERS })),
  play: untilEditing,
};

// Refused before any request (each message names a valid example)

export const NotANumber: Story = refused('not-a-number', 'bureau 12');
export const TooShort: Story = refused('too-short', '05 49');
export const TooLong: Story = refused('too-long', '05 49 45 49 99 99');
export const NumberDoesNotExist: Story = refused('invalid-for-region', '+999 12 34 56');

export const SameNumberTwice: Story = {
  ...story('duplicate'),
  play: async (context) => {
    const root = await openForm(context);
    await fill(root, numberField(2), '+33 5 49 45 49 99');
    await choose(root, typeSelect(2), 'office');
    await clickButton(root, SAVE);
    await waitForInvalid(root, numberField(2));
  },
};

/** More than ten numbers stored (possible only from elsewhere): saving is refused until enough go. */
export const TooManyNumbers: Story = {
  ...story(
    'too-many',
    withAccount({
      phones: [...TEN_NUMBERS, { type: 'other', number: '+3225123456' }, { type: 'other', number: '+687201234' }],
    }),
  ),
  play: async (context) => {
    const root = await openForm(context);
    await clickButton(root, SAVE);
    await waitForText(root, /supprimez-en 2|remove 2/);
  },
};

/** Warnings do not block: a mobile filed as « Fax »… */
export const WarningMobileAsFax: Story = {
  ...story('mobile-as-fax'),
  play: async (context) => {
    const root = await openForm(context);
    await choose(root, typeSelect(2), 'fax');
    await waitForText(root, /celui d'un mobile|this is a mobile number/);
  },
};

/** …and a landline filed as « Mobile ». */
export const WarningLandlineAsMobile: Story = {
  ...story('fixed-as-mobile'),
  play: async (context) => {
    const root = await openForm(context);
    await choose(root, typeSelect(1), 'mobile');
    await waitForText(root, /pas un numéro de mobile|not a mobile number/);
  },
};

// Saving

export const SavePending: Story = {
  ...story('pending'),
  play: async (context) => {
    const root = await openForm(context);
    // From now on the backend never answers: the save stays pending for the designer to look at.
    loadedBackend(context).backend.latencyMs = FOREVER_MS;
    await fill(root, numberField(1), '05 49 45 49 98');
    await clickButton(root, SAVE);
    await waitForRole(root, 'status', /Enregistrement en cours|Saving/);
  },
};

export const Saved: Story = {
  ...story('saved'),
  play: async (context) => {
    const root = await editAndSave(context);
    await waitForRole(root, 'status', /enregistrés|saved/);
  },
};

// Save failures: every row stays as typed

export const FailedNetwork: Story = failedSave('network', { kind: 'network' });
export const FailedSessionExpired: Story = failedSave('401', { kind: 'unauthorized' });
export const FailedServer: Story = failedSave('500', { kind: 'server' });
export const FailedInvalidResponse: Story = failedSave('invalid-response', { kind: 'invalid_response' });
export const FailedRateLimited: Story = failedSave('429', { kind: 'rate_limited', retryAfterSeconds: 60 });

/** 403: the numbers are not the person's to change after all; the form closes and says whom to ask. */
export const FailedForbidden: Story = failedSave('403', { kind: 'forbidden', code: 'not_editable' });

/** 422 on one number: the server's `phones[2].number` error lands on the row it names. */
export const FailedValidation: Story = {
  ...story('422', {}, (backend) =>
    backend.setFault('save', {
      kind: 'validation',
      fieldErrors: [{ field: 'phones[2].number', code: 'invalid_number' }],
    }),
  ),
  play: async (context) => {
    const root = await editAndSave(context);
    await waitForInvalid(root, numberField(3));
  },
};

/** 422 `too_many` from the server: said above the buttons. */
export const FailedTooMany: Story = {
  ...story('422-too-many', {}, (backend) =>
    backend.setFault('save', { kind: 'validation', fieldErrors: [{ field: 'phones', code: 'too_many' }] }),
  ),
  play: async (context) => {
    const root = await editAndSave(context);
    await waitForText(root, /10 numéros au plus|10 numbers at most/);
  },
};

/** 412: the numbers changed in another tab; reloaded, shown, and the rows typed kept. */
export const FailedChangedElsewhere: Story = {
  ...story('412'),
  play: async (context) => {
    const root = await openForm(context);
    loadedBackend(context).backend.changeElsewhere({ phones: [{ type: 'mobile', number: '+33698765432' }] });
    await fill(root, numberField(1), '05 49 45 49 98');
    await clickButton(root, SAVE);
    await waitForRole(root, 'alert');
  },
};

/** The server never answers; the adapter gives up after its timeout (1.5 s here, 15 s by default). */
export const FailedTimeout: Story = {
  loaders: [backendLoader('phones-timeout', {}, (backend) => backend.setFault('save', 'timeout'))],
  render: (_args, context) =>
    html`<sel-phones
      .adapter=${new RestAdapter({ baseUrl: loadedBackend(context).apiBase, timeoutMs: 1500 })}
    ></sel-phones>`,
  play: async (context) => {
    const root = await editAndSave(context);
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
