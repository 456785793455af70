/**
 * sel-widgets: defines the elements of the « Mon compte » page and exports what portals configure them with.
 */
import './sel-redlist.js';

export * from './adapters.js';
export { SelRedlist } from './sel-redlist.js';
export type { SelSavedDetail, SelErrorDetail, SelUnauthorizedDetail } from './elements/events.js';
export type { Language, Messages, MessageKey, MessageOverrides } from './i18n/messages.js';
