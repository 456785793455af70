/**
 * What phone validation weighs in a bundle, per metadata option of libphonenumber-js.
 *
 *   npm run bench:phone-size
 *
 * Every option is bundled from the same entry (the `/core` functions src/validation/phone.ts uses, fed one
 * metadata set), so the rows differ by the metadata only; "code only" is that entry with empty metadata.
 * Custom sets are cut like scripts/generate-phone-metadata.ts does: `max` rules for its STRICT_REGIONS, and
 * for the other regions either nothing ("strict") or their `min` rules ("hybrid", the one shipped).
 * The last row is src/validation/phone.ts as implemented: what phone validation adds to an element.
 */
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cutMetadata, loadMetadata, STRICT_REGIONS, type MetadataJson } from '../scripts/generate-phone-metadata.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// A wider strict set, to see how the cost grows: the rest of the EU/EEA and French-speaking Africa.
const WIDER = [
  ...['AT', 'IE', 'PL', 'SE', 'DK', 'FI', 'NO', 'GR', 'RO', 'CZ', 'HU', 'BG', 'HR', 'SI', 'SK', 'EE', 'LV', 'LT'],
  ...['CY', 'MT', 'IS', 'LI', 'CM', 'ML', 'BF', 'NE', 'TG', 'BJ', 'MG', 'MU', 'GA', 'CG', 'CD', 'GN', 'HT', 'LB'],
];

/** The same calls phone.ts makes, against the metadata served as `virtual:metadata`. */
const ENTRY = `
import { parsePhoneNumberFromString, validatePhoneNumberLength, AsYouType, isSupportedCountry } from 'libphonenumber-js/core';
import metadata from 'virtual:metadata';
export const parse = (s, c) => parsePhoneNumberFromString(s, { defaultCountry: c, extract: false }, metadata);
export const length = (s, c) => validatePhoneNumberLength(s, c, metadata);
export const asYouType = (s, c) => new AsYouType(c, metadata).input(s);
export const supported = (c) => isSupportedCountry(c, metadata);
`;

function virtualMetadata(json: unknown): Plugin {
  return {
    name: 'virtual-metadata',
    setup(b) {
      b.onResolve({ filter: /^virtual:metadata$/ }, () => ({ path: 'metadata', namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: JSON.stringify(json), loader: 'json' }));
    },
  };
}

type Sizes = { min: number; gzip: number; brotli: number };

async function measure(contents: string, plugins: Plugin[] = []): Promise<Sizes> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    plugins,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    min: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

const kB = (n: number): string => `${(n / 1000).toFixed(1)} kB`;

function printTable(title: string, noteHeader: string, rows: [string, Sizes, string?][]): void {
  const header = ['option', 'minified', 'gzip', 'brotli', noteHeader];
  const cells = rows.map(([name, s, note]) => [name, kB(s.min), kB(s.gzip), kB(s.brotli), note ?? '']);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => (r[c] ?? '').length)));
  const line = (row: string[]): string =>
    `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of cells) console.log(line(row));
}

/** Serves src/validation/phone-metadata.ts from another metadata set, to weigh phone.ts on it. */
function phoneMetadataFrom(json: unknown): Plugin {
  return {
    name: 'phone-metadata',
    setup(b) {
      b.onResolve({ filter: /\/phone-metadata\.js$/ }, () => ({ path: 'metadata', namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: JSON.stringify(json), loader: 'json' }));
    },
  };
}

async function main(): Promise<void> {
  const [max, min, mobile] = await Promise.all([loadMetadata('max'), loadMetadata('min'), loadMetadata('mobile')]);
  const empty: MetadataJson = { version: max.version, country_calling_codes: {}, countries: {} };
  const strict = cutMetadata(max, STRICT_REGIONS);
  const hybrid = cutMetadata(max, STRICT_REGIONS, min);
  const n = STRICT_REGIONS.length;
  const options: [string, MetadataJson][] = [
    ['min: length check only', min],
    ['mobile: validates mobiles only', mobile],
    ['max: validates everything', max],
    [`strict custom: max for ${n} regions, the others refused`, strict],
    [`hybrid: max for ${n} regions, min for the others (shipped)`, hybrid],
    [`hybrid, wider: max for ${n + WIDER.length} regions`, cutMetadata(max, [...STRICT_REGIONS, ...WIDER], min)],
  ];

  const code = await measure(ENTRY, [virtualMetadata(empty)]);
  const libraryRows: [string, Sizes, string?][] = [['code only (empty metadata)', code]];
  for (const [name, json] of options) {
    const sizes = await measure(ENTRY, [virtualMetadata(json)]);
    libraryRows.push([name, sizes, `+${kB(sizes.brotli - code.brotli)}`]);
  }
  const all = `export * from './src/validation/phone.ts';`;
  const withoutAsYouType = `export { parsePhone, formatPhoneForDisplay, exampleNumber, typeMismatch } from './src/validation/phone.ts';`;
  const moduleRows: [string, Sizes, string?][] = [
    ['as shipped (hybrid metadata)', await measure(all)],
    ['the same on max metadata', await measure(all, [phoneMetadataFrom(max)])],
    ['the same on strict custom metadata', await measure(all, [phoneMetadataFrom(strict)])],
    ['as shipped, without formatAsYouType', await measure(withoutAsYouType)],
  ];
  const shipped = moduleRows[0]?.[1].brotli ?? 0;
  for (const row of moduleRows.slice(1))
    row[2] = `${row[1].brotli >= shipped ? '+' : ''}${kB(row[1].brotli - shipped)}`;

  console.log(`libphonenumber-js metadata v${max.version}; each row is its own esbuild bundle (minify, esm).`);
  printTable('The calls phone.ts makes, per metadata set:', 'metadata brotli', libraryRows);
  printTable(
    'src/validation/phone.ts, what it adds to a bundle (it shares no code with Lit or zod):',
    'vs shipped',
    moduleRows,
  );
}

await main();
