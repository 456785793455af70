/** Defines `<sel-redlist>`. */
import { SelRedlist } from './elements/sel-redlist.js';
import { defineElement } from './elements/define.js';

defineElement('sel-redlist', SelRedlist);

declare global {
  interface HTMLElementTagNameMap {
    'sel-redlist': SelRedlist;
  }
}

export { SelRedlist };
