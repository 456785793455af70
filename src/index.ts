/**
 * sel-widgets: defines the four elements of the « Mon compte » page and exports what portals configure
 * them with. Phone rules and password dictionaries are not in this module: each element downloads them
 * when a person first needs them.
 */
import './sel-general-info.js';
import './sel-phones.js';
import './sel-redlist.js';
import './sel-password-change.js';

export * from './adapters.js';
export { SelGeneralInfo } from './sel-general-info.js';
export { SelPhones } from './sel-phones.js';
export { SelRedlist } from './sel-redlist.js';
export { SelPasswordChange } from './sel-password-change.js';
export type { SelSavedDetail, SelErrorDetail, SelUnauthorizedDetail } from './elements/shared/events.js';
export type { Language, Messages, MessageKey, MessageOverrides } from './i18n/messages.js';
