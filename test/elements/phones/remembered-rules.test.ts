import { expect } from '@open-wc/testing';
import { remembered } from '../../../src/elements/phones/remembered-rules.js';
import { loadPhoneTools } from '../../../src/elements/phones/loader.js';
import * as rules from '../../../src/validation/phone.js';

describe('phones remembered rules', () => {
  it('answers the same arguments once, and different arguments each with their own answer', () => {
    const calls: string[] = [];
    const parse = remembered((text: string, region: string) => {
      calls.push(`${text}|${region}`);
      return { text, region };
    });
    const first = parse('05 49 45 49 99', 'FR');
    expect(parse('05 49 45 49 99', 'FR')).to.equal(first);
    expect(parse('05 49 45 49 99', 'RE')).to.deep.equal({ text: '05 49 45 49 99', region: 'RE' });
    // Arguments that would read the same once joined stay apart.
    expect(parse('a,b', 'c')).to.not.deep.equal(parse('a', 'b,c'));
    expect(calls).to.deep.equal(['05 49 45 49 99|FR', '05 49 45 49 99|RE', 'a,b|c', 'a|b,c']);
  });

  it('keeps an answer asked for at every key while a hundred other drafts come and go', () => {
    let calls = 0;
    const parse = remembered((text: string) => {
      calls++;
      return text.length;
    });
    parse('06 12 34 56 78');
    for (let length = 1; length <= 100; length++) {
      parse('5'.repeat(length));
      parse('06 12 34 56 78');
    }
    expect(calls).to.equal(101);
  });

  it('the edit form gets the same answers as the rules themselves', async () => {
    const { tools } = await loadPhoneTools();
    for (const [text, region] of [
      ['05 49 45 49 99', 'FR'],
      ['0262 12 34 56', 'RE'],
      ['06 12 34', 'FR'],
      ['+41 22 123 45 67', 'FR'],
    ] as const) {
      expect(tools.parsePhone(text, region)).to.deep.equal(rules.parsePhone(text, region));
      expect(tools.parsePhone(text, region)).to.deep.equal(rules.parsePhone(text, region));
    }
    expect(tools.typeMismatch('+33612345678', 'fax')).to.equal(rules.typeMismatch('+33612345678', 'fax'));
    expect(tools.exampleNumber('RE', 'mobile')).to.equal(rules.exampleNumber('RE', 'mobile'));
    expect(tools.exampleNumber('FR')).to.equal('01 23 45 67 89');
  });
});
