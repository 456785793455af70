/**
 * Finding controls the way a person (or a screen reader) does: by role and accessible name, looking into
 * open shadow roots. Names are computed from the DOM (aria-label, aria-labelledby, <label>, <legend>,
 * text); the accessibility-tree tests check Chrome's own computation for the key controls.
 */
import './readable-failures.js';
type Role =
  | 'button'
  | 'radio'
  | 'radiogroup'
  | 'textbox'
  | 'link'
  | 'status'
  | 'alert'
  | 'heading'
  | 'checkbox'
  | 'combobox'
  | 'meter';

const SELECTORS: Record<Role, string> = {
  button: 'button, [role="button"]',
  radio: 'input[type="radio"], [role="radio"]',
  radiogroup: '[role="radiogroup"]',
  textbox:
    'input:not([type]), input[type="text"], input[type="url"], input[type="tel"], input[type="email"], input[type="password"], textarea, [role="textbox"]',
  link: 'a[href]',
  status: '[role="status"]',
  alert: '[role="alert"]',
  heading: '[role="heading"], h1, h2, h3, h4, h5, h6',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  combobox: 'select, [role="combobox"]',
  meter: 'meter, [role="meter"]',
};

function* allElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* allElements(element.shadowRoot);
  }
}

function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function byIdInScope(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  return root.getElementById(id);
}

export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => text(byIdInScope(element, id)))
      .join(' ')
      .trim();
  }
  const ariaLabel = element.getAttribute('aria-label');
  if (ariaLabel) return ariaLabel.trim();
  // Checks by name, not instanceof: elements of an iframe belong to another realm.
  const labels = (element as Partial<HTMLInputElement>).labels;
  if (labels && labels.length > 0) return [...labels].map((label) => text(label)).join(' ');
  if (element.localName === 'fieldset') return text(element.querySelector('legend'));
  return text(element);
}

export function queryAllByRole(root: ParentNode, role: Role, name?: string | RegExp): HTMLElement[] {
  const matches: HTMLElement[] = [];
  for (const element of allElements(root)) {
    if (!element.matches(SELECTORS[role])) continue;
    if (name === undefined) matches.push(element as HTMLElement);
    else {
      const actual = accessibleName(element);
      if (typeof name === 'string' ? actual === name : name.test(actual)) matches.push(element as HTMLElement);
    }
  }
  return matches;
}

export function queryByRole(root: ParentNode, role: Role, name?: string | RegExp): HTMLElement | null {
  return queryAllByRole(root, role, name)[0] ?? null;
}

export function getByRole(root: ParentNode, role: Role, name?: string | RegExp): HTMLElement {
  const found = queryAllByRole(root, role, name);
  if (found.length === 0) {
    const seen = queryAllByRole(root, role).map((element) => JSON.stringify(accessibleName(element)));
    throw new Error(`No ${role} named ${String(name)}; ${role}s present: ${seen.join(', ') || 'none'}`);
  }
  return found[0]!;
}

/** The text a person sees in an element and its shadow tree, whitespace folded. */
export function visibleText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    const shadowRoot = (node as Partial<Element>).shadowRoot;
    if (shadowRoot) walk(shadowRoot);
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
      else walk(child);
    }
  };
  walk(element);
  // The isolate controls around server text (U+2066 to U+2069) are invisible: a person does not read them.
  return parts
    .join(' ')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits until `check` passes (returns without throwing), or fails with its last error. */
export async function waitFor<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const start = performance.now();
  let lastError: unknown;
  while (performance.now() - start < timeoutMs) {
    try {
      return check();
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw lastError;
}
