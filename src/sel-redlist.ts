/** Defines `<sel-redlist>`. */
import { SelRedlist } from './elements/redlist/sel-redlist.js';
import { defineElement } from './elements/shared/define.js';

defineElement('sel-redlist', SelRedlist);

declare global {
  interface HTMLElementTagNameMap {
    'sel-redlist': SelRedlist;
  }
}

export { SelRedlist };
