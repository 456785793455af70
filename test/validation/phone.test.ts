import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { AsYouType, type CountryCode } from 'libphonenumber-js/core';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import minMetadata from 'libphonenumber-js/metadata.min.json';
import {
  MAX_PHONES,
  checkPhones,
  exampleNumber,
  formatAsYouType,
  formatAsYouTypeAt,
  formatPhoneForDisplay,
  isSupportedRegion,
  normalizeRegion,
  parsePhone,
  phoneListErrors,
  typeMismatch,
  type PhoneKind,
  type PhoneProblem,
} from '../../src/validation/phone.js';
import metadata, { STRICT_REGIONS } from '../../src/validation/phone-metadata.js';

type Accepted = [input: string, region: string, e164: string, kind: PhoneKind];
type Refused = [input: string, region: string, problem: PhoneProblem];

function accepts([input, region, e164, kind]: Accepted): void {
  it(`reads ${JSON.stringify(input)} in ${region} as ${e164} (${kind})`, () => {
    const parsed = parsePhone(input, region);
    expect(parsed).to.include({ ok: true, e164, kind });
  });
}

function refuses([input, region, problem]: Refused): void {
  it(`refuses ${JSON.stringify(input)} in ${region}: ${problem}`, () => {
    expect(parsePhone(input, region)).to.deep.equal({ ok: false, problem });
  });
}

describe('parsePhone', () => {
  describe('French numbers as people write them', () => {
    const poitiers = '+33549454999';
    (
      [
        ['05 49 45 49 99', 'FR', poitiers, 'fixed'],
        ['0549454999', 'FR', poitiers, 'fixed'],
        ['05.49.45.49.99', 'FR', poitiers, 'fixed'],
        ['05-49-45-49-99', 'FR', poitiers, 'fixed'],
        ['(05) 49 45 49 99', 'FR', poitiers, 'fixed'],
        ['05 49 45 49 99 ', 'FR', poitiers, 'fixed'],
        ['+33 5 49 45 49 99', 'FR', poitiers, 'fixed'],
        ['+33549454999', 'FR', poitiers, 'fixed'],
        ['+33 (0)5 49 45 49 99', 'FR', poitiers, 'fixed'],
        ['+33 (0) 5.49.45.49.99', 'FR', poitiers, 'fixed'],
        ['0033 5 49 45 49 99', 'FR', poitiers, 'fixed'],
        ['0033549454999', 'FR', poitiers, 'fixed'],
        ['33 5 49 45 49 99', 'FR', poitiers, 'fixed'],
        ['549454999', 'FR', poitiers, 'fixed'],
        ['05\u00a049\u00a045\u00a049\u00a099', 'FR', poitiers, 'fixed'],
        ['05\u202f49\u202f45\u202f49\u202f99', 'FR', poitiers, 'fixed'],
        ['05\u201149\u201145\u201149\u201199', 'FR', poitiers, 'fixed'],
        ['\u200e05 49 45 49 99\u200f', 'FR', poitiers, 'fixed'],
        ['tel:+33549454999', 'FR', poitiers, 'fixed'],
        ['\uff10\uff15 \uff14\uff19 \uff14\uff15 \uff14\uff19 \uff19\uff19', 'FR', poitiers, 'fixed'],
        ['\u0660\u0665\u0664\u0669\u0664\u0665\u0664\u0669\u0669\u0669', 'FR', poitiers, 'fixed'],
        ['\uff0b33 5 49 45 49 99', 'FR', poitiers, 'fixed'],
        ['01 23 45 67 89', 'FR', '+33123456789', 'fixed'],
        ['04.76.51.46.00', 'FR', '+33476514600', 'fixed'],
        ['06 12 34 56 78', 'FR', '+33612345678', 'mobile'],
        ['07 81 23 45 67', 'FR', '+33781234567', 'mobile'],
        ['+33 7 81 23 45 67', 'FR', '+33781234567', 'mobile'],
        ['0800 12 34 56', 'FR', '+33800123456', 'other'],
        ['0 800 12 34 56', 'FR', '+33800123456', 'other'],
        ['0810 12 34 56', 'FR', '+33810123456', 'other'],
        ['0820 12 34 56', 'FR', '+33820123456', 'other'],
        ['0899 12 34 56', 'FR', '+33899123456', 'other'],
        ['09 12 34 56 78', 'FR', '+33912345678', 'other'],
      ] satisfies Accepted[]
    ).forEach(accepts);
  });

  describe('overseas numbers, from France and from overseas', () => {
    (
      [
        ['0262 12 34 56', 'RE', '+262262123456', 'fixed'],
        ['0262 12 34 56', 'FR', '+262262123456', 'fixed'],
        ['+262 262 12 34 56', 'FR', '+262262123456', 'fixed'],
        ['0692 12 34 56', 'RE', '+262692123456', 'mobile'],
        ['0692 12 34 56', 'FR', '+262692123456', 'mobile'],
        ['0269 60 12 34', 'RE', '+262269601234', 'fixed'],
        // 0269… and 0596… are in Google's FR ranges too; the line is Mayotte's, Martinique's.
        ['0269 60 12 34', 'FR', '+262269601234', 'fixed'],
        ['0639 01 23 45', 'YT', '+262639012345', 'mobile'],
        ['0590 20 12 34', 'GP', '+590590201234', 'fixed'],
        ['0590 20 12 34', 'FR', '+590590201234', 'fixed'],
        ['0690 00 12 34', 'GP', '+590690001234', 'mobile'],
        ['0596 30 12 34', 'MQ', '+596596301234', 'fixed'],
        ['0596 30 12 34', 'FR', '+596596301234', 'fixed'],
        ['0596 30 12 34', 'GP', '+596596301234', 'fixed'],
        ['0594 10 12 34', 'GF', '+594594101234', 'fixed'],
        ['0594 10 12 34', 'RE', '+594594101234', 'fixed'],
        // Mainland numbers dialled from overseas
        ['05 49 45 49 99', 'RE', '+33549454999', 'fixed'],
        ['06 12 34 56 78', 'MQ', '+33612345678', 'mobile'],
        ['0800 12 34 56', 'FR', '+33800123456', 'other'],
        // Plans of their own: no trunk 0, six or eight digits
        ['+508 41 12 34', 'FR', '+508411234', 'fixed'],
        ['41 12 34', 'PM', '+508411234', 'fixed'],
        ['+687 20 12 34', 'FR', '+687201234', 'fixed'],
        ['20.12.34', 'NC', '+687201234', 'fixed'],
        ['75.12.34', 'NC', '+687751234', 'mobile'],
        ['40 41 23 45', 'PF', '+68940412345', 'fixed'],
        ['87 12 34 56', 'PF', '+68987123456', 'mobile'],
        ['72 12 34', 'WF', '+681721234', 'unknown'], // fixed and mobile ranges overlap
        ['82 12 34', 'WF', '+681821234', 'mobile'],
      ] satisfies Accepted[]
    ).forEach(accepts);
  });

  describe('foreign numbers, with and without +', () => {
    (
      [
        ['+41 22 123 45 67', 'FR', '+41221234567', 'fixed'],
        ['0041 22 123 45 67', 'FR', '+41221234567', 'fixed'],
        ['022 123 45 67', 'CH', '+41221234567', 'fixed'],
        ['+41 78 123 45 67', 'FR', '+41781234567', 'mobile'],
        ['+32 2 650 21 11', 'FR', '+3226502111', 'fixed'],
        ['02 650 21 11', 'BE', '+3226502111', 'fixed'],
        ['+32 470 12 34 56', 'FR', '+32470123456', 'mobile'],
        ['+1 201 555 0123', 'FR', '+12015550123', 'unknown'],
        ['(201) 555-0123', 'US', '+12015550123', 'unknown'],
        ['011 33 5 49 45 49 99', 'US', '+33549454999', 'fixed'],
        ['+1 514 555 0123', 'FR', '+15145550123', 'unknown'],
        ['+44 20 7946 0018', 'FR', '+442079460018', 'fixed'],
        ['+44 (0)20 7946 0018', 'FR', '+442079460018', 'fixed'],
        ['020 7946 0018', 'GB', '+442079460018', 'fixed'],
        ['+44 7400 123456', 'FR', '+447400123456', 'mobile'],
        ['+49 30 12345678', 'FR', '+493012345678', 'fixed'],
        ['+34 91 123 45 67', 'FR', '+34911234567', 'fixed'],
        ['+39 06 4991 1234', 'FR', '+390649911234', 'fixed'],
        ['+352 26 12 34 56', 'FR', '+35226123456', 'fixed'],
        ['+377 93 15 20 00', 'FR', '+37793152000', 'fixed'],
        ['+212 6 50 12 34 56', 'FR', '+212650123456', 'mobile'],
        ['+216 71 123 456', 'FR', '+21671123456', 'fixed'],
        ['+225 07 01 23 45 67', 'FR', '+2250701234567', 'mobile'],
        // Outside the strictly checked regions: pattern and length only, type unknown, never blocked
        ['+86 138 1234 5678', 'FR', '+8613812345678', 'unknown'],
        ['+81 90 1234 5678', 'FR', '+819012345678', 'unknown'],
        ['+55 11 91234 5678', 'FR', '+5511912345678', 'unknown'],
      ] satisfies Accepted[]
    ).forEach(accepts);
  });

  describe('what it refuses', () => {
    (
      [
        ['', 'FR', 'empty'],
        ['   ', 'FR', 'empty'],
        ['\u00a0\t', 'FR', 'empty'],
        ['abc', 'FR', 'not_a_number'],
        ['05 49 AB 49 99', 'FR', 'not_a_number'],
        ['05 49 45 49 99 poste 12', 'FR', 'not_a_number'],
        ['05 49 45 49 99 ext. 12', 'FR', 'not_a_number'],
        ['1-800-FLOWERS', 'US', 'not_a_number'],
        ['+', 'FR', 'not_a_number'],
        ['--', 'FR', 'not_a_number'],
        ['+33 +5 49 45 49 99', 'FR', 'not_a_number'],
        ['05 49 45 49 99 +', 'FR', 'not_a_number'],
        ['05 49 45 49 99, 06 12 34 56 78', 'FR', 'not_a_number'],
        ['1', 'FR', 'too_short'],
        ['+3', 'FR', 'too_short'],
        ['05 49 45 49', 'FR', 'too_short'],
        ['+33 5 49 45', 'FR', 'too_short'],
        ['05 49 45 49 999', 'FR', 'too_long'],
        ['+33 5 49 45 49 99 9', 'FR', 'too_long'],
        ['0'.repeat(40), 'FR', 'too_long'],
        ['9'.repeat(10_000), 'FR', 'too_long'],
        ['00 00 00 00 00', 'FR', 'invalid_for_region'],
        ['04 00 12 34 56', 'FR', 'invalid_for_region'],
        ['07 00 12 34 56', 'FR', 'invalid_for_region'],
        ['+999 123 456', 'FR', 'invalid_for_region'],
        ['+41 12 345 67 89', 'FR', 'invalid_for_region'],
        ['+1 011 555 0123', 'FR', 'invalid_for_region'],
        // Within the Isle of Man's length rules, but +44 350… is no number of the +44 regions
        ['3500000330', 'IM', 'invalid_for_region'],
        // Valid in Japan, but sixteen digits with +81: no E.164 form
        ['00330033003300', 'JP', 'invalid_for_region'],
      ] satisfies Refused[]
    ).forEach(refuses);
  });

  it('reads an invalid or lower-case default region as France, a valid one in any case', () => {
    expect(parsePhone('05 49 45 49 99', 'zz')).to.include({ e164: '+33549454999' });
    expect(parsePhone('05 49 45 49 99', '')).to.include({ e164: '+33549454999' });
    expect(parsePhone('022 123 45 67', 'ch')).to.include({ e164: '+41221234567' });
  });

  it('gives the region of the number', () => {
    expect(parsePhone('0269 60 12 34', 'RE')).to.include({ region: 'YT' });
    expect(parsePhone('+1 514 555 0123', 'FR')).to.include({ region: 'CA' });
  });
});

describe('formatPhoneForDisplay', () => {
  (
    [
      ['+33549454999', 'FR', '05 49 45 49 99'],
      ['+33612345678', 'FR', '06 12 34 56 78'],
      ['+33800123456', 'FR', '0 800 12 34 56'],
      ['+33549454999', 'RE', '+33 5 49 45 49 99'],
      ['+262262123456', 'FR', '+262 262 12 34 56'],
      ['+262262123456', 'RE', '0262 12 34 56'],
      // Mayotte and Réunion share +262: dialled nationally from one another
      ['+262269601234', 'RE', '0269 60 12 34'],
      ['+41221234567', 'FR', '+41 22 123 45 67'],
      ['+41221234567', 'CH', '022 123 45 67'],
      ['+12015550123', 'US', '(201) 555-0123'],
      ['+15145550123', 'US', '(514) 555-0123'],
      ['+442079460018', 'FR', '+44 20 7946 0018'],
      // Valid for FR in the metadata, but written 05 96… it would read as Martinique
      ['+33596301234', 'FR', '+33 5 96 30 12 34'],
      ['+33549454999', 'not a region', '05 49 45 49 99'],
    ] satisfies [string, string, string][]
  ).forEach(([e164, region, shown]) => {
    it(`shows ${e164} in ${region} as ${shown}`, () => {
      expect(formatPhoneForDisplay(e164, region)).to.equal(shown);
    });
  });

  it('returns what the server sent as is when it is not a valid number', () => {
    for (const stored of ['', 'inconnu', '+3354945', '+999123456', '05 49 45 49 99 poste 12']) {
      expect(formatPhoneForDisplay(stored, 'FR')).to.equal(stored);
    }
  });

  it('also formats numbers stored in national form', () => {
    expect(formatPhoneForDisplay('0549454999', 'FR')).to.equal('05 49 45 49 99');
  });
});

describe('formatAsYouType', () => {
  (
    [
      ['05', 'FR', '05'],
      ['0549', 'FR', '05 49'],
      ['05494', 'FR', '05 49 4'],
      ['0549454999', 'FR', '05 49 45 49 99'],
      ['05.49.45', 'FR', '05 49 45'],
      ['+3354945', 'FR', '+33 5 49 45'],
      ['0041221234567', 'FR', '00 41 22 123 45 67'],
      ['0262123456', 'RE', '0262 12 34 56'],
      ['2015550123', 'US', '(201) 555-0123'],
      ['', 'FR', ''],
      ['+', 'FR', '+'],
      ['05 49 ab', 'FR', '05 49 ab'],
      // libphonenumber-js throws on this one
      ['06', 'CV', '06'],
    ] satisfies [string, string, string][]
  ).forEach(([typed, region, shown]) => {
    it(`shows ${JSON.stringify(typed)} typed in ${region} as ${JSON.stringify(shown)}`, () => {
      expect(formatAsYouType(typed, region)).to.equal(shown);
    });
  });

  it('keeps the caret after the digit it followed', () => {
    expect(formatAsYouTypeAt('0549454999', 6, 'FR')).to.deep.equal({ value: '05 49 45 49 99', caret: 8 });
    expect(formatAsYouTypeAt('0549454999', 10, 'FR')).to.deep.equal({ value: '05 49 45 49 99', caret: 14 });
    expect(formatAsYouTypeAt('0549454999', 0, 'FR')).to.deep.equal({ value: '05 49 45 49 99', caret: 0 });
    // A digit typed in the middle: "05 49 4|5" then "1" gives "05 49 41 5"
    expect(formatAsYouTypeAt('05 49 415', 8, 'FR')).to.deep.equal({ value: '05 49 41 5', caret: 8 });
    expect(formatAsYouTypeAt('05 49 ab', 5, 'FR')).to.deep.equal({ value: '05 49 ab', caret: 5 });
  });

  it('formats each key of a long value, typed or deleted, in any region, as the whole value read from the start', () => {
    // What formatAsYouType answered before it fed a long value's formatter only the new digits (for these
    // inputs of digits, spaces and a leading `+`: no digit is no number, left as typed).
    const fromStart = (input: string, region: string): string => {
      if (!/\d/.test(input)) return input;
      const text = input.replace(/[^\d+]/g, '');
      try {
        return new AsYouType(region as CountryCode, metadata).input(text);
      } catch {
        return input;
      }
    };
    const key = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...'0123456789') },
      { weight: 1, arbitrary: fc.constant(' ') },
      { weight: 1, arbitrary: fc.constant('delete') },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('FR', 'RE', 'GP', 'NC', 'PF', 'US', 'CH', 'GB', 'DE', 'CV', 'WS', 'JP'),
        fc.constantFrom('', '+', '00', '0'),
        fc.array(key, { minLength: 1, maxLength: 70 }),
        (region, start, keys) => {
          let value: string = start;
          for (const pressed of keys) {
            value = pressed === 'delete' ? value.slice(0, -1) : value + pressed;
            expect(formatAsYouType(value, region), `${region} ${JSON.stringify(value)}`).to.equal(
              fromStart(value, region),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('exampleNumber', () => {
  it('shows a landline for the French plan and a mobile on request', () => {
    expect(exampleNumber('FR')).to.equal('01 23 45 67 89');
    expect(exampleNumber('FR', 'mobile')).to.equal('06 12 34 56 78');
    expect(exampleNumber('RE')).to.equal('0262 16 12 34');
    expect(exampleNumber('RE', 'mobile')).to.equal('0692 12 34 56');
    expect(exampleNumber('xx')).to.equal('01 23 45 67 89');
  });

  it('gives, for every region, a number that parses in it as the kind asked for', () => {
    for (const region of Object.keys(mobileExamples)) {
      for (const kind of ['fixed', 'mobile'] as const) {
        const example = exampleNumber(region, kind);
        const parsed = parsePhone(example, region);
        expect(parsed.ok, `${region} ${kind} ${example}`).to.equal(true);
        if (parsed.ok && STRICT_REGIONS.includes(region) && ['FR', 'RE', 'GP', 'MQ', 'GF', 'YT'].includes(region)) {
          expect(parsed.kind, `${region} ${kind}`).to.equal(kind);
        }
      }
    }
  });
});

describe('typeMismatch', () => {
  (
    [
      ['+33612345678', 'fax', 'mobile_as_fax'],
      ['+262692123456', 'fax', 'mobile_as_fax'],
      ['+33549454999', 'mobile', 'fixed_as_mobile'],
      ['+33800123456', 'mobile', 'fixed_as_mobile'],
      ['+33612345678', 'mobile', null],
      ['+33612345678', 'office', null],
      ['+33612345678', 'other', null],
      ['+33549454999', 'fax', null],
      ['+33549454999', 'office', null],
      // North American numbers do not tell: no warning
      ['+12015550123', 'mobile', null],
      ['+12015550123', 'fax', null],
      ['not a number', 'mobile', null],
    ] satisfies [string, 'office' | 'mobile' | 'fax' | 'other', string | null][]
  ).forEach(([e164, type, warning]) => {
    it(`warns ${String(warning)} for ${e164} as ${type}`, () => {
      expect(typeMismatch(e164, type)).to.equal(warning);
    });
  });
});

describe('the list rule: at most ten numbers, each valid, none twice', () => {
  it('stores every number in E.164, reading one without a country code as French', () => {
    expect(
      checkPhones([
        { type: 'office', number: '05 49 45 30 00' },
        { type: 'mobile', number: '+33 6 12 34 56 78' },
        { type: 'other', number: '+41 22 123 45 67' },
      ]),
    ).to.deep.equal({
      ok: true,
      phones: [
        { type: 'office', number: '+33549453000' },
        { type: 'mobile', number: '+33612345678' },
        { type: 'other', number: '+41221234567' },
      ],
    });
    expect(checkPhones([])).to.deep.equal({ ok: true, phones: [] });
    expect(checkPhones([{ type: 'office', number: '0262 16 12 34' }], 'RE')).to.deep.include({ ok: true });
  });

  it('names each number that is not valid, and the second of the same number however written', () => {
    expect(
      checkPhones([
        { type: 'office', number: '+33 1 23' },
        { type: 'mobile', number: '+33612345678' },
        { type: 'fax', number: '06 12 34 56 78' },
        { type: 'other', number: 'poste 12' },
        { type: 'other', number: '' },
      ]),
    ).to.deep.equal({
      ok: false,
      errors: [
        { field: 'phones[0].number', code: 'invalid_number' },
        { field: 'phones[2].number', code: 'duplicate' },
        { field: 'phones[3].number', code: 'invalid_number' },
        { field: 'phones[4].number', code: 'invalid_number' },
      ],
    });
  });

  it(`refuses more than ${MAX_PHONES} numbers as a whole`, () => {
    const phones = Array.from({ length: MAX_PHONES + 1 }, (_, i) => ({
      type: 'other' as const,
      number: `+335494549${10 + i}`,
    }));
    expect(checkPhones(phones)).to.deep.equal({ ok: false, errors: [{ field: 'phones', code: 'too_many' }] });
    expect(checkPhones(phones.slice(0, MAX_PHONES))).to.deep.include({ ok: true });
  });

  it('judges numbers already read, as the form reads its rows', () => {
    const read = ['05 49 45 49 99', '0549454999', 'abc'].map((text) => parsePhone(text, 'FR'));
    expect(phoneListErrors(read)).to.deep.equal([
      { field: 'phones[1].number', code: 'duplicate' },
      { field: 'phones[2].number', code: 'invalid_number' },
    ]);
  });
});

describe('regions', () => {
  it('knows ISO 3166 alpha-2 regions in any case, and nothing else', () => {
    for (const region of ['FR', 'fr', 'RE', 'NC', 'WF', 'PM', 'US', 'CN', ' gb ']) {
      expect(isSupportedRegion(region), region).to.equal(true);
    }
    for (const region of ['', 'F', 'FRA', 'ZZ', 'UK', '001', 'EU', 'fr-FR']) {
      expect(isSupportedRegion(region), region).to.equal(false);
    }
  });

  it('normalizes to upper case and falls back to FR', () => {
    expect(normalizeRegion('re')).to.equal('RE');
    expect(normalizeRegion(' GP ')).to.equal('GP');
    expect(normalizeRegion('ZZ')).to.equal('FR');
    expect(normalizeRegion('')).to.equal('FR');
    expect(normalizeRegion(null)).to.equal('FR');
    expect(normalizeRegion(undefined)).to.equal('FR');
  });
});

describe('the shipped metadata', () => {
  type Json = { countries: Record<string, unknown>; country_calling_codes: Record<string, string[]> };
  const shipped = metadata as unknown as Json;
  const max = maxMetadata as unknown as Json;
  const min = minMetadata as unknown as Json;

  it('matches the installed libphonenumber-js (else: npx tsx scripts/generate-phone-metadata.ts)', () => {
    expect(shipped.country_calling_codes).to.deep.equal(max.country_calling_codes);
    expect(Object.keys(shipped.countries).sort()).to.deep.equal(Object.keys(max.countries).sort());
    for (const [region, rules] of Object.entries(shipped.countries)) {
      if (STRICT_REGIONS.includes(region)) expect(rules, region).to.deep.equal(max.countries[region]);
      // The main region of a calling code shared with a strict region comes with the full rules too.
      else expect([min.countries[region], max.countries[region]], region).to.deep.include(rules);
    }
  });

  it('validates France, the overseas regions and the neighbours with the full rules', () => {
    for (const region of ['FR', 'RE', 'YT', 'GP', 'MQ', 'GF', 'PM', 'NC', 'PF', 'WF', 'BE', 'CH', 'DE', 'GB']) {
      expect(shipped.countries[region], region).to.deep.equal(max.countries[region]);
    }
  });
});

describe('properties', () => {
  const examples = Object.entries(mobileExamples).map(([region, national]) => ({ region, national }));
  const validNumbers = [
    ...examples
      .map(({ region, national }) => parsePhone(national, region))
      .flatMap((parsed) => (parsed.ok ? [parsed.e164] : [])),
    ...['+33549454999', '+33123456789', '+33800123456', '+33912345678', '+262262123456', '+262269601234'],
    ...['+590590201234', '+596596301234', '+594594101234', '+508411234', '+687201234', '+41221234567'],
    ...['+3226502111', '+12015550123', '+442079460018', '+493012345678', '+390649911234', '+33596301234'],
  ];
  const regions = ['FR', 'RE', 'YT', 'GP', 'MQ', 'GF', 'PM', 'NC', 'PF', 'WF', 'CH', 'BE', 'GB', 'US', 'CA'];
  const anyRegion = fc.oneof(fc.constantFrom(...regions, ...examples.map((e) => e.region)), fc.string());

  it('has a valid number for almost every region', () => {
    expect(validNumbers.length).to.be.greaterThan(240);
  });

  it('reads back every valid number it displays, in any default region', () => {
    fc.assert(
      fc.property(fc.constantFrom(...validNumbers), anyRegion, (e164, region) => {
        const shown = formatPhoneForDisplay(e164, region);
        expect(parsePhone(shown, region), `${shown} in ${region}`).to.include({ ok: true, e164 });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back what it formats as the person types', () => {
    fc.assert(
      fc.property(fc.constantFrom(...validNumbers), fc.constantFrom(...regions), (e164, region) => {
        const typed = formatAsYouType(formatPhoneForDisplay(e164, region).replace(/\D/g, ''), region);
        const plus = formatAsYouType(e164, region);
        expect(parsePhone(plus, region), plus).to.include({ ok: true, e164 });
        if (!formatPhoneForDisplay(e164, region).startsWith('+')) {
          expect(parsePhone(typed, region), typed).to.include({ ok: true, e164 });
        }
      }),
      { numRuns: 500 },
    );
  });

  // Every UTF-16 code unit, lone surrogates included, and every code point.
  const anyString = fc.oneof(
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
  // Strings made of what phone numbers are made of, to reach deep into the parser.
  const phoneLike = fc.string({
    unit: fc.constantFrom(...'0123456789+ .-()/\u00a0\uff10\u0665'.split(''), '00', '33', '0033', '+33', '(0)', 'tel:'),
    maxLength: 30,
  });

  it('never throws, and says either a valid E.164 number or a known problem', () => {
    const problems = ['empty', 'not_a_number', 'too_short', 'too_long', 'invalid_for_region'];
    fc.assert(
      fc.property(fc.oneof(anyString, phoneLike), anyRegion, (input, region) => {
        const parsed = parsePhone(input, region);
        if (parsed.ok) {
          expect(parsed.e164).to.match(/^\+[1-9]\d{2,14}$/);
          expect(parsePhone(parsed.e164, region), 'E.164 reads as itself').to.include({ e164: parsed.e164 });
        } else {
          expect(problems).to.include(parsed.problem);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws in any other function', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, phoneLike), anyRegion, fc.nat(50), (input, region, caret) => {
        expect(formatPhoneForDisplay(input, region)).to.be.a('string');
        expect(formatAsYouType(input, region)).to.be.a('string');
        expect(formatAsYouTypeAt(input, caret, region).caret).to.be.at.least(0);
        expect(exampleNumber(input)).to.be.a('string');
        expect([null, 'mobile_as_fax', 'fixed_as_mobile']).to.include(typeMismatch(input, 'fax'));
        expect(isSupportedRegion(input)).to.be.a('boolean');
        expect(normalizeRegion(input)).to.match(/^[A-Z]{2}$/);
      }),
      { numRuns: 1000 },
    );
  });
});
