import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The MSW worker must be served from the root of the Storybook site.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    // Pre-bundle Lit's helpers with Lit itself, or the dev server serves two copies of Lit.
    const include = [...(viteConfig.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js', '@lit/task'];
    // The password strength worker as an ES module, so that it loads one language's dictionary, not both.
    return { ...viteConfig, optimizeDeps: { ...viteConfig.optimizeDeps, include }, worker: { format: 'es' } };
  },
};

export default config;
