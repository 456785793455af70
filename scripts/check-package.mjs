// `npm run check:package` (after `npm run build`): packs the package as a portal installs it and checks the
// tarball. It fails when
// - a test, a story, the demo or the mocks' sources ride along, or a production entry (everything but
//   `sel-widgets/mocks`) reaches demo data or a mock through its imports or source maps;
// - a module that defines a tag is not listed in `sideEffects`: a bundler would drop it from a portal's
//   `import 'sel-widgets'`, and the tags would stay unknown (the elements then get `adapter` as the
//   attribute "[object Object]" and request nothing);
// - the framework types or editor data generated from custom-elements.json are missing;
// - publint or @arethetypeswrong/cli report an error.
// The tarball stays in test/integration/.pack/sel-widgets.tgz, where the integration fixtures install it from.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = fileURLToPath(new URL('..', import.meta.url));
export const PACK_DIR = join(root, 'test/integration/.pack');
export const TARBALL = join(PACK_DIR, 'sel-widgets.tgz');
const problems = [];
const fail = (message) => problems.push(message);

// Files a production entry must never reach: demo data and mock code (sel-widgets/mocks only).
const DEMO_MARKERS = ['Poitiers-2026!', 'claire.martin@univ-exemple.fr', 'Injected fault on'];
const FORBIDDEN_PATHS = [/^(test|tests|stories|demo|public|src|server|scripts)\//, /\.test\./, /\.stories\./];
const REQUIRED_FILES = [
  'dist/sel-widgets.js',
  'dist/types/react.d.ts',
  'dist/types/vue.d.ts',
  'dist/types/svelte.d.ts',
  'dist/types/jsx-elements.d.ts',
  'dist/vscode.html-custom-data.json',
  'dist/web-types.json',
  'custom-elements.json',
];

function pack() {
  mkdirSync(PACK_DIR, { recursive: true });
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', PACK_DIR], { cwd: root, encoding: 'utf8' }),
  );
  renameSync(join(PACK_DIR, filename), TARBALL);
}

function unpack() {
  const dir = mkdtempSync(join(tmpdir(), 'sel-widgets-pack-'));
  execFileSync('tar', ['-xzf', TARBALL, '-C', dir]);
  return join(dir, 'package');
}

function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, posix.join(prefix, entry.name)) : [posix.join(prefix, entry.name)],
  );
}

/** `sideEffects` globs as npm bundlers read them: `*` within a path segment, `**` across segments. */
function globToRegExp(glob) {
  const segment = (text) => text.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  const body = glob.replace(/^\.\//, '').split('**').map(segment).join('.*');
  return new RegExp(`^${body}$`);
}

/** The relative modules a module imports statically (what a bundler follows to build a page). */
function staticImports(file, code) {
  const specifiers = [...code.matchAll(/(?:^|[\s;}])(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?["'](\.[^"']+)["']/g)];
  return specifiers.map((match) => posix.normalize(posix.join(posix.dirname(file), match[1])));
}

function checkContents(pkgDir, files, manifest) {
  for (const file of files) {
    if (FORBIDDEN_PATHS.some((pattern) => pattern.test(file))) fail(`the tarball holds ${file}`);
  }
  for (const file of REQUIRED_FILES) if (!files.includes(file)) fail(`the tarball lacks ${file}`);

  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const productionEntries = Object.entries(pkg.exports)
    .filter(([key]) => key !== './mocks')
    .flatMap(([, target]) => (typeof target === 'string' ? [target] : [target.default]))
    .filter((target) => target.endsWith('.js'))
    .map((target) => posix.normalize(target));
  const reached = new Set();
  const queue = [...productionEntries];
  while (queue.length > 0) {
    const file = queue.pop();
    if (reached.has(file)) continue;
    reached.add(file);
    if (!existsSync(join(pkgDir, file))) {
      fail(`${file} is imported but not in the tarball`);
      continue;
    }
    queue.push(...staticImports(file, readFileSync(join(pkgDir, file), 'utf8')));
  }
  for (const file of reached) {
    const code = readFileSync(join(pkgDir, file), 'utf8');
    for (const marker of DEMO_MARKERS) {
      if (code.includes(marker)) fail(`production module ${file} holds demo or mock data (${marker})`);
    }
    const mapFile = join(pkgDir, `${file}.map`);
    if (existsSync(mapFile)) {
      const sources = JSON.parse(readFileSync(mapFile, 'utf8')).sources ?? [];
      const mockSource = sources.find((source) => /(^|\/)src\/mocks(\.ts|\/)/.test(source));
      if (mockSource) fail(`the source map of production module ${file} holds ${mockSource}`);
    }
  }
  console.log(
    `production modules reached from ${productionEntries.length} entries: ${reached.size}, none holds mock code`,
  );

  // Every tag must be defined in a module the bundler keeps for `import 'sel-widgets'`.
  const sideEffects = (pkg.sideEffects ?? []).map(globToRegExp);
  const tags = manifest.modules.flatMap((mod) => mod.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
  const npmModules = files.filter((file) => file.endsWith('.js') && !file.startsWith('dist/sel-widgets'));
  for (const tag of tags) {
    const definedCall = new RegExp(`(?:defineElement|customElements\\.define)\\(\\s*["'\`]${tag}["'\`]`);
    const definers = npmModules.filter((file) => definedCall.test(readFileSync(join(pkgDir, file), 'utf8')));
    if (definers.length === 0) fail(`no npm module of the tarball visibly defines <${tag}>: update this check`);
    for (const file of definers) {
      if (!sideEffects.some((pattern) => pattern.test(file))) {
        fail(`${file} defines <${tag}> but package.json "sideEffects" does not list it: a bundler drops it`);
      }
    }
    if (definers.length > 0) console.log(`<${tag}> defined in ${definers.join(', ')}: listed in sideEffects`);
  }
}

async function runPublint(pkgDir) {
  // pkgDir is the unpacked tarball, so publint sees exactly what was published: no second pack.
  const { messages } = await publint({ pkgDir, level: 'suggestion', pack: false });
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  for (const message of messages) {
    const text = `publint ${message.type}: ${formatMessage(message, pkg)}`;
    if (message.type === 'error') fail(text);
    else console.log(text);
  }
  console.log(`publint: ${messages.filter((m) => m.type === 'error').length} errors, ${messages.length} messages`);
}

function runAttw() {
  // ESM only, as the package is ("type": "module", no require condition): CommonJS and node10 resolution
  // are out of scope; node16 ESM and bundler resolution must find correct types for every entry.
  const attw = join(root, 'node_modules/.bin/attw');
  // Stylesheets (the DSFR theme) are entries without types by nature: attw has nothing to check there.
  const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const stylesheets = Object.keys(exports).filter((entry) => entry.endsWith('.css'));
  const exclude = stylesheets.length > 0 ? ['--exclude-entrypoints', ...stylesheets] : [];
  try {
    console.log(
      execFileSync(attw, [TARBALL, '--profile', 'esm-only', '--format', 'table-flipped', '--no-color', ...exclude], {
        encoding: 'utf8',
      }),
    );
  } catch (error) {
    console.log(error.stdout);
    fail('@arethetypeswrong/cli reported problems (above)');
  }
}

pack();
const pkgDir = unpack();
try {
  const files = listFiles(pkgDir);
  console.log(`${TARBALL.slice(root.length)}: ${files.length} files`);
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'custom-elements.json'), 'utf8'));
  checkContents(pkgDir, files, manifest);
  await runPublint(pkgDir);
  runAttw();
} finally {
  rmSync(dirname(pkgDir), { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`\nThe package is not fit to publish:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('package check: the tarball is fit to publish');
