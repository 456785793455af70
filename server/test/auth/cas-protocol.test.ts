/**
 * The CAS documents as our XML reader sees them: order-free attributes, entities, no DOCTYPE; and hostile
 * documents refused in linear time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logoutRequestTicket, parseServiceResponse } from '../../src/auth/cas/cas-protocol.js';
import { MAX_XML_DEPTH, parseXml } from '../../src/auth/cas/xml.js';
import { logoutRequest } from '../support/fake-cas.js';

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

describe('hostile documents', () => {
  /** The size of the largest single-logout form the server takes. */
  const SIZE = 16 * 1024;
  const HEAD = '<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><samlp:SessionIndex>';
  const TAIL = '</samlp:SessionIndex></samlp:LogoutRequest>';
  const filled = (unit: string): string => {
    const room = SIZE - HEAD.length - TAIL.length;
    return HEAD + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + TAIL;
  };
  const nested = (depth: number): string => '<a>'.repeat(depth) + '</a>'.repeat(depth);

  /** A well-formed LogoutRequest of the same size: what reading 16 kB normally costs. */
  const NORMAL = filled('ST-1234567890abcdef ');
  const HOSTILE: Record<string, string> = {
    '16 kB of &': filled('&'),
    '16 kB of &#': filled('&#'),
    '16 kB of & in an attribute': `<a b="${'&'.repeat(SIZE)}"/>`,
    'elements nested as deep as 16 kB allows': nested(Math.floor(SIZE / 7)),
    'a DOCTYPE declaring entities': `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${filled('&lol2;')}`,
    'a DOCTYPE naming an outside file': `<!DOCTYPE a SYSTEM "file:///etc/passwd"><a>&xxe;</a>`,
  };

  /** The median time of several readings, in ms: a busy machine slows some, rarely most. */
  function medianMs(read: () => void): number {
    const times: number[] = [];
    for (let run = 0; run < 9; run++) {
      const started = performance.now();
      read();
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[4]!;
  }

  it('a normal LogoutRequest of that size is read', () => {
    assert.equal(logoutRequestTicket(NORMAL)?.startsWith('ST-1234567890abcdef'), true);
  });

  for (const [name, xml] of Object.entries(HOSTILE)) {
    it(`refuses ${name}, in a time comparable to a normal document of the size`, () => {
      assert.throws(() => logoutRequestTicket(xml));
      const normal = medianMs(() => logoutRequestTicket(NORMAL));
      const hostile = medianMs(() => assert.throws(() => logoutRequestTicket(xml)));
      assert.ok(hostile <= 10 * normal + 20, `${hostile.toFixed(1)} ms, a normal one ${normal.toFixed(1)} ms`);
    });
  }

  it(`reads nesting up to ${MAX_XML_DEPTH} elements deep, not deeper`, () => {
    assert.equal(parseXml(nested(MAX_XML_DEPTH)).name, 'a');
    assert.throws(() => parseXml(nested(MAX_XML_DEPTH + 1)), /deeper/);
  });

  it('refuses malformed input rather than guessing', () => {
    for (const xml of ['', 'text', '<a>', '<a></b>', '<a b=c/>', '<a>&#0;</a>', '<a>&#xD800;</a>', '<a/>trailing']) {
      assert.throws(() => parseXml(xml), JSON.stringify(xml));
    }
  });
});
