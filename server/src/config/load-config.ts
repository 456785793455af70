/**
 * Reads the configuration from the environment (each variable also from `<NAME>_FILE`), checks all of it,
 * and reports every problem at once: an administrator fixes a unit file in one go, not one error per start.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isIP } from 'node:net';
import type { AuthMode, Config, StoreKind } from './config.js';
import { readLdapConfig } from '../store/ldap/index.js';
import { mailSettingsProblems } from '../mail/index.js';
import { KNOWN_VARIABLES } from './variables.js';
import { readBoolean } from './read-boolean.js';
import { DEMO_SEED_FILE } from '../store/file/seed.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

const AUTH_MODES: AuthMode[] = ['dev', 'header', 'cas'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const MIN_SESSION_KEY_LENGTH = 32;
/**
 * A key with fewer different characters than this is a placeholder (`xxxx…`, `changeme…`), not random: 48
 * random bytes in base64 show about 40 different characters, 32 in hex about 14.
 */
const MIN_SESSION_KEY_DISTINCT_CHARACTERS = 10;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  // A typo (`SEL_LDAP_STARTLS`) would otherwise be ignored in silence, and its safe intent with it.
  for (const name of Object.keys(env)) {
    if (name.startsWith('SEL_') && !KNOWN_VARIABLES.has(name)) {
      problems.push(`${name} is not a variable of this server (a typo?): --help lists them all`);
    }
  }
  const read = (name: string): string | undefined => readVariable(env, name, problems);
  const flag = (name: string): boolean => readBoolean(read(name), name, problems) ?? false;
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
  // No default: a forgotten SEL_AUTH must never fall back to the mode that logs everyone in.
  const authRaw = read('SEL_AUTH');
  if (authRaw === undefined) {
    problems.push('SEL_AUTH is required: cas or header in production, dev on a development machine');
  }
  let auth: AuthMode | undefined;
  if (authRaw !== undefined) {
    if ((AUTH_MODES as string[]).includes(authRaw)) auth = authRaw as AuthMode;
    else problems.push(`SEL_AUTH must be one of ${AUTH_MODES.join(', ')} (got "${authRaw}")`);
  }
  if (
    auth === 'dev' &&
    !(isLoopback(listen.host) && publicUrl.protocol === 'http:' && isLoopback(publicUrl.hostname))
  ) {
    problems.push(
      'SEL_AUTH=dev logs anyone in: it is refused unless SEL_LISTEN is a loopback address and SEL_PUBLIC_URL ' +
        `an http:// loopback URL (got "${listen.host}" and "${publicUrl.origin}")`,
    );
  }
  const allowCleartext = flag('SEL_ALLOW_CLEARTEXT');
  /** A secret may travel in clear only to this machine, or where the administrator said so. */
  const refuseCleartext = (name: string, host: string, what: string): void => {
    if (!allowCleartext && !isLoopback(host)) {
      problems.push(`${name}: ${what} would travel in clear to ${host}; ${CLEARTEXT_HINT}`);
    }
  };

  const casRaw = read('SEL_CAS_URL');
  let casUrl: URL | undefined;
  if (casRaw !== undefined) casUrl = parseHttpUrl('SEL_CAS_URL', casRaw, problems);
  else if (auth === 'cas') problems.push('SEL_CAS_URL is required when SEL_AUTH=cas (the CAS base URL, …/cas)');
  if (casUrl?.protocol === 'http:') {
    refuseCleartext('SEL_CAS_URL', casUrl.hostname, 'tickets and the validation answer (use https://)');
  }

  const sessionKeys = list('SEL_SESSION_KEYS');
  if (sessionKeys.length === 0 && auth !== undefined && auth !== 'dev') {
    problems.push(
      `SEL_SESSION_KEYS is required when SEL_AUTH=${auth} (comma-separated, ${MIN_SESSION_KEY_LENGTH}+ characters each)`,
    );
  }
  if (sessionKeys.some((key) => key.length < MIN_SESSION_KEY_LENGTH)) {
    problems.push(`SEL_SESSION_KEYS: every key must be at least ${MIN_SESSION_KEY_LENGTH} characters long`);
  } else if (sessionKeys.some((key) => new Set(key).size < MIN_SESSION_KEY_DISTINCT_CHARACTERS)) {
    problems.push('SEL_SESSION_KEYS: a key is not random (too few different characters): use openssl rand -base64 48');
  }

  const trustedProxies = addressList('SEL_TRUSTED_PROXIES', list('SEL_TRUSTED_PROXIES', ['127.0.0.1']), problems);
  const casLogoutFromRaw = read('SEL_CAS_LOGOUT_FROM');
  const casLogoutFrom =
    casLogoutFromRaw === undefined
      ? undefined
      : addressList('SEL_CAS_LOGOUT_FROM', list('SEL_CAS_LOGOUT_FROM'), problems);
  const metricsFrom = addressList('SEL_METRICS_FROM', list('SEL_METRICS_FROM', ['127.0.0.1', '::1']), problems);

  const allowedOrigins = list('SEL_ALLOWED_ORIGINS');
  for (const origin of allowedOrigins) {
    const url = URL.canParse(origin) ? new URL(origin) : undefined;
    if (!url || url.origin !== origin || !/^https?:$/.test(url.protocol)) {
      problems.push(`SEL_ALLOWED_ORIGINS: "${origin}" is not an origin such as https://ent.univ-exemple.fr`);
    } else if (url.protocol === 'http:' && publicUrl.protocol === 'https:' && !allowCleartext) {
      // A page served over http could be rewritten on the way, and would then act with the person's session.
      problems.push(`SEL_ALLOWED_ORIGINS: "${origin}" is http:// while this server is https://; ${CLEARTEXT_HINT}`);
    }
  }

  const frameAncestors = read('SEL_FRAME_ANCESTORS') ?? "'none'";
  if (!/^[A-Za-z0-9'*:/.\- ]+$/.test(frameAncestors)) {
    problems.push(`SEL_FRAME_ANCESTORS must be a CSP source list such as 'self' https://ent.univ-exemple.fr`);
  } else if (frameAncestors.split(/\s+/).some((source) => /^(\*|https?:|\*:.*|https?:\/\/\*)$/.test(source))) {
    problems.push(
      `SEL_FRAME_ANCESTORS: "${frameAncestors}" lets any site frame the page (clickjacking): name the portal's origin`,
    );
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
    if (ldap && /^ldap:/i.test(ldap.url) && !ldap.startTls) {
      refuseCleartext(
        'SEL_LDAP_URL',
        new URL(ldap.url).hostname,
        "the service account's and each person's passwords (use ldaps:// or SEL_LDAP_STARTTLS=true)",
      );
    }
  }

  const mailRaw = {
    smtpUrl: read('SEL_SMTP_URL'),
    user: read('SEL_SMTP_USER'),
    password: read('SEL_SMTP_PASSWORD'),
    from: read('SEL_MAIL_FROM'),
    supportContact: read('SEL_SUPPORT_CONTACT'),
    templatesDir: read('SEL_MAIL_TEMPLATES_DIR'),
  };
  problems.push(...mailSettingsProblems(mailRaw));

  const config: Config = {
    listen,
    publicUrl,
    secure: publicUrl.protocol === 'https:',
    apiBase,
    store,
    dataDir: read('SEL_DATA_DIR') ?? '.data',
    // The demo accounts' password is published: they exist only where everyone is logged in anyway.
    seedFile: read('SEL_SEED') ?? (auth === 'dev' ? fileURLToPath(DEMO_SEED_FILE) : undefined),
    auth: auth ?? 'cas',
    devUser: read('SEL_DEV_USER') ?? 'cmartin',
    authHeader: (read('SEL_AUTH_HEADER') ?? 'X-Remote-User').toLowerCase(),
    trustedProxies,
    casUrl,
    casLogoutFrom,
    metricsFrom,
    allowCleartext,
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
    mail:
      mailRaw.smtpUrl === undefined
        ? undefined
        : { ...mailRaw, smtpUrl: mailRaw.smtpUrl, from: mailRaw.from ?? '', allowCleartext },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const CLEARTEXT_HINT = 'set SEL_ALLOW_CLEARTEXT=true only if that network is trusted';

/**
 * IP addresses and CIDR ranges. A range of every address (`0.0.0.0/0`, `::/0`) is refused: it trusts anyone
 * on the Internet, which is never what a list of proxies, CAS servers or monitoring hosts means.
 */
function addressList(name: string, entries: string[], problems: string[]): string[] {
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    if (!family || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))) {
      problems.push(`${name}: "${entry}" is not an IP address or CIDR range`);
    } else if (bits !== undefined && Number(bits) === 0) {
      problems.push(`${name}: "${entry}" is every address on the Internet; name the hosts`);
    }
  }
  return entries;
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

export function isLoopback(hostOrBracketed: string): boolean {
  const host = hostOrBracketed.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
