import { css } from 'lit';

/**
 * Design tokens and the pieces every section shares. Portals restyle through the `--sel-*` custom
 * properties and `::part()`; the defaults meet WCAG AA contrast on a white background.
 */
export const sectionStyles = css`
  :host {
    display: block;
    font-family: var(--sel-font-family, inherit);
    font-size: var(--sel-font-size, 1rem);
    line-height: 1.5;
    color: var(--sel-color-text, #1b1b1b);
    --_confirm: var(--sel-color-confirm, #18753c);
    --_confirm-text: var(--sel-color-confirm-text, #ffffff);
    --_accent: var(--sel-color-accent, #000091);
    --_error: var(--sel-color-error, #ce0500);
    --_success: var(--sel-color-success, #18753c);
    --_muted: var(--sel-color-muted, #525252);
    --_border: var(--sel-color-border, #767676);
    --_surface: var(--sel-color-surface, #ffffff);
    --_focus: var(--sel-color-focus, #0a76f6);
    --_radius: var(--sel-radius, 4px);
    --_space: var(--sel-space, 1rem);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .section {
    border: 1px solid var(--sel-color-section-border, #dddddd);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  .heading {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: var(--sel-heading-size, 1.25rem);
    font-weight: 700;
    line-height: 1.3;
  }
  p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  a {
    color: var(--_accent);
  }
  .muted {
    color: var(--_muted);
  }
  .pending:empty {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: calc(var(--_space) * 0.75);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.4rem 0.9rem;
    min-height: 2.5rem;
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
  }
  button.confirm {
    background: var(--_confirm);
    border-color: var(--_confirm);
    color: var(--_confirm-text);
    font-weight: 600;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .message {
    margin: calc(var(--_space) * 0.5) 0;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid transparent;
  }
  /* Empty, a message takes no room but stays on the page: a live region must be in the accessibility tree
     before its words arrive, or screen readers may not announce them. */
  .message:empty {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .message.error {
    border-left-color: var(--_error);
    color: var(--_error);
    background: var(--sel-color-error-background, #fff4f3);
  }
  .message.success {
    border-left-color: var(--_success);
    color: var(--_success);
    background: var(--sel-color-success-background, #f0faf3);
  }
  .message.info {
    border-left-color: var(--_accent);
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.25rem 0;
  }
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 0.15s;
    }
  }
`;
