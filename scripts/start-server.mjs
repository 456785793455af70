// `npm start`: the full stack on http://127.0.0.1:5173/. Builds what is missing or older than its sources
// (the library's npm entries, its standalone bundle and types, then the server), then runs the reference
// server with the embedded file store (data in .data/) and the dev login, the elements talking to it over
// real HTTP. Any SEL_* variable set in the environment wins over these defaults.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function stale(outputs, sources) {
  const built = Math.min(...outputs.map((output) => (existsSync(output) ? statSync(output).mtimeMs : 0)));
  return built === 0 || Math.max(...sources.map(newestMtime)) > built;
}

function run(script) {
  console.log(`> npm run ${script}`);
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const librarySources = ['src', 'package.json', 'vite.config.ts'];
if (stale(['dist/core.js', 'dist/sel-widgets.js', 'dist/types/core.d.ts'], librarySources)) {
  // The npm build empties dist/, so it goes first; the standalone bundle and the types are added to it.
  run('build:npm');
  run('build:standalone');
  run('build:types');
}
if (stale(['server/dist/main.js'], ['server/src', 'dist/types/core.d.ts'])) run('build:server');

const env = {
  SEL_LISTEN: `127.0.0.1:${process.env.PORT ?? 5173}`,
  SEL_DATA_DIR: '.data',
  SEL_AUTH: 'dev',
  ...process.env,
};
console.log(
  `« Mon compte » on http://${env.SEL_LISTEN}/ (dev login as ${env.SEL_DEV_USER ?? 'cmartin'}, data in ${env.SEL_DATA_DIR}/)`,
);
const server = spawn(process.execPath, ['server/dist/main.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
