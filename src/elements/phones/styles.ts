import { css } from 'lit';

/**
 * What `<sel-phones>` adds to the shared section styles: the list of numbers, and the edit rows, which
 * put type, number and « Supprimer » side by side on a wide screen and stack them on a narrow one
 * (WCAG 1.4.10 reflow). Warnings read differently from errors by their text and border, not colour alone.
 */
export const phonesStyles = css`
  .phones,
  .rows {
    list-style: none;
    margin: 0 0 calc(var(--_space) * 0.5);
    padding: 0;
  }
  .phones li {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.5rem;
    padding: 0.25rem 0;
  }
  .phones .type {
    min-width: 5rem;
    font-weight: 600;
  }
  .help {
    font-size: 0.9375em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem var(--_space);
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--sel-color-section-border, #dddddd);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  /* As wide as a number needs, not the rest of the row: « Supprimer » stays beside the number it removes. */
  .field.number {
    flex: 0 1 20rem;
    min-width: 0;
  }
  label {
    font-weight: 600;
  }
  select,
  input[type='tel'] {
    min-height: 2.5rem;
    padding: 0.4rem 0.6rem;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input[type='tel'] {
    width: 100%;
    max-width: 20rem;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  input[readonly],
  select:disabled {
    background: var(--sel-color-readonly-background, #f6f6f6);
  }
  /* The destructive action, told apart from « Ajouter un numéro » by its colour and its place in the row. */
  button.remove {
    color: var(--_error);
    border-color: var(--_error);
  }
  .feedback {
    flex: 1 0 100%;
    margin: 0;
  }
  .message.warning {
    border-left-color: var(--sel-color-warning, #b34000);
    color: var(--sel-color-warning, #b34000);
    background: var(--sel-color-warning-background, #fff4ed);
  }
`;
