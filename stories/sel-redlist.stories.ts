import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/sel-redlist.js';
import type { MemoryAdapterOptions, MemoryFault } from '../src/mocks/memory-adapter.js';
import { demoAccount } from '../src/mocks/demo-account.js';
import { backendLoader, loadedBackend, FOREVER_MS, type BackendSetup } from './support/backend.js';
import { clickButton, clickRadio, shadowOf, waitForRole, waitForText } from './support/interact.js';
import { publicArgTypes, publicControls, renderWithArgs } from './support/public-api.js';

const TAG = 'sel-redlist';
const EDIT = /^(Modifier…|Edit…)/;

const meta: Meta = {
  title: 'Éléments/sel-redlist (Liste rouge)',
  component: TAG,
  tags: ['autodocs'],
  argTypes: publicArgTypes(TAG),
  parameters: {
    controls: publicControls(TAG),
    docs: {
      description: {
        component:
          'Le choix d’apparaître ou non dans l’annuaire public (liste rouge). ' +
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
    loaders: [backendLoader(`redlist-${name}`, options, setup)],
    render: (args, context) => renderWithArgs(TAG, args, loadedBackend(context).apiBase),
  };
}

/** The choice is on screen, « Modifier… » with it. */
async function loaded({ canvasElement }: Context): Promise<ShadowRoot> {
  const root = await shadowOf(canvasElement, TAG);
  await waitForRole(root, 'button', EDIT);
  return root;
}

/** Play function: the story is ready once the account is on screen. */
async function untilLoaded(context: Context): Promise<void> {
  await loaded(context);
}

/** Opens the form, chooses « Non » and submits: the path to every save state. */
async function chooseNoAndSave(context: Context): Promise<ShadowRoot> {
  const root = await loaded(context);
  await clickButton(root, EDIT);
  await clickRadio(root, /^(Non|No)$/);
  await clickButton(root, /^(Valider|Save)$/);
  return root;
}

function failingSave(name: string, fault: MemoryFault): Story {
  return {
    ...story(name, {}, (backend) => backend.setFault('save', fault)),
    play: async (context) => {
      await waitForRole(await chooseNoAndSave(context), 'alert');
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

export const Listed: Story = { ...story('listed'), play: untilLoaded };

export const RedListed: Story = {
  ...story('red-listed', { account: { ...demoAccount(), redList: true } }),
  play: untilLoaded,
};

export const Loading: Story = story('loading', { latencyMs: FOREVER_MS });

export const Editing: Story = {
  ...story('editing'),
  play: async (context) => {
    const root = await loaded(context);
    await clickButton(root, EDIT);
    await waitForRole(root, 'radio', /^(Non|No)$/);
  },
};

export const SavePending: Story = {
  ...story('pending'),
  play: async (context) => {
    const root = await loaded(context);
    // From now on the backend never answers: the save stays pending for the designer to look at.
    loadedBackend(context).backend.latencyMs = FOREVER_MS;
    await chooseNoAndSave(context);
    await waitForRole(root, 'status', /Enregistrement en cours|Saving/);
  },
};

export const Saved: Story = {
  ...story('saved'),
  play: async (context) => {
    await waitForRole(await chooseNoAndSave(context), 'status', /enregistré|saved/);
  },
};

export const NotEditable: Story = {
  ...story('not-editable', {
    account: { ...demoAccount(), editable: { website: true, phones: true, redList: false, password: true } },
  }),
  play: async ({ canvasElement }) => {
    await waitForText(await shadowOf(canvasElement, TAG), /correspondant annuaire|directory correspondent/);
  },
};

export const NotConfigured: Story = {
  tags: ['expect-console-error'],
  render: () => html`<sel-redlist></sel-redlist>`,
};

export const FailedNetwork: Story = failingSave('network', { kind: 'network' });
export const FailedSessionExpired: Story = failingSave('401', { kind: 'unauthorized' });
export const FailedForbidden: Story = failingSave('403', { kind: 'forbidden' });
export const FailedChangedElsewhere: Story = failingSave('412', { kind: 'conflict' });
export const FailedValidation: Story = failingSave('422', {
  kind: 'validation',
  fieldErrors: [{ field: 'redList', code: 'invalid' }],
});
export const FailedRateLimited: Story = failingSave('429', { kind: 'rate_limited', retryAfterSeconds: 60 });
export const FailedServer: Story = failingSave('500', { kind: 'server' });
export const FailedInvalidResponse: Story = failingSave('invalid-response', { kind: 'invalid_response' });

export const LoadFailedNetwork: Story = failedLoad('load-network', { kind: 'network' });
export const LoadFailedSessionExpired: Story = failedLoad('load-401', { kind: 'unauthorized' });
export const LoadFailedInvalidResponse: Story = failedLoad('load-invalid', { kind: 'invalid_response' });
export const LoadFailedServer: Story = failedLoad('load-500', { kind: 'server' });

/**
 * Every control of the panel changes this element live: its attributes, `lang`, the `--sel-*` custom
 * properties and a rule per part (`::part(heading)`: CSS declarations). Only the public API is listed.
 */
export const Playground: Story = { ...story('playground'), play: untilLoaded };
