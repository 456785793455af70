/**
 * Reads the configuration from the environment (each variable also from `<NAME>_FILE`), checks all of it,
 * and reports every problem at once: an administrator fixes a unit file in one go, not one error per start.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { AuthMode, Config, StoreKind } from './config.js';
import { readLdapConfig } from '../store/ldap/index.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const MIN_SESSION_KEY_LENGTH = 32;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => readVariable(env, name, problems);
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  };
  const positive = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value > 0) return value;
    problems.push(`${name} must be a positive whole number (got "${raw}")`);
    return fallback;
  };
  const list = (name: string, fallback: string[] = []): string[] => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  };

  const listen = parseListen(read('SEL_LISTEN') ?? '127.0.0.1:8080', problems);
  const hostInUrl = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  const publicUrl = parsePublicUrl(read('SEL_PUBLIC_URL') ?? `http://${hostInUrl}:${listen.port}`, problems);
  const apiBase = read('SEL_API_BASE') ?? '/api';
  if (!/^\/[A-Za-z0-9._~\-/]*[A-Za-z0-9._~-]$/.test(apiBase) || apiBase.includes('//') || apiBase === '/auth') {
    problems.push(`SEL_API_BASE must be a path such as /api (no trailing slash, not /auth; got "${apiBase}")`);
  }
  const store = oneOf<StoreKind>('SEL_STORE', ['file', 'ldap'], 'file');
  const auth = oneOf<AuthMode>('SEL_AUTH', ['dev', 'header', 'cas'], 'dev');
  if (auth === 'dev' && !isLoopback(listen.host)) {
    problems.push(
      `SEL_AUTH=dev logs anyone in: it is refused unless SEL_LISTEN is a loopback address (got "${listen.host}")`,
    );
  }

  const casRaw = read('SEL_CAS_URL');
  let casUrl: URL | undefined;
  if (casRaw !== undefined) casUrl = parseHttpUrl('SEL_CAS_URL', casRaw, problems);
  else if (auth === 'cas') problems.push('SEL_CAS_URL is required when SEL_AUTH=cas (the CAS base URL, …/cas)');

  const sessionKeys = list('SEL_SESSION_KEYS');
  if (sessionKeys.length === 0 && auth !== 'dev') {
    problems.push(
      `SEL_SESSION_KEYS is required when SEL_AUTH=${auth} (comma-separated, ${MIN_SESSION_KEY_LENGTH}+ characters each)`,
    );
  }
  if (sessionKeys.some((key) => key.length < MIN_SESSION_KEY_LENGTH)) {
    problems.push(`SEL_SESSION_KEYS: every key must be at least ${MIN_SESSION_KEY_LENGTH} characters long`);
  }

  const trustedProxies = list('SEL_TRUSTED_PROXIES', ['127.0.0.1']);
  for (const proxy of trustedProxies) {
    const [address, bits] = proxy.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    if (!family || (bits !== undefined && !(Number(bits) >= 0 && Number(bits) <= maxBits && /^\d+$/.test(bits)))) {
      problems.push(`SEL_TRUSTED_PROXIES: "${proxy}" is not an IP address or CIDR range`);
    }
  }

  const allowedOrigins = list('SEL_ALLOWED_ORIGINS');
  for (const origin of allowedOrigins) {
    const url = URL.canParse(origin) ? new URL(origin) : undefined;
    if (!url || url.origin !== origin || !/^https?:$/.test(url.protocol)) {
      problems.push(`SEL_ALLOWED_ORIGINS: "${origin}" is not an origin such as https://ent.univ-exemple.fr`);
    }
  }

  const frameAncestors = read('SEL_FRAME_ANCESTORS') ?? "'none'";
  if (!/^[A-Za-z0-9'*:/.\- ]+$/.test(frameAncestors)) {
    problems.push(`SEL_FRAME_ANCESTORS must be a CSP source list such as 'self' https://ent.univ-exemple.fr`);
  }

  const redisUrl = read('SEL_REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('SEL_REDIS_URL must start with redis:// or rediss://');
  }

  const logLevel = oneOf('SEL_LOG_LEVEL', LOG_LEVELS, 'info');
  // The SEL_LDAP_* variables are the LDAP store's: its reader checks each of them, once.
  let ldap: Config['ldap'];
  if (store === 'ldap') {
    const ldapConfig = readLdapConfig(env);
    problems.push(...ldapConfig.problems);
    ldap = ldapConfig.options;
  }

  const config: Config = {
    listen,
    publicUrl,
    secure: publicUrl.protocol === 'https:',
    apiBase,
    store,
    dataDir: read('SEL_DATA_DIR') ?? '.data',
    seedFile: read('SEL_SEED'),
    auth,
    devUser: read('SEL_DEV_USER') ?? 'cmartin',
    authHeader: (read('SEL_AUTH_HEADER') ?? 'X-Remote-User').toLowerCase(),
    trustedProxies,
    casUrl,
    sessionKeys,
    sessionIdleMs: positive('SEL_SESSION_IDLE_MINUTES', 30) * 60_000,
    sessionMaxMs: positive('SEL_SESSION_MAX_HOURS', 10) * 3_600_000,
    allowedOrigins,
    frameAncestors,
    redisUrl,
    passwordMaxFailures: positive('SEL_PASSWORD_MAX_FAILURES', 5),
    passwordFailureWindowMs: positive('SEL_PASSWORD_FAILURE_WINDOW_SECONDS', 900) * 1000,
    assetsDir: read('SEL_ASSETS_DIR'),
    logLevel,
    ldap,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `NAME` or, for secrets, the content of the file `NAME_FILE` names (one trailing newline dropped). */
function readVariable(env: Env, name: string, problems: string[]): string | undefined {
  const direct = env[name];
  const file = env[`${name}_FILE`];
  if (direct !== undefined && file !== undefined) {
    problems.push(`${name} and ${name}_FILE are both set: keep one`);
    return undefined;
  }
  if (file !== undefined) {
    try {
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      problems.push(`${name}_FILE: cannot read the file "${file}"`);
      return undefined;
    }
  }
  return direct === '' ? undefined : direct;
}

function parseListen(value: string, problems: string[]): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:]+\]|[^:]+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || port > 65535) {
    problems.push(`SEL_LISTEN must be host:port, such as 127.0.0.1:8080 (got "${value}")`);
    return { host: '127.0.0.1', port: 8080 };
  }
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

function parseHttpUrl(name: string, value: string, problems: string[]): URL | undefined {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    problems.push(`${name} must be an http(s) URL without query or fragment (got "${value}")`);
    return undefined;
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** An origin: the server's routes sit at the root of it (a proxy that adds a path prefix is not supported). */
function parsePublicUrl(value: string, problems: string[]): URL {
  const url = parseHttpUrl('SEL_PUBLIC_URL', value, problems);
  if (url && url.pathname !== '' && url.pathname !== '/') {
    problems.push(
      `SEL_PUBLIC_URL must be an origin without a path, such as https://moncompte.univ-exemple.fr (got "${value}")`,
    );
  }
  return url ?? new URL('http://127.0.0.1:8080');
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
