/**
 * The checklist `<sel-password-change>` shows and the check the in-memory backend runs must never disagree:
 * a password the checklist lets through is one the server accepts, and every rule the server names is one
 * the checklist already marked as not met.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Account, PasswordPolicy } from '../../src/contract/schemas.js';
import { checkPasswordOnServer } from '../../src/validation/server-password-check.js';
import { blocksSubmit, buildChecklist } from '../../src/validation/password-checklist.js';
import { demoAccount } from '../../src/mocks/demo-account.js';

const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
// Any code point, any UTF-16 unit (lone surrogates of a bad paste), and whole graphemes (emoji, accents).
const anyPassword = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.string({ unit: anyUnit, minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  // Passwords near the demo account's names and current password, where the personal and history rules bite.
  fc.constantFrom('cmartin', 'CLAIRE-2026', 'Hélène.Martin', 'Poitiers-2026!', 'Velo-Rouge-Tuba-93!'),
);
const smallCount = fc.integer({ min: 0, max: 6 });
const anyPolicy: fc.Arbitrary<PasswordPolicy> = fc.record(
  {
    minLength: fc.integer({ min: 0, max: 30 }),
    maxLength: fc.integer({ min: 0, max: 60 }),
    minLower: smallCount,
    minUpper: smallCount,
    minDigit: smallCount,
    minSpecial: smallCount,
    minClasses: fc.integer({ min: 0, max: 4 }),
    forbiddenChars: fc.string({ unit: 'binary', maxLength: 5 }),
    rejectPersonalInfo: fc.boolean(),
    minEntropyBits: fc.double({ min: 0, max: 200, noNaN: true }),
    historySize: fc.integer({ min: 0, max: 10 }),
  },
  { requiredKeys: ['minLength', 'maxLength'] },
);
const anyAccount: fc.Arbitrary<Account> = fc
  .record({
    policy: anyPolicy,
    uid: fc.oneof(fc.constant('cmartin'), fc.string({ maxLength: 10 })),
    givenName: fc.option(fc.oneof(fc.constant('Hélène'), fc.string({ maxLength: 10 })), { nil: undefined }),
    surname: fc.option(fc.oneof(fc.constant('Martin'), fc.string({ maxLength: 10 })), { nil: undefined }),
  })
  .map(({ policy, uid, givenName, surname }) => {
    const account: Account = { ...demoAccount(), uid, passwordPolicy: policy };
    delete account.givenName;
    delete account.surname;
    if (givenName !== undefined) account.givenName = givenName;
    if (surname !== undefined) account.surname = surname;
    return account;
  });
const anyCurrent = fc.oneof(fc.constant('Poitiers-2026!'), fc.string({ maxLength: 20 }));

describe('the checklist and the server agree', () => {
  it('on random passwords, policies and accounts: the unmet rules are exactly the server’s violations', () => {
    fc.assert(
      fc.property(anyPassword, anyAccount, anyCurrent, fc.boolean(), (password, account, current, reused) => {
        const currentPassword = reused ? password : current;
        const items = buildChecklist({
          policy: account.passwordPolicy,
          personal: account,
          newPassword: password,
          currentPassword,
          // The server does not run zxcvbn: compare what both decide.
          score: undefined,
          strengthStatus: 'failed',
          serverViolations: [],
        });
        const unmet = items.filter((item) => item.state === 'unmet').map((item) => item.rule);
        const server = checkPasswordOnServer(password, account, currentPassword);
        expect(unmet).to.deep.equal(server);
        expect(items.some(blocksSubmit)).to.equal(server.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('after a refusal, every code the server names shows as not met, whatever the client thought', () => {
    const codes = fc.subarray(['too_short', 'missing_digit', 'breached', 'too_young', 'in_history', 'too_similar']);
    fc.assert(
      fc.property(anyPassword, anyAccount, codes, (password, account, serverViolations) => {
        const items = buildChecklist({
          policy: account.passwordPolicy,
          personal: account,
          newPassword: password,
          currentPassword: 'Poitiers-2026!',
          score: 4,
          strengthStatus: 'ready',
          serverViolations,
        });
        for (const code of serverViolations) {
          const item = items.find((candidate) => candidate.rule === code);
          // A code the client does not know has no line: the element shows the server's own words instead.
          if (code === 'too_similar') expect(item).to.equal(undefined);
          else expect(item?.state, code).to.equal('unmet');
        }
      }),
      { numRuns: 200 },
    );
  });
});
