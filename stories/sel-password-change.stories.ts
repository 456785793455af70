import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/sel-password-change.js';
import { PasswordStrengthController } from '../src/elements/password-change/strength.js';
import type { StrengthEngine } from '../src/elements/password-change/strength-engine.js';
import { RestAdapter } from '../src/api/rest-adapter.js';
import type { MemoryAdapterOptions, MemoryFault } from '../src/mocks/memory-adapter.js';
import type { Account } from '../src/contract/schemas.js';
import { DEMO_PASSWORD, demoAccount } from '../src/mocks/demo-account.js';
import { accountLockedFault, demoPasswordState } from '../src/mocks/password-states.js';
import { backendLoader, loadedBackend, FOREVER_MS, type BackendSetup } from './support/backend.js';
import { clickButton, fill, shadowOf, waitForInvalid, waitForRole, waitForText } from './support/interact.js';
import { waitFor } from '../test/helpers/queries.js';
import { publicArgTypes, publicControls, renderWithArgs } from './support/public-api.js';

const TAG = 'sel-password-change';
const OPEN = /^(Changer de mot de passe…|Change password…)$/;
const CURRENT = /^(Ancien mot de passe|Current password)$/;
const NEW = /^(Nouveau mot de passe|New password)$/;
const CONFIRM = /^(Confirmation du nouveau mot de passe|Confirm new password)$/;
const SAVE = /^(Valider|Save)$/;

/** Meets the demo policy, strength included, in French and in English. */
const NEW_PASSWORD = 'Velo-Rouge-Tuba-93!';
/** Meets every rule the checklist checks by itself, but is « Moyen » / "Fair" on the meter. */
const FAIR_PASSWORD = 'Password2026!';

const meta: Meta = {
  title: 'Éléments/sel-password-change (Authentification)',
  component: TAG,
  tags: ['autodocs'],
  argTypes: publicArgTypes(TAG),
  parameters: {
    controls: publicControls(TAG),
    docs: {
      description: {
        component:
          'Le changement de mot de passe : la politique en liste de règles qui suit la saisie, un indicateur de ' +
          'robustesse (zxcvbn, chargé au premier focus), des champs que les gestionnaires de mots de passe ' +
          `trouvent. Le mot de passe actuel du compte de démonstration est « ${DEMO_PASSWORD} ». Chaque story ` +
          'part de son propre compte, derrière sa propre adresse de service.',
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
    loaders: [backendLoader(`password-${name}`, options, setup)],
    render: (args, context) => renderWithArgs(TAG, args, loadedBackend(context).apiBase),
  };
}

function withAccount(change: Partial<Account>): MemoryAdapterOptions {
  return { account: { ...demoAccount(), ...change } };
}

/** The element, once « Changer de mot de passe… » is on screen. */
async function loaded({ canvasElement }: Context): Promise<HTMLElement> {
  const root = await shadowOf(canvasElement, TAG);
  await waitForRole(root, 'button', OPEN);
  return root.host as HTMLElement;
}

async function untilLoaded(context: Context): Promise<void> {
  await loaded(context);
}

/** Opens the form. Its inputs live in the element's light DOM: queries on the element itself find them. */
async function openForm(context: Context): Promise<HTMLElement> {
  const el = await loaded(context);
  await clickButton(el.shadowRoot!, OPEN);
  await waitForRole(el, 'textbox', CURRENT);
  return el;
}

/** Waits until the strength meter says `text` (in words, as its aria-valuetext). */
async function waitForMeter(el: HTMLElement, text: RegExp): Promise<void> {
  await waitFor(() => {
    const said = el.querySelector('[role="meter"]')?.getAttribute('aria-valuetext') ?? '';
    if (!text.test(said)) throw new Error(`The meter says « ${said} », not ${String(text)}.`);
  }, 10000);
}

interface Typed {
  current?: string;
  next?: string;
  confirm?: string;
}

async function fillForm(el: HTMLElement, typed: Typed = {}): Promise<void> {
  const next = typed.next ?? NEW_PASSWORD;
  await fill(el, CURRENT, typed.current ?? DEMO_PASSWORD);
  await fill(el, NEW, next);
  await fill(el, CONFIRM, typed.confirm ?? next);
}

/** Fills the form and presses « Valider ». */
async function fillAndSave(context: Context, typed: Typed = {}): Promise<HTMLElement> {
  const el = await openForm(context);
  await fillForm(el, typed);
  await clickButton(el, SAVE);
  return el;
}

/** Refused before any request: focus and the message on `field`. */
function refused(name: string, typed: Typed, field: RegExp): Story {
  return {
    ...story(name),
    play: async (context) => {
      const el = await fillAndSave(context, typed);
      await waitForInvalid(el, field);
    },
  };
}

/** A change the backend answers with `fault`: every field stays as typed, the failure is said in words. */
function failedChange(name: string, fault: MemoryFault): Story {
  return {
    ...story(name, {}, (backend) => backend.setFault('password', fault)),
    play: async (context) => {
      const el = await fillAndSave(context);
      await waitForRole(el, 'alert');
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

/**
 * Replaces the strength engine for the story's element (the worker otherwise). Left out of the docs page,
 * which renders every story at once: the replacement must not reach the others.
 */
function withStrengthEngine(engine: () => StrengthEngine): Pick<Story, 'beforeEach' | 'tags'> {
  return {
    tags: ['!autodocs'],
    beforeEach: () => {
      const shipped = PasswordStrengthController.engine;
      PasswordStrengthController.engine = engine;
      return () => {
        PasswordStrengthController.engine = shipped;
      };
    },
  };
}

// View mode

export const Loading: Story = story('loading', { latencyMs: FOREVER_MS });

export const Loaded: Story = { ...story('loaded'), play: untilLoaded };

/** `editable.password` false: the password is managed by another service, and the section says so. */
export const NotEditable: Story = {
  ...story('not-editable', withAccount({ editable: { website: true, phones: true, redList: true, password: false } })),
  play: async ({ canvasElement }) => {
    await waitForText(await shadowOf(canvasElement, TAG), /géré par un autre service|managed by another service/);
  },
};

/** No adapter, no api-base, no configure(): says so, and logs one console error (by contract). */
export const NotConfigured: Story = {
  tags: ['expect-console-error'],
  render: () => html`<sel-password-change></sel-password-change>`,
};

// What the directory knows about the password

/** `passwordExpiresAt` far off: the date, in a quiet line. */
export const ExpiresLater: Story = {
  ...story('expires-later', withAccount(demoPasswordState('expiresLater'))),
  play: async ({ canvasElement }) => {
    await waitForText(await shadowOf(canvasElement, TAG), /expire le|expires on/);
  },
};

/** Within the directory's warning period (pwdExpireWarning, here 14 days): a warning with the days left. */
export const ExpiresSoon: Story = {
  ...story('expires-soon', withAccount(demoPasswordState('expiresSoon'))),
  play: async ({ canvasElement }) => {
    await waitForText(await shadowOf(canvasElement, TAG), /expire dans 5 jours|expires in 5 days/);
  },
};

/** Past its date: said plainly. */
export const Expired: Story = {
  ...story('expired', withAccount(demoPasswordState('expired'))),
  play: async ({ canvasElement }) => {
    await waitForText(await shadowOf(canvasElement, TAG), /a expiré le|expired on/);
  },
};

/** `passwordMustChange` (pwdReset after an administrator's reset): the section opens on the form, and says why. */
export const MustChange: Story = {
  ...story('must-change', withAccount(demoPasswordState('mustChange'))),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, TAG);
    await waitForRole(root.host as HTMLElement, 'textbox', CURRENT);
    await waitForText(root, /réinitialisé par un administrateur|reset by an administrator/);
  },
};

// The form

/** Focus on « Ancien mot de passe »; the dictionaries loaded on that focus. */
export const FormOpen: Story = {
  ...story('open'),
  play: async (context) => {
    const el = await openForm(context);
    await waitForMeter(el, /^(Aucun mot de passe saisi|No password typed)$/);
  },
};

/** Some rules met, some not, the meter low, zxcvbn's advice under it. */
export const TypingPartiallyMet: Story = {
  ...story('typing'),
  play: async (context) => {
    const el = await openForm(context);
    await fill(el, NEW, 'motdepasse2');
    await waitForMeter(el, /^(Faible|Weak|Très faible|Very weak)$/);
  },
};

/** The dictionaries are on their way (they never arrive here): the meter says so. */
export const StrengthLoading: Story = {
  ...story('strength-loading'),
  ...withStrengthEngine(() => ({
    offMainThread: true,
    prepare: () => new Promise<void>(() => undefined),
    score: () => new Promise(() => undefined),
  })),
  play: async (context) => {
    const el = await openForm(context);
    await fill(el, NEW, 'motdepasse2');
    await waitForMeter(el, /^(Chargement|Loading)/);
  },
};

/** The dictionaries could not be downloaded: the strength rule is left to the server. */
export const StrengthUnavailable: Story = {
  ...story('strength-unavailable'),
  ...withStrengthEngine(() => ({
    offMainThread: true,
    prepare: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    score: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
  })),
  play: async (context) => {
    const el = await openForm(context);
    await fill(el, NEW, NEW_PASSWORD);
    await waitForMeter(el, /^(Indicateur indisponible|Meter unavailable)/);
  },
};

// Refused before any request: « Valider » stays usable, focus goes to the first problem

export const ProblemCurrentMissing: Story = refused('current-missing', { current: '' }, CURRENT);
export const ProblemNewMissing: Story = refused('new-missing', { next: '', confirm: '' }, NEW);
export const ProblemRulesNotMet: Story = refused('rules-not-met', { next: 'court1' }, NEW);
export const ProblemTooWeak: Story = refused('too-weak', { next: FAIR_PASSWORD }, NEW);
export const ProblemConfirmationMissing: Story = refused('confirm-missing', { confirm: '' }, CONFIRM);
export const ProblemConfirmationDiffers: Story = refused(
  'confirm-differs',
  { confirm: 'Velo-Rouge-Tuba-39!' },
  CONFIRM,
);

// Saving

export const SavePending: Story = {
  ...story('pending'),
  play: async (context) => {
    const el = await openForm(context);
    // From now on the backend never answers: the change stays pending for the designer to look at.
    loadedBackend(context).backend.latencyMs = FOREVER_MS;
    await fillForm(el);
    await clickButton(el, SAVE);
    await waitForRole(el, 'status', /^(Enregistrement en cours|Saving)/);
  },
};

/** The fields emptied, focus on « Votre mot de passe a été changé. », « Fermer » offered. */
export const Saved: Story = {
  ...story('saved'),
  play: async (context) => {
    const el = await fillAndSave(context);
    await waitForRole(el, 'status', /^(Votre mot de passe a été changé|Your password has been changed)/);
  },
};

// Refused by the server: every field stays as typed

/** 422 `wrong_current_password`: said on « Ancien mot de passe », the new password kept. */
export const WrongCurrentPassword: Story = {
  ...story('wrong-current'),
  play: async (context) => {
    const el = await fillAndSave(context, { current: 'Poitiers-2025!' });
    await waitForInvalid(el, CURRENT);
  },
};

/** 422 `policy_violation`: the server's codes marked « non satisfaite » on the checklist. */
export const PolicyViolation: Story = {
  ...story('policy-violation', {}, (backend) =>
    backend.setFault('password', {
      kind: 'validation',
      code: 'policy_violation',
      violations: ['breached', 'in_history'],
    }),
  ),
  play: async (context) => {
    const el = await fillAndSave(context);
    await waitForInvalid(el, NEW);
  },
};

/** A backend whose `POST /account/password` answers `problem` (422): for the answers the mock does not make. */
function refusedBy(name: string, problem: Record<string, unknown>): Pick<Story, 'loaders' | 'render'> {
  return {
    loaders: [backendLoader(`password-${name}`)],
    render: (_args, context) => {
      const { apiBase } = loadedBackend(context);
      const adapter = new RestAdapter({
        baseUrl: apiBase,
        fetch: (resource, init) =>
          init?.method === 'POST'
            ? Promise.resolve(
                new Response(JSON.stringify(problem), {
                  status: 422,
                  headers: { 'Content-Type': 'application/problem+json' },
                }),
              )
            : fetch(resource, init),
      });
      return html`<sel-password-change .adapter=${adapter}></sel-password-change>`;
    },
  };
}

/** 422 `policy_violation` with a rule the element does not know: the server's own words are shown. */
export const PolicyViolationUnknownRule: Story = {
  ...refusedBy('policy-unknown', {
    type: 'about:blank',
    title: 'Unprocessable Content',
    status: 422,
    code: 'policy_violation',
    violations: ['too_similar'],
    detail: 'Trop proche de votre ancien mot de passe.',
  }),
  play: async (context) => {
    const el = await fillAndSave(context);
    await waitForText(el, 'Trop proche de votre ancien mot de passe.');
  },
};

/** 422 `policy_violation` with neither a known code nor words: the field still says the password was refused. */
export const PolicyViolationNoReason: Story = {
  ...refusedBy('policy-no-reason', {
    type: 'about:blank',
    title: 'Unprocessable Content',
    status: 422,
    code: 'policy_violation',
  }),
  play: async (context) => {
    const el = await fillAndSave(context);
    await waitForInvalid(el, NEW);
    await waitForText(el, /sans en donner le motif|without giving a reason/);
  },
};

/** 403 `change_not_allowed`: this account may not change its password here, and the section says whom to ask. */
export const Forbidden: Story = failedChange('403', { kind: 'forbidden', code: 'change_not_allowed' });

/** The directory locked the account (`account_locked`) and says for how long: when to try again, as a time. */
export const AccountLocked: Story = failedChange('locked', accountLockedFault(900));
/** Locked, with no `Retry-After`: « later », and the help desk if it lasts. */
export const AccountLockedNoRetryAfter: Story = failedChange('locked-no-retry', accountLockedFault());
/** 429: « Valider » disabled, with the seconds left from Retry-After. */
export const RateLimited: Story = failedChange('429', { kind: 'rate_limited', retryAfterSeconds: 60 });

export const SessionExpired: Story = failedChange('401', { kind: 'unauthorized' });
export const FailedNetwork: Story = failedChange('network', { kind: 'network' });
export const FailedServer: Story = failedChange('500', { kind: 'server' });

// Load failures: an error state with « Réessayer »

export const LoadFailedInvalidResponse: Story = failedLoad('load-invalid', { kind: 'invalid_response' });
export const LoadFailedServer: Story = failedLoad('load-500', { kind: 'server' });
export const LoadFailedNetwork: Story = failedLoad('load-network', { kind: 'network' });

/**
 * Every control of the panel changes this element live: its attributes, `lang`, the `--sel-*` custom
 * properties and a rule per part (`::part(heading)`: CSS declarations). Only the public API is listed.
 */
export const Playground: Story = { ...story('playground'), play: untilLoaded };
