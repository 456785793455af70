/**
 * Every environment variable the server reads, with its meaning and default: the single list that
 * `--help` prints and docs/admin/configuration.md is generated from.
 */
import { MAIL_ENVIRONMENT } from '../mail/index.js';
import { LDAP_ENVIRONMENT } from '../store/ldap/index.js';

export interface VariableDoc {
  name: string;
  meaning: string;
  default: string;
}

export const VARIABLES: readonly VariableDoc[] = [
  { name: 'SEL_LISTEN', meaning: 'host:port to listen on', default: '127.0.0.1:8080' },
  {
    name: 'SEL_PUBLIC_URL',
    meaning: 'the URL browsers use (CAS service URL, cookie Secure)',
    default: 'http:// + SEL_LISTEN',
  },
  { name: 'SEL_API_BASE', meaning: 'path of the HTTP contract', default: '/api' },
  { name: 'SEL_STORE', meaning: 'file (embedded) or ldap', default: 'file' },
  { name: 'SEL_DATA_DIR', meaning: 'where the file store keeps its data', default: '.data' },
  {
    name: 'SEL_SEED',
    meaning: 'JSON file of accounts to create on first start (file store)',
    default: 'the demo accounts in dev mode, none otherwise',
  },
  {
    name: 'SEL_AUTH',
    meaning: 'cas, header, or dev (logs everyone in as SEL_DEV_USER: loopback http:// only)',
    default: '(required)',
  },
  { name: 'SEL_DEV_USER', meaning: 'the user of dev mode', default: 'cmartin' },
  { name: 'SEL_AUTH_HEADER', meaning: 'header mode: the header a trusted proxy sets', default: 'X-Remote-User' },
  {
    name: 'SEL_TRUSTED_PROXIES',
    meaning: 'comma-separated proxy addresses or CIDR ranges trusted for the header and X-Forwarded-For',
    default: '127.0.0.1',
  },
  { name: 'SEL_CAS_URL', meaning: 'cas mode: base URL of the CAS server (…/cas)', default: '(required in cas mode)' },
  {
    name: 'SEL_CAS_LOGOUT_FROM',
    meaning: 'cas mode: comma-separated addresses or CIDR ranges allowed to send single logout',
    default: "the addresses SEL_CAS_URL's host resolves to at start",
  },
  {
    name: 'SEL_SESSION_KEYS',
    meaning: 'comma-separated session cookie keys (32+ characters each), newest first',
    default: '(required unless dev)',
  },
  { name: 'SEL_SESSION_IDLE_MINUTES', meaning: 'a session ends after this long without a request', default: '30' },
  { name: 'SEL_SESSION_MAX_HOURS', meaning: 'a session ends this long after login, whatever happens', default: '10' },
  {
    name: 'SEL_ALLOWED_ORIGINS',
    meaning: 'comma-separated other origins allowed to call the API (CORS and CSRF)',
    default: 'none',
  },
  {
    name: 'SEL_FRAME_ANCESTORS',
    meaning: 'CSP frame-ancestors of the page (origins that may frame it)',
    default: "'none'",
  },
  {
    name: 'SEL_REDIS_URL',
    meaning: 'shared state for several instances (rate limits, logged-out sessions)',
    default: 'none: in memory',
  },
  { name: 'SEL_PASSWORD_MAX_FAILURES', meaning: 'wrong current passwords per account before 429', default: '5' },
  { name: 'SEL_PASSWORD_FAILURE_WINDOW_SECONDS', meaning: 'the window those failures are counted in', default: '900' },
  {
    name: 'SEL_ASSETS_DIR',
    meaning: 'the built dist/ of sel-widgets served under /assets/',
    default: 'the installed package',
  },
  {
    name: 'SEL_METRICS_FROM',
    meaning: 'comma-separated addresses or CIDR ranges allowed to read GET /metrics',
    default: '127.0.0.1,::1',
  },
  {
    name: 'SEL_ALLOW_CLEARTEXT',
    meaning:
      'true: accept ldap:// without StartTLS, http:// CAS or smtp:// without STARTTLS to a host that is not loopback',
    default: 'false',
  },
  {
    name: 'SEL_LOG_LEVEL',
    meaning: 'pino log level (fatal, error, warn, info, debug, trace, silent)',
    default: 'info',
  },
  // The mail relay's variables, described where they are checked.
  ...Object.entries(MAIL_ENVIRONMENT).map(([name, meaning]) => ({ name, meaning, default: '' })),
  // The LDAP store's variables, described where they are read, so that --help and the reader never differ.
  ...Object.entries(LDAP_ENVIRONMENT).map(([name, meaning]) => ({
    name,
    meaning: `ldap store: ${meaning}`,
    // Their defaults are part of the meaning.
    default: '',
  })),
];

/** Every name the server reads, with the `_FILE` form of each: any other `SEL_*` variable is a typo. */
export const KNOWN_VARIABLES: ReadonlySet<string> = new Set(
  VARIABLES.flatMap((variable) => [variable.name, `${variable.name}_FILE`]),
);

export function helpText(): string {
  const width = Math.max(...VARIABLES.map((variable) => variable.name.length));
  const lines = VARIABLES.map(
    (variable) =>
      `  ${variable.name.padEnd(width)}  ${variable.meaning}${variable.default ? ` (default: ${variable.default})` : ''}`,
  );
  return [
    'sel-widgets-server: the reference backend of the « Mon compte » page.',
    '',
    'Configured by environment variables only; each may also be read from a file named by the same',
    'variable with the suffix _FILE (for secrets: SEL_SESSION_KEYS_FILE, SEL_LDAP_BIND_PASSWORD_FILE, SEL_SMTP_PASSWORD_FILE).',
    '',
    ...lines,
    '',
  ].join('\n');
}
