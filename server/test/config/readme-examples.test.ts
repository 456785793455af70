/**
 * The production examples an administrator copies from the documentation (the systemd unit and the command
 * with CAS, the directory and Redis) pass the server's configuration checks as written: safe, and they start.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load-config.js';

const ADMIN_DOCS = ['docs/admin/install.md', 'docs/admin/operations.md']
  .map((path) => readFileSync(join(import.meta.dirname, '../../..', path), 'utf8'))
  .join('\n');
const blocks = [...ADMIN_DOCS.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, language, body]) => ({
  language: language!,
  body: body!,
}));

/** Secret files the examples name: here, the test's own secrets in place of the paths under /etc. */
function withTestSecrets(env: Record<string, string>): Record<string, string> {
  const secrets: Record<string, string> = {
    SEL_SESSION_KEYS: 'c2VsLXdpZGdldHMtcmVhZG1lLWV4YW1wbGUtc2Vzc2lvbi1rZXktMDEyMzQ1Njc4OQ',
    SEL_LDAP_BIND_PASSWORD: 'service-account-password',
  };
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const secret = name.endsWith('_FILE') ? secrets[name.slice(0, -'_FILE'.length)] : undefined;
    if (secret !== undefined) result[name.slice(0, -'_FILE'.length)] = secret;
    else result[name] = value;
  }
  return result;
}

describe('the administrator’s documentation: production examples', () => {
  it('the systemd unit’s environment is a configuration the server accepts, with CAS and the directory', () => {
    const unit = blocks.find((block) => block.language === 'ini' && block.body.includes('[Service]'));
    assert.ok(unit, 'docs/admin/operations.md has a systemd unit');
    const env = Object.fromEntries(
      [...unit.body.matchAll(/^Environment=(SEL_\w+)=(.*)$/gm)].map(([, name, value]) => [name!, value!]),
    );
    const config = loadConfig(withTestSecrets(env));
    assert.equal(config.auth, 'cas');
    assert.equal(config.store, 'ldap');
    assert.equal(config.secure, true);
    assert.equal(config.seedFile, undefined, 'no demo accounts in production');
  });

  it('the typical production command is a configuration the server accepts', () => {
    const command = blocks.find((block) => block.language === 'sh' && block.body.includes('SEL_REDIS_URL='));
    assert.ok(command, 'docs/admin/install.md has a production command');
    const env = Object.fromEntries(
      [...command.body.replace(/\\\n/g, ' ').matchAll(/(SEL_\w+)=(\S+)/g)].map(([, name, value]) => [name!, value!]),
    );
    const config = loadConfig(withTestSecrets(env));
    assert.equal(config.auth, 'cas');
    assert.equal(config.store, 'ldap');
    assert.ok(config.redisUrl);
  });
});
