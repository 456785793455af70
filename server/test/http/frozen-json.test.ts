/** The JSON of a frozen account is written once; anything that may still change is written every time. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonOf } from '../../src/http/frozen-json.js';

describe('jsonOf', () => {
  it('serialises a frozen value once, and a value that may change at every call', () => {
    let reads = 0;
    const frozen = Object.freeze({
      uid: 'cmartin',
      get counted() {
        return ++reads;
      },
    });
    assert.equal(jsonOf(frozen), '{"uid":"cmartin","counted":1}');
    assert.equal(jsonOf(frozen), '{"uid":"cmartin","counted":1}', 'the same text, not written again');
    assert.equal(reads, 1);

    const open = { uid: 'cmartin', redList: false };
    assert.equal(jsonOf(open), '{"uid":"cmartin","redList":false}');
    open.redList = true;
    assert.equal(jsonOf(open), '{"uid":"cmartin","redList":true}');
  });
});
