/**
 * The stylesheets the « Thème » toolbar puts on the page around the elements: none (the elements'
 * defaults), a portal's own (portal-theme.ts), or the DSFR theme shipped in the package (themes/dsfr.css).
 */
import dsfrCss from '../../themes/dsfr.css?raw';
import { PORTAL_THEME_CSS } from './portal-theme.js';

export const DSFR_THEME_CSS = dsfrCss;

const THEMES: Record<string, string> = { portal: PORTAL_THEME_CSS, dsfr: DSFR_THEME_CSS };
const STYLE_ID = 'sel-story-theme';

/** Puts the named theme's stylesheet on the page, replacing the previous one; `default` takes it away. */
export function applyTheme(name: string): void {
  const css = THEMES[name];
  let style = document.getElementById(STYLE_ID);
  if (!css) {
    style?.remove();
    return;
  }
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.append(style);
  }
  if (style.textContent !== css) style.textContent = css;
}
