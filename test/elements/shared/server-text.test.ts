/**
 * Server text is isolated from the text around it: a right-to-left override (U+202E) in a display name,
 * title, structure, directory contact or problem detail reorders only itself.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { SelGeneralInfo } from '../../../src/index.js';
import { imperfectBackend } from '../../helpers/imperfect-backend.js';
import { visibleText, waitFor } from '../../helpers/queries.js';
import { sectionTestSetup } from '../../helpers/section.js';

const RLO = '\u202E';

/** The element holding the text node that contains `text`, in a shadow root. */
function holderOf(root: ShadowRoot, text: string): Element {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.includes(text)) return node.parentElement!;
  }
  throw new Error(`no text ${JSON.stringify(text)}`);
}

/** The text node holding `text`, in a shadow root. */
function textNodeWith(root: ShadowRoot, text: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.includes(text)) return node as Text;
  }
  throw new Error(`no text ${JSON.stringify(text)}`);
}

/** Where the character at `index` of a text node is drawn, from the left. */
function drawnAt(node: Text, index: number): number {
  const range = document.createRange();
  range.setStart(node, index);
  range.setEnd(node, index + 1);
  return range.getBoundingClientRect().left;
}

/** Whether `words`, inside a text node, are drawn left to right as written (not reversed by a bidi control). */
function drawnInOrder(node: Text, words: string): boolean {
  const start = node.data.indexOf(words);
  if (start < 0) throw new Error(`no ${JSON.stringify(words)} in ${JSON.stringify(node.data)}`);
  return drawnAt(node, start) < drawnAt(node, start + words.length - 1);
}

describe('server text, isolated', () => {
  sectionTestSetup();

  it('sits in its own bidi isolate in « Informations générales »', async () => {
    const { adapter } = imperfectBackend({
      body: {
        displayName: `Claire ${RLO}Martin`,
        title: `Ingénieure ${RLO}systèmes`,
        structures: [{ code: 'IMED', label: `I-médias ${RLO}DSI` }],
        directoryContact: { name: `Correspondant ${RLO}annuaire`, email: 'annuaire@univ-exemple.fr' },
      },
    });
    const el = await fixture<SelGeneralInfo>(html`<sel-general-info .adapter=${adapter}></sel-general-info>`);
    await waitFor(() => expect(visibleText(el)).to.contain('Claire'));
    for (const text of [`${RLO}Martin`, `${RLO}systèmes`, `${RLO}DSI`, `${RLO}annuaire`]) {
      const holder = holderOf(el.shadowRoot!, text);
      expect(getComputedStyle(holder).unicodeBidi, text).to.equal('isolate');
    }
  });

  it('inside a sentence of ours: a right-to-left override in the value cannot reverse the words after it', async () => {
    const { adapter } = imperfectBackend({
      body: { affiliations: [`invité ${RLO}externe`], primaryAffiliation: `invité ${RLO}externe` },
    });
    const el = await fixture<SelGeneralInfo>(html`<sel-general-info .adapter=${adapter}></sel-general-info>`);
    await waitFor(() => expect(visibleText(el)).to.contain('affiliation principale'));
    const sentence = textNodeWith(el.shadowRoot!, 'affiliation principale');
    expect(sentence.data).to.equal(`\u2068invité ${RLO}externe\u2069 (affiliation principale)`);
    expect(drawnInOrder(sentence, '(affiliation principale)'), 'the words of the sentence read left to right').to.be
      .true;
  });

  it('is bounded: a megabyte of display name shows a few hundred characters', async () => {
    const { adapter } = imperfectBackend({ body: { displayName: 'Claire '.repeat(150_000) } });
    const el = await fixture<SelGeneralInfo>(html`<sel-general-info .adapter=${adapter}></sel-general-info>`);
    await waitFor(() => expect(visibleText(el)).to.contain('Claire'));
    expect(holderOf(el.shadowRoot!, 'Claire').textContent!.length).to.be.below(1000);
  });
});
