import { expect } from '@open-wc/testing';
import { formatStoredPhone, isKnownRegion, viewRegion } from '../../../src/elements/phones/stored-format.js';
import { formatPhoneForDisplay, parsePhone } from '../../../src/validation/phone.js';
import metadata from '../../../src/validation/phone-metadata.js';

const FRENCH_PLAN_REGIONS = ['FR', 'RE', 'YT', 'GP', 'BL', 'MF', 'GF', 'MQ'];

describe('formatStoredPhone: the view without the phone rules', () => {
  it('writes every valid number of the French plan as the rules do, in every region of the plan', function () {
    // Every range to four digits after the calling code, each with four endings: about 40 000 numbers.
    this.timeout(120000);
    const differences: string[] = [];
    let compared = 0;
    for (const code of ['33', '262', '590', '594', '596']) {
      for (let prefix = 0; prefix < 10000; prefix++) {
        for (const ending of ['00000', '12345', '67890', '75050']) {
          const e164 = `+${code}${String(prefix).padStart(4, '0')}${ending}`;
          const parsed = parsePhone(e164, 'FR');
          if (!parsed.ok || parsed.e164 !== e164) continue;
          compared++;
          for (const region of FRENCH_PLAN_REGIONS) {
            const rules = formatPhoneForDisplay(e164, region);
            const light = formatStoredPhone(e164, region);
            if (light !== rules) differences.push(`${e164} in ${region}: rules "${rules}", view "${light}"`);
          }
        }
      }
    }
    expect(compared).to.be.greaterThan(30000);
    expect(differences.slice(0, 10)).to.deep.equal([]);
  });

  it('keeps the cases the rules write internationally at home: 0806 in Réunion, 0269 60 in France, 0976 7 in Guiana', () => {
    expect(formatStoredPhone('+262806931234', 'RE')).to.equal('+262 806 93 12 34');
    expect(formatStoredPhone('+33806931234', 'FR')).to.equal('+33 806 93 12 34');
    expect(formatStoredPhone('+33269601234', 'FR')).to.equal('+33 2 69 60 12 34');
    expect(formatStoredPhone('+33596123456', 'FR')).to.equal('05 96 12 34 56');
    expect(formatStoredPhone('+594976751234', 'GF')).to.equal('+594 976 75 12 34');
    expect(formatStoredPhone('+594694101234', 'GF')).to.equal('0694 10 12 34');
    expect(formatStoredPhone('+33800123456', 'FR')).to.equal('0 800 12 34 56');
  });

  it('writes other numbers internationally, the calling code apart and the rest in threes', () => {
    expect(formatStoredPhone('+41221234567', 'FR')).to.equal('+41 221 234 567');
    expect(formatStoredPhone('+41221234567', 'CH')).to.equal('+41 221 234 567');
    expect(formatStoredPhone('+12025550123', 'FR')).to.equal('+1 202 555 0123');
    expect(formatStoredPhone('+4915123456789', 'FR')).to.equal('+49 151 234 567 89');
    expect(formatStoredPhone('+2250701020304', 'FR')).to.equal('+225 070 102 0304');
  });

  it('knows the length of every calling code the rules know', () => {
    for (const code of Object.keys(metadata.country_calling_codes)) {
      const shown = formatStoredPhone(`+${code}12345678`, 'FR');
      expect(shown?.split(' ')[0], `calling code ${code}`).to.equal(`+${code}`);
    }
  });

  it('shows nothing it cannot trust as a number: not E.164, then shown as it came and not linked', () => {
    for (const text of ['05 49 45 49 99', '+33 5 49 45 49 99', '+0123456789', '+1234', 'tel:+33549454999', '']) {
      expect(formatStoredPhone(text, 'FR'), text).to.equal(undefined);
    }
  });
});

describe('viewRegion', () => {
  it('takes a region the browser can name, in capitals, and FR for anything else', () => {
    expect(viewRegion('re')).to.equal('RE');
    expect(viewRegion(' ch ')).to.equal('CH');
    expect(viewRegion('XX')).to.equal('FR');
    expect(viewRegion('ZZ')).to.equal('FR');
    expect(viewRegion('France')).to.equal('FR');
    expect(viewRegion('')).to.equal('FR');
    expect(isKnownRegion('GF')).to.equal(true);
    expect(isKnownRegion('XX')).to.equal(false);
  });
});
