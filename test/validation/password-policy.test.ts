import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { PasswordPolicy } from '../../src/contract/schemas.js';
import {
  characterClasses,
  checkPasswordPolicy,
  codePointLength,
  entropyBits,
  policyViolations,
  type PersonalInfo,
  type PolicyRule,
} from '../../src/validation/password-policy.js';

const NO_LIMITS: PasswordPolicy = { minLength: 0, maxLength: 0 };
const CHECKLIST_ORDER: PolicyRule[] = [
  'too_short',
  'too_long',
  'missing_lower',
  'missing_upper',
  'missing_digit',
  'missing_special',
  'not_enough_classes',
  'forbidden_chars',
  'contains_personal_info',
  'low_entropy',
];
const EVERY_RULE: PasswordPolicy = {
  minLength: 12,
  maxLength: 64,
  minLower: 1,
  minUpper: 1,
  minDigit: 1,
  minSpecial: 1,
  minClasses: 3,
  forbiddenChars: ' ',
  rejectPersonalInfo: true,
  minEntropyBits: 60,
  minStrength: 3,
  historySize: 5,
};
const CLAIRE: PersonalInfo = { uid: 'cmartin', givenName: 'Claire', surname: 'Martin' };
const DECOMPOSED_E_ACUTE = 'e\u0301';

/** Whether the single rule the policy enables is met by the password. */
function isMet(password: string, policy: Partial<PasswordPolicy>, personal?: PersonalInfo): boolean | undefined {
  const checks = checkPasswordPolicy(password, { ...NO_LIMITS, ...policy }, personal);
  expect(checks).to.have.length(1);
  return checks[0]?.met;
}

describe('codePointLength', () => {
  const cases: [string, string, number][] = [
    ['empty', '', 0],
    ['ASCII', 'abc', 3],
    ['an emoji outside the BMP (two UTF-16 units)', '🔒', 1],
    ['precomposed accented letters', 'Hélène', 6],
    ['a letter and a combining accent, composed by NFC', `H${DECOMPOSED_E_ACUTE}l`, 3],
    ['a flag (two regional indicators)', '🇫🇷', 2],
    ['a ZWJ family (three people, two joiners)', '👨‍👩‍👧', 5],
  ];
  for (const [name, text, expected] of cases) {
    it(`counts ${name}`, () => {
      expect(codePointLength(text)).to.equal(expected);
    });
  }
});

describe('characterClasses', () => {
  const cases: [string, string, ReturnType<typeof characterClasses>][] = [
    ['one of each ASCII class', 'aB3!', { lower: 1, upper: 1, digit: 1, other: 1 }],
    ['accented letters by their case', 'éÉàÇß', { lower: 3, upper: 2, digit: 0, other: 0 }],
    ['a decomposed accent as one lower letter', DECOMPOSED_E_ACUTE, { lower: 1, upper: 0, digit: 0, other: 0 }],
    ['digits of other scripts as digits', '٣7', { lower: 0, upper: 0, digit: 2, other: 0 }],
    ['spaces, emoji and caseless letters as other', ' 🔒漢', { lower: 0, upper: 0, digit: 0, other: 3 }],
    ['nothing in an empty string', '', { lower: 0, upper: 0, digit: 0, other: 0 }],
  ];
  for (const [name, text, expected] of cases) {
    it(`counts ${name}`, () => {
      expect(characterClasses(text)).to.deep.equal(expected);
    });
  }
});

describe('entropyBits', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['aaaa', 4 * Math.log2(26)],
    ['aA', 2 * Math.log2(52)],
    ['a1', 2 * Math.log2(36)],
    ['aA1!', 4 * Math.log2(95)],
    ['🔒🔒', 2 * Math.log2(33)],
    ['é', Math.log2(26)],
  ];
  for (const [password, expected] of cases) {
    it(`gives ${expected.toFixed(2)} bits to "${password}"`, () => {
      expect(entropyBits(password)).to.be.closeTo(expected, 1e-9);
    });
  }
});

describe('checkPasswordPolicy, one rule at a time', () => {
  const cases: [string, Partial<PasswordPolicy>, string, boolean, PersonalInfo?][] = [
    ['too_short: one short', { minLength: 8 }, 'abcdefg', false],
    ['too_short: exactly the minimum', { minLength: 8 }, 'abcdefgh', true],
    ['too_short: 8 emoji are 8 characters', { minLength: 8 }, '🔒'.repeat(8), true],
    ['too_short: 4 emoji are not 8', { minLength: 8 }, '🔒'.repeat(4), false],
    ['too_short: decomposed accents count once', { minLength: 8 }, DECOMPOSED_E_ACUTE.repeat(7), false],
    ['too_long: exactly the maximum', { maxLength: 4 }, 'abcd', true],
    ['too_long: one over', { maxLength: 4 }, 'abcde', false],
    ['too_long: 4 emoji fit in 4', { maxLength: 4 }, '🔒'.repeat(4), true],
    ['missing_lower: accented lowercase counts', { minLower: 2 }, 'éA', false],
    ['missing_lower: two lowercase', { minLower: 2 }, 'éa', true],
    ['missing_upper: accented uppercase counts', { minUpper: 1 }, 'É', true],
    ['missing_upper: none', { minUpper: 1 }, 'é1!', false],
    ['missing_digit: one of two', { minDigit: 2 }, 'a1', false],
    ['missing_digit: two', { minDigit: 2 }, 'a12', true],
    ['missing_special: a space is special', { minSpecial: 1 }, 'a b', true],
    ['missing_special: an emoji is special', { minSpecial: 1 }, 'ab🔒', true],
    ['missing_special: letters and digits only', { minSpecial: 1 }, 'aB3', false],
    ['not_enough_classes: two of three', { minClasses: 3 }, 'aA', false],
    ['not_enough_classes: lower, upper, digit', { minClasses: 3 }, 'aA1', true],
    ['not_enough_classes: an emoji is the other class', { minClasses: 3 }, 'aA🔒', true],
    ['forbidden_chars: none present', { forbiddenChars: '"\'\\ ' }, 'abc', true],
    ['forbidden_chars: a space', { forbiddenChars: '"\'\\ ' }, 'a b', false],
    ['forbidden_chars: a forbidden emoji', { forbiddenChars: '🔒' }, 'x🔒', false],
    ['forbidden_chars: an emoji sharing only a UTF-16 unit', { forbiddenChars: '🔒' }, 'x🔓', true],
    ['forbidden_chars: composed and decomposed é are one', { forbiddenChars: 'é' }, DECOMPOSED_E_ACUTE, false],
    ['personal: uid in upper case', { rejectPersonalInfo: true }, 'CMARTIN2026', false, CLAIRE],
    ['personal: given name inside', { rejectPersonalInfo: true }, 'xxclairexx', false, CLAIRE],
    ['personal: no personal info', { rejectPersonalInfo: true }, 'Tuba-Orage-9', true, CLAIRE],
    ['personal: accents ignored', { rejectPersonalInfo: true }, 'helene2026', false, { givenName: 'Hélène' }],
    ['personal: accents ignored both ways', { rejectPersonalInfo: true }, 'HÉLÈNE!', false, { givenName: 'Helene' }],
    ['personal: names under 3 characters ignored', { rejectPersonalInfo: true }, 'Alpha123', true, { givenName: 'Al' }],
    [
      'personal: part of a compound name',
      { rejectPersonalInfo: true },
      'claire2026',
      false,
      { givenName: 'Marie-Claire' },
    ],
    ['personal: compound name glued', { rejectPersonalInfo: true }, 'JeanPierre!', false, { givenName: 'Jean-Pierre' }],
    ['personal: part of a dotted uid', { rejectPersonalInfo: true }, 'martin86', false, { uid: 'c.martin' }],
    ['personal: nothing known, nothing found', { rejectPersonalInfo: true }, 'cmartin', true],
    ['low_entropy: 10 lowercase are 47 bits', { minEntropyBits: 50 }, 'a'.repeat(10), false],
    ['low_entropy: 11 lowercase are 51.7 bits', { minEntropyBits: 50 }, 'a'.repeat(11), true],
  ];
  for (const [name, policy, password, expected, personal] of cases) {
    it(name, () => {
      expect(isMet(password, policy, personal)).to.equal(expected);
    });
  }

  it('names the rule and its parameter', () => {
    const policy: PasswordPolicy = { ...NO_LIMITS, minLength: 12, forbiddenChars: '"', rejectPersonalInfo: true };
    expect(checkPasswordPolicy('abc', policy, CLAIRE)).to.deep.equal([
      { rule: 'too_short', met: false, param: 12 },
      { rule: 'forbidden_chars', met: true, param: '"' },
      { rule: 'contains_personal_info', met: true },
    ]);
  });
});

describe('checkPasswordPolicy, the whole list', () => {
  it('lists every enabled rule in checklist order, length first', () => {
    const rules = checkPasswordPolicy('x', EVERY_RULE, CLAIRE).map((check) => check.rule);
    expect(rules).to.deep.equal(CHECKLIST_ORDER);
  });

  it('leaves out rules set to 0, empty or false, and the rules only a server or zxcvbn decides', () => {
    const disabled: PasswordPolicy = {
      minLength: 0,
      maxLength: 0,
      minLower: 0,
      minUpper: 0,
      minDigit: 0,
      minSpecial: 0,
      minClasses: 0,
      forbiddenChars: '',
      rejectPersonalInfo: false,
      minEntropyBits: 0,
      minStrength: 4,
      historySize: 10,
    };
    expect(checkPasswordPolicy('', disabled, CLAIRE)).to.deep.equal([]);
  });

  it('fails an empty password on what it asks for and not on what it forbids', () => {
    const met = Object.fromEntries(checkPasswordPolicy('', EVERY_RULE, CLAIRE).map((check) => [check.rule, check.met]));
    expect(met).to.deep.equal({
      too_short: false,
      too_long: true,
      missing_lower: false,
      missing_upper: false,
      missing_digit: false,
      missing_special: false,
      not_enough_classes: false,
      forbidden_chars: true,
      contains_personal_info: true,
      low_entropy: false,
    });
  });

  it('accepts a good password and reports each fault of a bad one', () => {
    expect(policyViolations('Tuba-Orage-Plinthe-9', EVERY_RULE, CLAIRE)).to.deep.equal([]);
    expect(policyViolations('claire martin', EVERY_RULE, CLAIRE)).to.deep.equal([
      'missing_upper',
      'missing_digit',
      'not_enough_classes',
      'forbidden_chars',
      'contains_personal_info',
    ]);
  });
});

// Strings of any code point, and of any UTF-16 unit so that lone surrogates (pasted garbage) are covered too.
const anyPassword = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
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
  },
  { requiredKeys: ['minLength', 'maxLength'] },
);
const anyPersonal: fc.Arbitrary<PersonalInfo> = fc.record(
  { uid: fc.string({ maxLength: 10 }), givenName: fc.string({ maxLength: 10 }), surname: fc.string({ maxLength: 10 }) },
  { requiredKeys: [] },
);

describe('password policy properties', () => {
  it('never throws, and violations are exactly the unmet checks, in checklist order', () => {
    fc.assert(
      fc.property(anyPassword, anyPolicy, fc.option(anyPersonal, { nil: undefined }), (password, policy, personal) => {
        const checks = checkPasswordPolicy(password, policy, personal);
        const unmet = checks.filter((check) => !check.met).map((check) => check.rule);
        expect(policyViolations(password, policy, personal)).to.deep.equal(unmet);
        const order = checks.map((check) => CHECKLIST_ORDER.indexOf(check.rule));
        expect(order).to.deep.equal([...order].sort((a, b) => a - b));
        expect(order).not.to.include(-1);
      }),
    );
  });

  it('splits every character into exactly one class', () => {
    fc.assert(
      fc.property(anyPassword, (password) => {
        const { lower, upper, digit, other } = characterClasses(password);
        expect(lower + upper + digit + other).to.equal(codePointLength(password));
        expect(entropyBits(password)).to.be.at.least(0);
      }),
    );
  });

  it('accepts a password under any policy it meets by construction', () => {
    // Each bound is a fraction of what the password has, so the password meets the policy and nothing else does.
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(anyPassword, fc.array(fraction, { minLength: 8, maxLength: 8 }), fc.nat(10), (password, f, slack) => {
        const length = codePointLength(password);
        const classes = characterClasses(password);
        const present = Object.values(classes).filter((count) => count > 0).length;
        const used = new Set(password.normalize('NFC'));
        const part = (value: number, index: number): number => Math.floor(value * (f[index] ?? 0));
        const policy: PasswordPolicy = {
          minLength: part(length, 0),
          maxLength: slack === 0 ? 0 : length + slack - 1,
          minLower: part(classes.lower, 1),
          minUpper: part(classes.upper, 2),
          minDigit: part(classes.digit, 3),
          minSpecial: part(classes.other, 4),
          minClasses: part(present, 5),
          forbiddenChars: ['"', '§', '🔒', ' '].filter((character) => !used.has(character)).join(''),
          minEntropyBits: entropyBits(password) * (f[6] ?? 0),
        };
        expect(policyViolations(password, policy)).to.deep.equal([]);
      }),
    );
  });

  it('finds a name of 3+ letters whatever its case and accents, wherever it sits', () => {
    const name = fc.stringMatching(/^[a-zà-öø-þ]{3,12}$/);
    const disguise = fc.constantFrom(
      (text: string) => text,
      (text: string) => text.toUpperCase(),
      (text: string) => text.normalize('NFD').replace(/\p{M}/gu, ''),
      (text: string) => text.normalize('NFD'),
    );
    const policy: PasswordPolicy = { ...NO_LIMITS, rejectPersonalInfo: true };
    fc.assert(
      fc.property(anyPassword, name, disguise, anyPassword, (before, surname, change, after) => {
        expect(policyViolations(before + change(surname) + after, policy, { surname })).to.deep.equal([
          'contains_personal_info',
        ]);
      }),
    );
  });
});
