/** Defines `<sel-general-info>`. */
import { SelGeneralInfo } from './elements/general-info/sel-general-info.js';
import { defineElement } from './elements/shared/define.js';

defineElement('sel-general-info', SelGeneralInfo);

declare global {
  interface HTMLElementTagNameMap {
    'sel-general-info': SelGeneralInfo;
  }
}

export { SelGeneralInfo };
