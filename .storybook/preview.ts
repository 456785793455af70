import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import type { SetupWorker } from 'msw/browser';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import { storyHandlers } from '../stories/support/backend.js';
import { applyTheme } from '../stories/support/themes.js';

/**
 * The manifest as a portal sees the elements: the classes' private and static members left out, so that
 * docs pages list the public API only (the Controls panel is limited further, stories/support/public-api.ts).
 */
function publicManifest(full: typeof manifest): typeof manifest {
  type Member = { privacy?: string; static?: boolean };
  return {
    ...full,
    modules: full.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        'members' in declaration && Array.isArray(declaration.members)
          ? {
              ...declaration,
              members: (declaration.members as Member[]).filter((member) => !member.privacy && !member.static),
            }
          : declaration,
      ),
    })),
  } as typeof manifest;
}

// Docs pages list attributes, properties, events, parts and custom properties from the manifest.
setCustomElementsManifest(publicManifest(manifest));

declare global {
  interface Window {
    /** `status url` (or `network url`) of every error the mock backend answered on purpose. */
    __SEL_SIMULATED_FAULTS__?: string[];
  }
}

const watchedWorkers = new WeakSet<object>();

/**
 * Writes down every error answer the mock backend gives (a 412, a 429, a dropped connection...), so that
 * scripts/check-stories.mjs can tell the browser's "Failed to load resource" echo of a simulated fault
 * from a real one.
 */
function recordSimulatedFaults(context: { msw?: unknown }): void {
  const worker = context.msw as SetupWorker | undefined;
  if (!worker?.events || watchedWorkers.has(worker)) return;
  watchedWorkers.add(worker);
  const record = ({ request, response }: { request: Request; response: Response }) => {
    if (response.type !== 'error' && response.status < 400) return;
    const kind = response.type === 'error' ? 'network' : String(response.status);
    (window.__SEL_SIMULATED_FAULTS__ ??= []).push(`${kind} ${request.url}`);
  };
  worker.events.on('response:mocked', record);
  // A handler's `HttpResponse.error()` (a dropped connection) comes back unmarked, as if it had bypassed.
  worker.events.on('response:bypass', ({ request, response }) => {
    if (response.type === 'error') record({ request, response });
  });
}

const preview: Preview = {
  loaders: [mswLoader()],
  beforeEach: (context) => recordSimulatedFaults(context),
  globalTypes: {
    locale: {
      description: 'Langue des éléments / language of the elements',
      toolbar: {
        title: 'Langue',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Français', right: 'fr' },
          { value: 'en', title: 'English', right: 'en' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Styles du portail autour des éléments / the portal’s styles around the elements',
      toolbar: {
        title: 'Thème',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Défauts des éléments' },
          { value: 'portal', title: 'Thème de portail (--sel-*, ::part)' },
          { value: 'dsfr', title: 'Thème DSFR (sel-widgets/themes/dsfr.css)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'fr', theme: 'default' },
  decorators: [
    (story, context) => {
      const locale = String(context.globals['locale'] ?? 'fr');
      // The elements follow <html lang>, as they do on a portal page.
      document.documentElement.lang = locale;
      applyTheme(String(context.globals['theme'] ?? 'default'));
      // Docs pages wrap each story in lang="en", which the elements would follow (closest ancestor first).
      return context.viewMode === 'docs' ? html`<div lang=${locale}>${story()}</div>` : story();
    },
  ],
  parameters: {
    // One handler for every story's mock backend (stories/support/backend.ts).
    msw: { handlers: { stories: storyHandlers } },
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
