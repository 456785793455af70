/**
 * A portal's own stylesheet restyling the elements, the way an ENT (uPortal / ESUP) page would: design
 * tokens through the `--sel-*` custom properties, then `::part()` rules on the pieces. Nothing else reaches
 * inside the elements. Applied by the « Thème » toolbar (preview.ts) and shown in the « Mon compte » stories.
 * Every colour keeps WCAG AA contrast with the elements' white surface.
 */
const ELEMENTS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'];

/** `sel-general-info::part(heading), sel-phones::part(heading), …` */
function part(name: string): string {
  return ELEMENTS.map((tag) => `${tag}::part(${name})`).join(',\n');
}

export const PORTAL_THEME_CSS = `
body {
  background: #eef2f6;
}
${ELEMENTS.join(',\n')} {
  --sel-font-family: 'Liberation Sans', Arial, Helvetica, sans-serif;
  --sel-font-size: 0.9375rem;
  --sel-heading-size: 1.125rem;
  --sel-color-text: #1f2933;
  --sel-color-muted: #4a5562;
  --sel-color-accent: #00548f;
  --sel-color-confirm: #2b6b1f;
  --sel-color-confirm-text: #ffffff;
  --sel-color-focus: #d35400;
  --sel-color-border: #5f6b78;
  --sel-color-section-border: #c5d3e0;
  --sel-radius: 2px;
  --sel-space: 1.25rem;
  --sel-term-width: 16rem;
}
${part('section')} {
  border-top: 4px solid #00548f;
  box-shadow: 0 1px 3px rgb(0 0 0 / 12%);
}
${part('heading')} {
  color: #00548f;
  text-transform: uppercase;
  letter-spacing: 0.03em;
}
${part('confirm-button')} {
  border-radius: 999px;
  padding-inline: 1.5rem;
}
${part('edit-button')} {
  font-weight: 600;
}
${part('hint')} {
  font-style: italic;
}
sel-general-info::part(term) {
  color: #4a5562;
}
`;
