import { css } from 'lit';

/**
 * What `<sel-general-info>` adds to the shared section styles: a description list that reads as two
 * columns on a wide screen and stacks on a narrow one (WCAG 1.4.10 reflow), the « Site web » field, and
 * the button that confirms a removal.
 */
export const generalInfoStyles = css`
  .details {
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_space);
    padding: 0.375rem 0;
    border-bottom: 1px solid var(--sel-color-section-border, #dddddd);
  }
  .row:last-child {
    border-bottom: none;
  }
  dt {
    flex: 0 0 var(--sel-term-width, 14rem);
    font-weight: 600;
  }
  dd {
    flex: 1 1 16rem;
    min-width: 0;
    margin: 0;
    /* Long URLs and structure names wrap instead of widening the page. */
    overflow-wrap: anywhere;
  }
  dd p:last-child {
    margin-bottom: 0;
  }
  .values {
    margin: 0;
    padding-left: 1.25rem;
  }
  .actions.inline {
    margin-top: 0.25rem;
  }
  .help {
    font-size: 0.9375em;
  }
  input[type='url'] {
    display: block;
    width: 100%;
    max-width: 40rem;
    min-height: 2.5rem;
    padding: 0.4rem 0.6rem;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  input[readonly] {
    background: var(--sel-color-readonly-background, #f6f6f6);
  }
  .suggestion p {
    margin-bottom: 0.5rem;
  }
  button.danger {
    background: var(--_error);
    border-color: var(--_error);
    color: var(--sel-color-danger-text, #ffffff);
    font-weight: 600;
  }
`;
