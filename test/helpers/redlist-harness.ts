/** What a person does with a <sel-redlist>, for tests of behaviour every section shares. */
import { expect } from '@open-wc/testing';
import type { SelRedlist } from '../../src/sel-redlist.js';
import { getByRole, queryByRole, visibleText, waitFor } from './queries.js';

export async function redlistLoaded(el: SelRedlist): Promise<void> {
  await waitFor(() => getByRole(el.shadowRoot!, 'button', 'Modifier… (liste rouge)'), 5000);
}

/** « Modifier… », « Non » (the liste rouge), « Valider ». */
export async function saveRedListed(el: SelRedlist): Promise<void> {
  getByRole(el.shadowRoot!, 'button', 'Modifier… (liste rouge)').click();
  await el.updateComplete;
  getByRole(el.shadowRoot!, 'radio', 'Non').click();
  await el.updateComplete;
  getByRole(el.shadowRoot!, 'button', 'Valider').click();
  await el.updateComplete;
}

export async function redlistSays(el: SelRedlist, text: string, timeoutMs = 5000): Promise<void> {
  await waitFor(() => expect(visibleText(el)).to.contain(text), timeoutMs);
}

export function redlistChoice(el: SelRedlist): boolean | undefined {
  const radio = queryByRole(el.shadowRoot!, 'radio', 'Non') as HTMLInputElement | null;
  return radio?.checked;
}
