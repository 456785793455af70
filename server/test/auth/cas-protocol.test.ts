/** The CAS documents as our small XML reader sees them: order-free attributes, entities, no DOCTYPE. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logoutRequestTicket, parseServiceResponse } from '../../src/auth/cas/cas-protocol.js';
import { parseXml } from '../../src/auth/cas/xml.js';
import { logoutRequest } from '../helpers/fake-cas.js';

const SUCCESS = `<?xml version="1.0"?>
<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationSuccess>
    <cas:attributes>
      <cas:eduPersonAffiliation>member</cas:eduPersonAffiliation>
      <cas:cn><![CDATA[Claire <Martin>]]></cas:cn>
      <cas:eduPersonAffiliation>staff</cas:eduPersonAffiliation>
    </cas:attributes>
    <!-- the user after the attributes: order is not fixed -->
    <cas:user>cmartin</cas:user>
  </cas:authenticationSuccess>
</cas:serviceResponse>`;

describe('serviceValidate answers', () => {
  it('reads the user and every attribute value, in any order', () => {
    const result = parseServiceResponse(SUCCESS);
    assert.deepEqual(result, {
      ok: true,
      user: 'cmartin',
      attributes: { eduPersonAffiliation: ['member', 'staff'], cn: ['Claire <Martin>'] },
    });
  });

  it('reads a failure code', () => {
    const xml = `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="INVALID_TICKET">Ticket &quot;ST-1&quot; not recognized</cas:authenticationFailure></cas:serviceResponse>`;
    assert.deepEqual(parseServiceResponse(xml), { ok: false, code: 'INVALID_TICKET' });
  });

  it('throws on anything else', () => {
    for (const xml of [
      '<html><body>Login</body></html>',
      '<cas:serviceResponse xmlns:cas="x"><cas:authenticationSuccess></cas:authenticationSuccess></cas:serviceResponse>',
      '<cas:serviceResponse><cas:user>a</cas:serviceResponse>',
      '<!DOCTYPE x [<!ENTITY a "b">]><cas:serviceResponse/>',
      '<a>&unknown;</a>',
      '<a></a><b></b>',
    ]) {
      assert.throws(() => parseServiceResponse(xml), xml);
    }
  });
});

describe('single-logout requests', () => {
  it('yield the service ticket of SessionIndex', () => {
    assert.equal(logoutRequestTicket(logoutRequest('ST-42-abc')), 'ST-42-abc');
  });

  it('yield nothing for another document', () => {
    assert.equal(logoutRequestTicket('<samlp:AuthnRequest xmlns:samlp="x"/>'), undefined);
  });
});

describe('the XML reader', () => {
  it('decodes the predefined and numeric entities in text and attributes', () => {
    const root = parseXml(`<a b="&lt;&#x41;&#66;&apos;">&amp;&gt;&quot;</a>`);
    assert.equal(root.attributes['b'], "<AB'");
    assert.equal(root.text, '&>"');
  });
});
