import type { AccountPatch, Section } from 'sel-widgets/core';

/** The part of the account a PATCH changes, exactly one: what `NotEditableError` and the audit lines name. */
export type PatchSection = Exclude<Section, 'password'>;

export function patchSection(patch: AccountPatch): PatchSection {
  if ('website' in patch) return 'website';
  if ('phones' in patch) return 'phones';
  return 'redList';
}
