/** Defines `<sel-phones>`. The phone number rules it needs are downloaded when « Modifier… » is hovered, focused or pressed. */
import { SelPhones } from './elements/phones/sel-phones.js';
import { defineElement } from './elements/shared/define.js';

defineElement('sel-phones', SelPhones);

declare global {
  interface HTMLElementTagNameMap {
    'sel-phones': SelPhones;
  }
}

export { SelPhones };
