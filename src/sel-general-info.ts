/** Defines `<sel-general-info>`. */
import { SelGeneralInfo } from './elements/sel-general-info.js';
import { defineElement } from './elements/define.js';

defineElement('sel-general-info', SelGeneralInfo);

declare global {
  interface HTMLElementTagNameMap {
    'sel-general-info': SelGeneralInfo;
  }
}

export { SelGeneralInfo };
