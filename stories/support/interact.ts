/** Play-function helpers: drive an element into a state the way a person would, looking through shadow roots. */
import { getByRole, visibleText, waitFor } from '../../test/helpers/queries.js';

type Role = Parameters<typeof getByRole>[1];

/** The open shadow root of the first `tag` in the story, once the element is defined and rendered. */
export async function shadowOf(canvasElement: HTMLElement, tag: string): Promise<ShadowRoot> {
  return waitFor(() => {
    const root = canvasElement.querySelector(tag)?.shadowRoot;
    if (!root) throw new Error(`No <${tag}> with a shadow root in the story.`);
    return root;
  }, 5000);
}

export async function clickButton(root: ParentNode, name: string | RegExp, timeoutMs = 5000): Promise<void> {
  const button = await waitFor(() => getByRole(root, 'button', name), timeoutMs);
  button.click();
}

export async function clickRadio(root: ParentNode, name: string | RegExp): Promise<void> {
  const radio = await waitFor(() => getByRole(root, 'radio', name));
  radio.click();
}

export async function waitForRole(root: ParentNode, role: Role, name?: string | RegExp, timeoutMs = 5000) {
  return waitFor(() => getByRole(root, role, name), timeoutMs);
}

/** Waits until the element shows `text` (its shadow tree included). */
export async function waitForText(element: Element | ShadowRoot, text: string | RegExp, timeoutMs = 5000) {
  const host = element instanceof ShadowRoot ? element.host : element;
  await waitFor(() => {
    const shown = visibleText(host);
    if (typeof text === 'string' ? !shown.includes(text) : !text.test(shown)) {
      throw new Error(`Still waiting for ${String(text)} in <${host.localName}>.`);
    }
  }, timeoutMs);
}

/**
 * Types `value` into the textbox named `name`, replacing what it held, as one `input` event of the kind a
 * paste or an autofill gives: the element reacts as it does to a person typing.
 */
export async function fill(root: ParentNode, name: string | RegExp, value: string): Promise<HTMLInputElement> {
  const input = (await waitForRole(root, 'textbox', name)) as HTMLInputElement;
  input.focus();
  input.value = value;
  input.setSelectionRange(value.length, value.length);
  input.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: value }),
  );
  await settle();
  return input;
}

/** Leaves the field that has focus (Tab away), which is when the elements judge what was typed. */
export async function leave(input: HTMLElement): Promise<void> {
  input.blur();
  await settle();
}

/** Chooses `value` in the select named `name`. */
export async function choose(root: ParentNode, name: string | RegExp, value: string): Promise<void> {
  const select = (await waitForRole(root, 'combobox', name)) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

/** Waits until the field named `name` is marked invalid. */
export async function waitForInvalid(root: ParentNode, name: string | RegExp): Promise<void> {
  await waitFor(() => {
    const field = getByRole(root, 'textbox', name);
    if (field.getAttribute('aria-invalid') !== 'true') throw new Error(`${String(name)} is not marked invalid yet.`);
  }, 5000);
}

/** Lets Lit render what the last event changed. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
