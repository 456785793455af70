/** Defines `<sel-password-change>`. The strength dictionaries are not imported here: they load on first use. */
import { SelPasswordChange } from './elements/password-change/sel-password-change.js';
import { defineElement } from './elements/shared/define.js';

defineElement('sel-password-change', SelPasswordChange);

declare global {
  interface HTMLElementTagNameMap {
    'sel-password-change': SelPasswordChange;
  }
}

export { SelPasswordChange };
