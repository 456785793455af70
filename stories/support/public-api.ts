/**
 * The Controls panel of a story, limited to what a portal can set (the public API in custom-elements.json:
 * attributes, CSS custom properties, parts, plus `lang`), and wired: every control changes the element on
 * screen. The manifest also lists the classes' private fields; a designer has nothing to do with those.
 */
import type { ArgTypes, Args } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import manifest from '../../custom-elements.json';

interface Described {
  name: string;
  description?: string;
  default?: string;
  type?: { text?: string };
}
interface Declaration {
  tagName?: string;
  attributes?: Described[];
  members?: (Described & { kind?: string; privacy?: string; static?: boolean })[];
  cssProperties?: Described[];
  cssParts?: Described[];
}

/** What the manifest says of one element. */
function declarationOf(tag: string): Declaration {
  for (const module of manifest.modules as { declarations?: Declaration[] }[]) {
    const found = module.declarations?.find((declaration) => declaration.tagName === tag);
    if (found) return found;
  }
  throw new Error(`custom-elements.json has no <${tag}>`);
}

/** Attributes the stories set themselves: the backend is the story's, not a control. */
const SET_BY_THE_STORY = new Set(['api-base']);

/** Argument name of a part's rule: `::part(heading)` holds CSS declarations for that part. */
export const partArg = (part: string): string => `::part(${part})`;

/**
 * The arg types of `tag`'s public API, each with a control; everything else the manifest lists (private
 * fields, the properties behind the attributes) is left out of the Controls panel.
 */
export function publicArgTypes(tag: string): ArgTypes {
  const declaration = declarationOf(tag);
  const argTypes: ArgTypes = {
    lang: {
      description: 'Langue de l’élément (sinon celle de la page) / the element’s language (else the page’s).',
      control: 'inline-radio',
      options: ['fr', 'en'],
      table: { category: 'attributes' },
    },
  };
  for (const attribute of declaration.attributes ?? []) {
    if (SET_BY_THE_STORY.has(attribute.name)) continue;
    const numeric = attribute.type?.text === 'number';
    argTypes[attribute.name] = {
      description: attribute.description,
      control: numeric ? { type: 'number', min: 1, max: 6, step: 1 } : 'text',
      table: { category: 'attributes', defaultValue: { summary: attribute.default } },
    };
  }
  for (const property of declaration.cssProperties ?? []) {
    argTypes[property.name] = {
      description: property.description,
      control: /color/.test(property.name) ? 'color' : 'text',
      table: { category: 'css custom properties' },
    };
  }
  for (const part of declaration.cssParts ?? []) {
    argTypes[partArg(part.name)] = {
      description: `${part.description ?? ''} CSS declarations for \`${tag}::part(${part.name})\`.`,
      control: 'text',
      table: { category: 'css shadow parts' },
    };
  }
  return argTypes;
}

/** The Controls panel shows these and nothing else (Storybook would add the manifest's every member). */
export function publicControls(tag: string): { include: string[] } {
  return { include: Object.keys(publicArgTypes(tag)) };
}

const text = (value: unknown): string | undefined =>
  value === undefined || value === null || value === '' ? undefined : String(value);

/**
 * `tag` as the story's args say: attributes, `lang`, custom properties in its `style`, and part rules in
 * a stylesheet beside it. `apiBase` (the story's own backend) is left out when the story has none.
 */
export function renderWithArgs(tag: string, args: Args, apiBase?: string): TemplateResult {
  const declaration = declarationOf(tag);
  const custom: Record<string, string> = {};
  for (const property of declaration.cssProperties ?? []) {
    const value = text(args[property.name]);
    if (value) custom[property.name] = value;
  }
  const partRules = (declaration.cssParts ?? [])
    .map((part) => [part.name, text(args[partArg(part.name)])] as const)
    .filter(([, rule]) => rule !== undefined)
    .map(([name, rule]) => `${tag}::part(${name}) { ${rule} }`)
    .join('\n');
  const attributes = (declaration.attributes ?? []).filter((attribute) => !SET_BY_THE_STORY.has(attribute.name));
  const values = Object.fromEntries(attributes.map((attribute) => [attribute.name, text(args[attribute.name])]));
  const name = unsafeStatic(tag);
  return html`${partRules ? html`<style .textContent=${partRules}></style>` : nothing}${staticHtml`<${name}
      api-base=${ifDefined(apiBase)}
      lang=${ifDefined(text(args['lang']))}
      heading-level=${ifDefined(values['heading-level'])}
      default-region=${ifDefined(values['default-region'])}
      strength-words=${ifDefined(values['strength-words'])}
      style=${styleMap(custom)}
    ></${name}>`}`;
}
