/**
 * Names and looks of the actions, as a screen-reader user and a sighted user meet them: three « Modifier… »
 * that say what they edit, one look for every button that opens a form, « Supprimer » beside its number
 * and in the destructive colour, and « Valider » that stays under the pointer while a message appears.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/index.js';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { accessibilityTree, type AxNode } from '../../helpers/a11y-tree.js';
import { mockBackend } from '../../helpers/mock-backend.js';
import { queryAllByRole, waitFor } from '../../helpers/queries.js';
import { button, pause, sectionTestSetup, textbox } from '../../helpers/section.js';

const TAGS = ['sel-general-info', 'sel-phones', 'sel-redlist', 'sel-password-change'];
const OPEN = /^(Modifier…|Changer de mot de passe…)/;

function all(node: AxNode): AxNode[] {
  return [node, ...(node.children ?? []).flatMap(all)];
}

async function page(): Promise<HTMLElement[]> {
  const setup = await mockBackend();
  const main = await fixture(html`<main></main>`);
  const sections = TAGS.map((tag) => {
    const el = document.createElement(tag);
    el.setAttribute('api-base', setup.apiBase);
    el.lang = 'fr';
    main.append(el);
    return el;
  });
  await waitFor(() => expect(queryAllByRole(main, 'button', OPEN)).to.have.length(4), 8000);
  return sections;
}

function look(element: Element): Record<string, string> {
  const style = getComputedStyle(element);
  const keys = ['height', 'borderTopWidth', 'borderTopStyle', 'backgroundColor', 'textDecorationLine', 'paddingTop'];
  return Object.fromEntries(
    keys.map((key) => [key, style.getPropertyValue(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))]),
  );
}

describe('names and looks of actions', () => {
  before(() => setViewport({ width: 1280, height: 900 }));
  sectionTestSetup();

  it('each « Modifier… » says what it edits, keeping its visible text first', async () => {
    await page();
    const names = all(await accessibilityTree())
      .filter((node) => node.role === 'button' && /^Modifier…/.test(node.name ?? ''))
      .map((node) => node.name);
    expect(names).to.deep.equal([
      'Modifier… (site web)',
      'Modifier… (numéros de téléphone)',
      'Modifier… (liste rouge)',
    ]);
  });

  it('every button that opens a form looks the same', async () => {
    const sections = await page();
    const [first, ...others] = sections.map((el) => look(button(el, OPEN)));
    expect(Number.parseFloat(first!.height!), 'a 40 px target at least').to.be.at.least(40);
    for (const other of others) expect(other).to.deep.equal(first);
  });

  it('« Supprimer » sits beside its number, in the destructive colour, unlike « Ajouter un numéro »', async () => {
    const sections = await page();
    const phones = sections[1]!;
    button(phones, OPEN).click();
    // The form comes with the phone rules, downloaded on « Modifier… »: slow on a loaded machine.
    const input = await waitFor(() => textbox(phones, /^Numéro 1 /), 8000);
    const remove = button(phones, /^Supprimer/);
    const add = button(phones, 'Ajouter un numéro');
    const gap = remove.getBoundingClientRect().left - input.getBoundingClientRect().right;
    expect(gap, 'px between the number and « Supprimer »').to.be.within(0, 32);
    expect(getComputedStyle(remove).color).to.equal('rgb(206, 5, 0)');
    expect(getComputedStyle(remove).borderTopColor).to.equal('rgb(206, 5, 0)');
    expect(getComputedStyle(add).color).to.not.equal(getComputedStyle(remove).color);
  });

  it('the password mismatch does not push « Valider » away between the press and the release', async () => {
    const sections = await page();
    const password = sections[3]!;
    button(password, OPEN).click();
    const current = await waitFor(() => textbox(password, 'Ancien mot de passe'));
    const next = textbox(password, 'Nouveau mot de passe');
    const confirm = textbox(password, 'Confirmation du nouveau mot de passe');
    current.focus();
    await sendKeys({ type: DEMO_PASSWORD });
    next.focus();
    await sendKeys({ type: 'Velo-Rouge-Tuba-93!' });
    confirm.focus();
    await sendKeys({ type: 'Velo-Rouge-Tuba-39!' });
    const save = button(password, 'Valider');
    save.scrollIntoView({ block: 'center' });
    const before = save.getBoundingClientRect();
    const position: [number, number] = [Math.round(before.left + 5), Math.round(before.top + before.height / 2)];
    await sendMouse({ type: 'move', position });
    await sendMouse({ type: 'down' });
    await pause(100);
    expect(save.getBoundingClientRect().top, '« Valider » under the pointer').to.equal(before.top);
    await sendMouse({ type: 'up' });
    // The click landed: the submit says what is wrong, on the confirmation field.
    await waitFor(() => expect(confirm.getAttribute('aria-invalid')).to.equal('true'), 5000);
  });
});
