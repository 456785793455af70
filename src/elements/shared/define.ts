/**
 * Defines a custom element unless the tag is taken: a portal may load the full bundle and a per-element
 * entry on the same page, and a second `define` would throw.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
