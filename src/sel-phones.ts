/** Defines `<sel-phones>`. The phone number rules it needs are downloaded when the first one connects. */
import { SelPhones } from './elements/phones/sel-phones.js';
import { defineElement } from './elements/shared/define.js';

defineElement('sel-phones', SelPhones);

declare global {
  interface HTMLElementTagNameMap {
    'sel-phones': SelPhones;
  }
}

export { SelPhones };
