// What a portal's compiler and editor read about the tags, generated from custom-elements.json so that no
// portal writes a declaration file by hand and nothing drifts from the elements' JSDoc:
// - dist/types/react.d.ts, vue.d.ts, svelte.d.ts: the entries `sel-widgets/react`, `/vue`, `/svelte`. Each
//   is the main entry plus the tags for that framework's checker (React's JSX.IntrinsicElements with the
//   events as `onsel-…` props, Vue's GlobalComponents, Svelte 5's SvelteHTMLElements).
// - dist/vscode.html-custom-data.json (and .css-), dist/web-types.json: VS Code and JetBrains completion.
// The generators of the custom-elements-manifest ecosystem write the props; the few lines that bind them
// to each framework are written here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';

const HEADER = '// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.\n';

/**
 * The elements' JSDoc types events as `@fires {CustomEvent<Detail>}` (what the manifest schema asks for);
 * the generators wrap that type in `CustomEvent<…>` themselves, so they get the detail alone. The manifest
 * written to disk keeps the full type.
 */
function withEventDetails(manifest) {
  const copy = structuredClone(manifest);
  for (const mod of copy.modules) {
    for (const declaration of mod.declarations ?? []) {
      for (const event of declaration.events ?? []) {
        const match = /^CustomEvent<([\s\S]*)>$/.exec(event.type?.text ?? '');
        if (match) event.type = { ...event.type, text: match[1] };
      }
    }
  }
  return copy;
}

function elementsOf(manifest) {
  return manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName);
}

function write(dir, file, text) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), HEADER + text);
}

export function writeFrameworkTypes(manifest, typesDir) {
  const source = withEventDetails(manifest);
  // Paths in the generated imports are relative to typesDir, where tsc put dist/types/sel-*.d.ts.
  const componentTypePath = (_name, tag) => `./${tag}.js`;
  const common = { outdir: typesDir, componentTypePath, hideLogs: true };
  generateJsxTypes(structuredClone(source), { ...common, fileName: 'jsx-elements.d.ts' });

  write(
    typesDir,
    'react.d.ts',
    `export * from './index.js';
import type { CustomElements } from './jsx-elements.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`,
  );

  // Svelte 5 reads `onsel-saved={…}` as an event listener and sets known properties (`adapter`) as
  // properties; its element map is SvelteHTMLElements. The props are the JSX generator's, which already
  // use the same `on` + event name spelling.
  const elements = elementsOf(source);
  const svelteEntries = elements
    .map((element) => `    '${element.tagName}': HTMLAttributes<${element.name}> & ${element.name}Props;`)
    .join('\n');
  write(
    typesDir,
    'svelte.d.ts',
    `export * from './index.js';
import type { HTMLAttributes } from 'svelte/elements';
import type { ${elements.map((element) => `${element.name}Props`).join(', ')} } from './jsx-elements.js';
${elements.map((element) => `import type { ${element.name} } from './${element.tagName}.js';`).join('\n')}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${svelteEntries}
  }
}
`,
  );

  // Vue's template checker (vue-tsc) reads props and listeners by their camelCase names: `default-region`
  // is `defaultRegion`, `@sel-saved` is `onSelSaved`. The Vue generator of the same family names them as
  // JSX does (`onsel-saved`), which vue-tsc does not match, so the JSX props are renamed here, by type.
  write(
    typesDir,
    'vue.d.ts',
    `export * from './index.js';
import type { DefineComponent } from 'vue';
import type { ${elements.map((element) => `${element.name}Props`).join(', ')} } from './jsx-elements.js';

type Camelize<Name extends string> = Name extends \`\${infer Head}-\${infer Tail}\`
  ? \`\${Head}\${Capitalize<Camelize<Tail>>}\`
  : Name;
type VueName<Name extends string> = Name extends \`on\${infer Event}-\${infer Rest}\`
  ? \`on\${Capitalize<Camelize<\`\${Event}-\${Rest}\`>>}\`
  : Camelize<Name>;
type VueProps<Props> = { [Name in keyof Props & string as VueName<Name>]?: Props[Name] };

declare module 'vue' {
  interface GlobalComponents {
${elements.map((element) => `    '${element.tagName}': DefineComponent<VueProps<${element.name}Props>>;`).join('\n')}
  }
}
`,
  );
}

export function writeEditorData(manifest, outdir) {
  const source = withEventDetails(manifest);
  generateVsCodeCustomElementData(structuredClone(source), {
    outdir,
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
    hideLogs: true,
  });
  generateJetBrainsWebTypes(structuredClone(source), {
    outdir,
    webTypesFileName: 'web-types.json',
    packageJson: false,
    hideLogs: true,
  });
}
