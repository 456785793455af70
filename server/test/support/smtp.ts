/**
 * A mail relay inside the test process (smtp-server) on a loopback port: it keeps every mail it accepts,
 * parsed as a mail client would (mailparser), every login it is sent, and can refuse recipients as a real
 * relay does (451 for now, 550 for good), so that the mail module's retries and logs meet real SMTP.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface SmtpReply {
  code: number;
  message: string;
}

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** The message as it was received, headers and body. */
  raw: string;
  parsed: ParsedMail;
  /** Whether the connection was encrypted when the message was sent. */
  secure: boolean;
  /** The user it logged in as, if it did. */
  user: string | undefined;
}

export interface SmtpLogin {
  user: string;
  password: string;
  /** Whether the connection was encrypted when the password was sent. */
  secure: boolean;
}

export interface TestSmtpServerOptions {
  /** Offer STARTTLS, with smtp-server's own self-signed certificate (not trusted by Node). Default false. */
  starttls?: boolean;
  /** Require a login with these credentials (accepted without TLS: the tests run on loopback). */
  credentials?: { user: string; password: string };
  /** The answer to `RCPT TO` number `attempt` (from 1) for `address`; undefined: accepted. */
  onRecipient?: (address: string, attempt: number) => SmtpReply | undefined;
  /** Waits this long before answering `RCPT TO`: a slow relay. */
  recipientDelayMs?: number;
}

export interface TestSmtpServer {
  readonly host: string;
  readonly port: number;
  /** `smtp://127.0.0.1:PORT`, what `SEL_SMTP_URL` would hold. */
  readonly url: string;
  readonly received: ReceivedMail[];
  readonly logins: SmtpLogin[];
  /** `RCPT TO` commands received, refused ones included. */
  readonly recipientAttempts: string[];
  /** Connections opened to the relay. */
  readonly connections: number;
  /** The mails received once there are `count`; rejects after `timeoutMs`. */
  waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Closes the relay and the connections still open; safe to call twice. */
  stop(): Promise<void>;
}

class SmtpReplyError extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const logins: SmtpLogin[] = [];
  const recipientAttempts: string[] = [];
  const waiters = new Set<() => void>();
  let connections = 0;
  const notify = (): void => {
    for (const waiter of waiters) waiter();
  };

  const server = new SMTPServer({
    logger: false,
    banner: 'sel-widgets test relay',
    disabledCommands: options.starttls ? [] : ['STARTTLS'],
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    closeTimeout: 1_000,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, session, callback) {
      logins.push({ user: auth.username ?? '', password: auth.password ?? '', secure: session.secure });
      const { credentials } = options;
      if (credentials && auth.username === credentials.user && auth.password === credentials.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new SmtpReplyError(535, 'Authentication failed'));
      }
    },
    onRcptTo(address, _session, callback) {
      recipientAttempts.push(address.address);
      const reply = options.onRecipient?.(address.address, recipientAttempts.length);
      const answer = (): void => callback(reply ? new SmtpReplyError(reply.code, reply.message) : undefined);
      if (options.recipientDelayMs) setTimeout(answer, options.recipientDelayMs);
      else answer();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              envelope: envelopeOf(session),
              raw,
              parsed,
              secure: session.secure,
              user: userOf(session),
            });
            callback();
            notify();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  server.on('error', () => {
    // A client that drops its connection is an error for smtp-server; the tests read what arrived.
  });

  const host = '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let stopped: Promise<void> | undefined;
  return {
    host,
    port,
    url: `smtp://${host}:${port}`,
    received,
    logins,
    recipientAttempts,
    get connections() {
      return connections;
    },
    waitForMails(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${received.length} mail(s) received within ${timeoutMs} ms, not ${count}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop() {
      stopped ??= new Promise((resolve) => server.close(() => resolve()));
      return stopped;
    },
  };
}

function envelopeOf(session: SMTPServerSession): ReceivedMail['envelope'] {
  const from = session.envelope.mailFrom;
  return {
    from: from ? from.address : '',
    to: session.envelope.rcptTo.map((recipient) => recipient.address),
  };
}

function userOf(session: SMTPServerSession): string | undefined {
  return typeof session.user === 'string' ? session.user : undefined;
}
