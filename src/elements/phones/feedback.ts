/**
 * The words for a row's error or warning. Messages about the digits name a valid example of the same
 * kind as the row (a mobile for a « Mobile » row, a landline otherwise), written as the region writes it.
 */
import type { PhoneType } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { TypeMismatch } from '../../validation/phone.js';
import type { PhoneTools } from './loader.js';
import type { RowError } from './rows.js';

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

const WARNING_KEYS: Record<TypeMismatch, MessageKey> = {
  mobile_as_fax: 'phones.warning.mobile_as_fax',
  fixed_as_mobile: 'phones.warning.fixed_as_mobile',
};

export function rowErrorMessage(error: RowError, type: PhoneType, region: string, tools: PhoneTools, msg: Msg): string {
  if (error.code === 'duplicate') return msg('phones.error.duplicate', { row: error.row });
  const example = tools.exampleNumber(region, type === 'mobile' ? 'mobile' : 'fixed');
  return msg(`phones.error.${error.code}`, { example });
}

export function rowWarningMessage(warning: TypeMismatch, msg: Msg): string {
  return msg(WARNING_KEYS[warning]);
}
