// `npm run check:install` (after `npm run build && npm run build:server`): what a university gets from the two
// packages, with no clone and no build. Packs sel-widgets and sel-widgets-server, installs both tarballs
// into an empty temporary directory with `npm install --omit=dev` (dependencies from the registry), then:
// - `npx sel-widgets-server --help` exits 0 and lists SEL_AUTH;
// - the server starts from node_modules/.bin with SEL_AUTH=dev and the file store in a temporary data
//   directory on a free loopback port, answers /readyz with 200, and its page `/` shows the four sections
//   with the demo account in Chromium, with no console error, failed request or CSP violation;
// - it stops on SIGTERM with exit code 0.
// It fails too when the server's tarball lacks a file it ships (page files, demo seed, LDIF files) or holds
// tests, benches or sources, and when npm warns that a dependency needs a newer Node than the server's
// `engines` admits. It prints the size and count of the installed production dependencies.
//
// sel-widgets-server depends on sel-widgets by version in the tarball, while server/package.json keeps
// `file:..` for development: npm workspaces link only the packages listed in `workspaces`, and the root
// package is not one of them (listing "." is not something npm documents), so a plain "0.1.0" would send
// `npm ci` to the registry for the library it is building. The pack step below rewrites that one dependency to the root's version (the two are released
// together), and leaves out the scripts, which build from sources the tarball does not hold. A direct
// `npm pack` of server/ is refused by its prepack script. Both tarballs stay in test/integration/.pack/.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverDir = join(root, 'server');
const PACK_DIR = join(root, 'test/integration/.pack');
const LIBRARY_TARBALL = join(PACK_DIR, 'sel-widgets.tgz');
const SERVER_TARBALL = join(PACK_DIR, 'sel-widgets-server.tgz');
const TAGS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'];
const DEMO_NAME = 'Claire Martin';
const TIMEOUT_MS = 60_000;

/** What the server reads at run time, beside its compiled code (the LDIF files are for administrators). */
const SERVER_REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/main.js',
  ...['public', 'seed', 'ldap'].flatMap((dir) => readdirSync(join(serverDir, dir)).map((name) => `${dir}/${name}`)),
];
const SERVER_FORBIDDEN = [/^(src|test|bench)\//, /\.ts$/, /\.map$/, /(^|\/)tsconfig[^/]*\.json$/];

const problems = [];
const fail = (message) => problems.push(message);

/**
 * The environment of the npm and server commands: neither this run's npm context (when started by
 * `npm run`, it names this checkout as the project) nor any SEL_* variable of the caller's shell.
 */
function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(SEL_|npm_package_|npm_lifecycle_)/.test(key) || ['npm_config_local_prefix', 'npm_command'].includes(key)) {
      delete env[key];
    }
  }
  return { ...env, ...extra };
}

/** Runs npm and returns its output; its warnings go to this run's stderr, where CI shows them. */
function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', env: cleanEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
}

/**
 * `npm install` of the two tarballs, its engine warnings read: on a Node the server accepts, a dependency
 * that asks for more means the server's `engines` says less than its dependencies need. On a Node it does
 * not accept (the server itself is named), the warnings are expected and only shown.
 */
function install(dir) {
  const result = spawnSync(
    'npm',
    ['install', '--omit=dev', '--no-audit', '--no-fund', LIBRARY_TARBALL, SERVER_TARBALL],
    {
      cwd: dir,
      encoding: 'utf8',
      env: cleanEnv(),
    },
  );
  process.stderr.write(result.stderr);
  if (result.status !== 0) throw new Error(`npm install of the two tarballs failed (exit ${result.status})`);
  const flagged = [...result.stderr.matchAll(/EBADENGINE\s+package: '([^']+)'/g)].map((match) => match[1]);
  if (flagged.some((name) => name.startsWith('sel-widgets-server@'))) {
    console.log(`Node ${process.version} is below the server's engines: npm warned about ${flagged.join(', ')}`);
  } else if (flagged.length > 0) {
    fail(`on Node ${process.version}, which the server's engines accept, npm warned about ${flagged.join(', ')}`);
  }
}

function packLibrary() {
  const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', PACK_DIR], root));
  renameSync(join(PACK_DIR, filename), LIBRARY_TARBALL);
}

function packServer(version) {
  const staging = mkdtempSync(join(tmpdir(), 'sel-server-pack-'));
  try {
    // The files npm would pack from server/ by its "files" field, copied as they are.
    const [{ files }] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], serverDir));
    for (const { path } of files) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      copyFileSync(join(serverDir, path), join(staging, path));
    }
    const manifest = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8'));
    manifest.dependencies['sel-widgets'] = version;
    delete manifest.scripts;
    writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    copyFileSync(join(root, 'LICENSE'), join(staging, 'LICENSE'));
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', PACK_DIR], staging));
    renameSync(join(PACK_DIR, packed.filename), SERVER_TARBALL);
    return packed.files.map((file) => file.path);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function checkServerTarball(files, version) {
  const packed = JSON.parse(
    execFileSync('tar', ['-xzOf', SERVER_TARBALL, 'package/package.json'], { encoding: 'utf8' }),
  );
  if (packed.dependencies['sel-widgets'] !== version) {
    fail(`the server's tarball names sel-widgets ${packed.dependencies['sel-widgets']}, not ${version}`);
  }
  for (const file of SERVER_REQUIRED) if (!files.includes(file)) fail(`the server's tarball lacks ${file}`);
  for (const file of files) {
    if (SERVER_FORBIDDEN.some((pattern) => pattern.test(file))) fail(`the server's tarball holds ${file}`);
  }
  console.log(`${SERVER_TARBALL.slice(root.length)}: ${files.length} files, sel-widgets ${version} by version`);
}

async function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The installed production dependencies: MB on disk and the packages npm placed. */
function installedSize(dir) {
  const kilobytes = Number(execFileSync('du', ['-sk', join(dir, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
  const { packages } = JSON.parse(readFileSync(join(dir, 'node_modules/.package-lock.json'), 'utf8'));
  return { megabytes: (kilobytes / 1024).toFixed(1), packages: Object.keys(packages).length };
}

function checkHelp(dir) {
  try {
    const help = execFileSync('npx', ['--no', '--', 'sel-widgets-server', '--help'], {
      cwd: dir,
      encoding: 'utf8',
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (!help.includes('SEL_AUTH')) fail('npx sel-widgets-server --help does not list SEL_AUTH');
    else console.log('npx sel-widgets-server --help: exit 0, lists SEL_AUTH');
  } catch (error) {
    fail(`npx sel-widgets-server --help failed (exit ${error.status}): ${error.stderr || error.message}`);
  }
}

async function waitForReady(base, server) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before /readyz`);
    const status = await fetch(`${base}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`/readyz did not answer 200 within ${TIMEOUT_MS / 1000} s`);
}

async function checkPage(base) {
  const chromium = await launchChromium({ profilePrefix: 'sel-install-check-' });
  try {
    const page = await chromium.browser.newPage();
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9' });
    page.on('console', (message) => {
      if (message.type() === 'error') fail(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => fail(`uncaught: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) fail(`HTTP ${response.status()} for ${response.url()}`);
    });
    await page.evaluateOnNewDocument(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
      });
    });
    const started = Date.now();
    await page.goto(`${base}/`, { waitUntil: 'load', timeout: TIMEOUT_MS });
    // Each section is ready when its heading is there and it no longer says it is loading.
    await page
      .waitForFunction(
        (tags, name) =>
          tags.every((tag) => {
            const root = document.querySelector(tag)?.shadowRoot;
            return root?.querySelector('[role="heading"]') && !root.textContent?.includes('Chargement');
          }) && document.querySelector('sel-general-info')?.shadowRoot?.textContent?.includes(name),
        { timeout: TIMEOUT_MS, polling: 100 },
        TAGS,
        DEMO_NAME,
      )
      .catch(() => fail(`the four sections did not show « ${DEMO_NAME} » within ${TIMEOUT_MS / 1000} s`));
    const violations = await page.evaluate(() => window.__violations);
    for (const violation of violations) fail(`CSP violation: ${violation}`);
    return Date.now() - started;
  } finally {
    await chromium.close();
  }
}

async function stop(server) {
  if (server.exitCode !== null) return server.exitCode;
  const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

async function runInstalled(dir) {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const port = await freeLoopbackPort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  // The command as an administrator runs it: the package's bin, from the install, with Node from PATH.
  const server = spawn(join(dir, 'node_modules/.bin/sel-widgets-server'), [], {
    cwd: dir,
    env: cleanEnv({ SEL_AUTH: 'dev', SEL_STORE: 'file', SEL_DATA_DIR: dataDir, SEL_LISTEN: `127.0.0.1:${port}` }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  try {
    await waitForReady(base, server);
    console.log(`installed server: /readyz 200 on ${base}`);
    const readyMs = await checkPage(base);
    if (problems.length === 0) console.log(`installed server: the page showed « ${DEMO_NAME} » in ${readyMs} ms`);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    const code = await stop(server);
    if (code !== 0) fail(`the server did not stop cleanly on SIGTERM (exit ${code})`);
    if (problems.length > 0) console.error(`the server's output:\n${output}`);
  }
}

async function main() {
  for (const file of ['dist/sel-widgets.js', 'server/dist/main.js']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run npm run build && npm run build:server`);
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  mkdirSync(PACK_DIR, { recursive: true });
  packLibrary();
  checkServerTarball(packServer(version), version);

  const dir = mkdtempSync(join(tmpdir(), 'sel-server-install-'));
  try {
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'install-check', private: true }, null, 2)}\n`);
    const started = Date.now();
    install(dir);
    const size = installedSize(dir);
    console.log(
      `installed in ${((Date.now() - started) / 1000).toFixed(0)} s: node_modules ${size.megabytes} MB, ` +
        `${size.packages} packages (sel-widgets, sel-widgets-server and ${size.packages - 2} dependencies)`,
    );
    if (!existsSync(join(dir, 'node_modules/sel-widgets/docs/admin/install.md'))) {
      fail("the installed sel-widgets has no docs/admin/install.md, which the server's README points to");
    }
    checkHelp(dir);
    await runInstalled(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    console.error(`\nThe install check failed:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  } else {
    console.log('install check: both packages install and the server runs from node_modules');
  }
}

await main();
