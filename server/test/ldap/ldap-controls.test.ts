/**
 * The controls' encodings, byte for byte against the RFCs, and ppolicy's answers that a slapd without a
 * quality module cannot produce (insufficientPasswordQuality), decoded and mapped to the contract's codes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BerReader, BerWriter } from 'ldapts';
import { AssertionControl } from '../../src/store/ldap/controls/assertion-control.js';
import { PasswordPolicyControl, PPOLICY_ERRORS } from '../../src/store/ldap/controls/ppolicy-control.js';
import { PostReadControl } from '../../src/store/ldap/controls/post-read-control.js';
import { ProxiedAuthorizationControl } from '../../src/store/ldap/controls/proxied-authorization-control.js';
import { passwordModifyValue } from '../../src/store/ldap/password-modify.js';
import { violationFor } from '../../src/store/ldap/password-policy.js';

function encoded(write: (writer: BerWriter) => void): string {
  const writer = new BerWriter();
  write(writer);
  return writer.buffer.toString('hex');
}

function ppolicyAnswer(hex: string): PasswordPolicyControl {
  const control = new PasswordPolicyControl();
  control.parse(new BerReader(Buffer.from(hex, 'hex')));
  return control;
}

describe('LDAP controls', () => {
  test('proxied authorization: critical, the authzId as the value', () => {
    const hex = encoded((writer) => new ProxiedAuthorizationControl('uid=a,dc=x').write(writer));
    const oid = Buffer.from('2.16.840.1.113730.3.4.18').toString('hex');
    const authz = Buffer.from('dn:uid=a,dc=x').toString('hex');
    assert.equal(hex, `30${(2 + 24 + 3 + 2 + 13).toString(16)}0418${oid}0101ff040d${authz}`);
  });

  test('assertion: critical, an equality filter (entryCSN=value)', () => {
    const hex = encoded((writer) => new AssertionControl('entryCSN', 'v1').write(writer));
    const filter = `a30e0408${Buffer.from('entryCSN').toString('hex')}0402${Buffer.from('v1').toString('hex')}`;
    assert.ok(hex.endsWith(`0101ff0410${filter}`), hex);
  });

  test('post-read: asks for the attributes, reads the entry it gets back', () => {
    const control = new PostReadControl(['entryCSN', 'mobile']);
    const request = encoded((writer) => control.write(writer));
    assert.ok(
      request.endsWith(
        `3012${'0408' + Buffer.from('entryCSN').toString('hex')}0406${Buffer.from('mobile').toString('hex')}`,
      ),
    );
    const entry = new BerWriter();
    entry.startSequence(0x64);
    entry.writeString('uid=a,dc=x');
    entry.startSequence();
    entry.startSequence();
    entry.writeString('entryCSN');
    entry.startSequence(0x31);
    entry.writeString('20260101000000.000000Z#000000#000#000000');
    entry.endSequence();
    entry.endSequence();
    entry.endSequence();
    entry.endSequence();
    control.parse(new BerReader(entry.buffer));
    assert.deepEqual(control.values.get('entrycsn'), ['20260101000000.000000Z#000000#000#000000']);
  });

  test('Password Modify: old and new passwords with their context tags', () => {
    const value = passwordModifyValue({ oldPassword: 'ab', newPassword: 'cde' });
    assert.equal(value.toString('hex'), `3009810261628203636465`);
  });

  test('ppolicy answers: the error, the warnings', () => {
    assert.equal(ppolicyAnswer('30038101' + '05').error, PPOLICY_ERRORS.insufficientPasswordQuality);
    assert.equal(ppolicyAnswer('30038101' + '09').error, PPOLICY_ERRORS.passwordTooLong);
    const warning = ppolicyAnswer('3006a004800203e8');
    assert.equal(warning.timeBeforeExpiration, 1000);
    assert.equal(warning.error, undefined);
    assert.equal(ppolicyAnswer('3005a003810102').graceAuthNsRemaining, 2);
  });

  test('each ppolicy error of a Password Modify → the contract’s violation code', () => {
    assert.equal(violationFor(PPOLICY_ERRORS.passwordTooShort), 'too_short');
    assert.equal(violationFor(PPOLICY_ERRORS.passwordTooLong), 'too_long');
    assert.equal(violationFor(PPOLICY_ERRORS.passwordInHistory), 'in_history');
    assert.equal(violationFor(PPOLICY_ERRORS.passwordTooYoung), 'too_young');
    assert.equal(violationFor(PPOLICY_ERRORS.insufficientPasswordQuality), 'too_weak');
    assert.equal(violationFor(PPOLICY_ERRORS.accountLocked), undefined);
    assert.equal(violationFor(undefined), undefined);
  });
});
