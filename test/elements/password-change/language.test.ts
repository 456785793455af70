/**
 * The element in English, through a whole change, and a form that follows a change of the page's language
 * while it is open, both ways, keeping what was typed.
 */
import { expect } from '@open-wc/testing';
import { DEMO_PASSWORD } from '../../../src/mocks/demo-account.js';
import { getByRole, visibleText, waitFor } from '../../helpers/queries.js';
import { alertText, button, describedText, fill, focused, retype, textbox } from '../../helpers/section.js';
import {
  EN,
  FR,
  fillForm,
  inputs,
  loaded,
  meterText,
  openForm,
  dictionariesLoadedFirst,
  passwordTestSetup,
  ruleLine,
  submit,
  summary,
} from './support.js';

passwordTestSetup();
dictionariesLoadedFirst('fr', 'en');

describe('language', () => {
  it('speaks English with lang="en", through the whole change', async () => {
    const { el, setup } = await loaded({ lang: 'en' });
    expect(getByRole(el.shadowRoot!, 'heading').textContent!.trim()).to.equal('Authentication');
    expect(visibleText(el)).to.contain('Password last changed: 14 March 2026.');
    expect(visibleText(el)).to.contain(
      'Protect your account with a strong password, changed regularly. Never share it with anyone, and log out every time you leave your workstation.',
    );
    await openForm(el, EN);
    expect(focused()).to.equal(`input: ${EN.current}`);
    expect(button(el, `Show password (${EN.new})`).getAttribute('aria-pressed')).to.equal('false');
    expect(button(el, EN.cancel)).to.exist;
    expect(visibleText(el)).to.contain('Rules for the new password');
    await retype(el, inputs(el, EN).new, 'azerty');
    await waitFor(() => expect(visibleText(el)).to.contain('This is a commonly used password.'));
    expect(meterText(el)).to.equal('Very weak');
    expect(ruleLine(el, 'too_short')).to.equal('✗ At least 12 characters: not met');
    await waitFor(() => expect(summary(el)).to.match(/^\d+ of 9 rules met\. Strength: Very weak\.$/), 3000);
    await expect(el).to.be.accessible();

    await fillForm(el, { current: 'wrong-one' }, EN);
    await submit(el, EN);
    await waitFor(() =>
      expect(describedText(inputs(el, EN).current)).to.contain('The current password you typed is wrong.'),
    );
    setup.backend.setFault('password', { kind: 'rate_limited', retryAfterSeconds: 30, once: true });
    await fill(el, inputs(el, EN).current, DEMO_PASSWORD);
    await submit(el, EN);
    await waitFor(() => expect(alertText(el)).to.equal('Too many attempts. You can try again in 30 s.'));
    expect(button(el, EN.save).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  }).timeout(20000);

  it('says the change is done in English', async () => {
    const { el } = await loaded({ lang: 'en' });
    await openForm(el, EN);
    await fillForm(el, {}, EN);
    await submit(el, EN);
    await waitFor(() => expect(focused()).to.match(new RegExp(`^status: ${EN.saved} From now on`)));
    expect(button(el, EN.close)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('follows a change of language with the form open: labels, checklist and advice', async () => {
    const { el } = await loaded({ lang: 'fr' });
    await openForm(el);
    await retype(el, inputs(el).new, 'azerty');
    await waitFor(() => expect(visibleText(el)).to.contain('Ce mot de passe est couramment utilisé.'));
    el.setAttribute('lang', 'en');
    await waitFor(() => textbox(el, EN.new));
    expect(inputs(el, EN).new.value).to.equal('azerty');
    await waitFor(() => expect(visibleText(el)).to.contain('This is a commonly used password.'), 8000);
    expect(visibleText(el)).not.to.contain('couramment');
    expect(ruleLine(el, 'too_short')).to.equal('✗ At least 12 characters: not met');
  }).timeout(12000);

  it('follows a live language switch both ways with no message key on screen', async () => {
    const { el } = await loaded({ lang: 'en' });
    await openForm(el, EN);
    expect(visibleText(el)).to.contain('Rules for the new password');

    el.lang = 'fr';
    await waitFor(() => textbox(el, FR.current));
    for (const name of [FR.new, FR.confirm]) expect(textbox(el, name)).to.exist;
    expect(visibleText(el)).to.contain('Règles du nouveau mot de passe');
    expect(visibleText(el), 'a message key on screen').not.to.match(/\bpassword\.[a-zA-Z]/);

    el.lang = 'en';
    await waitFor(() => textbox(el, EN.new));
    expect(visibleText(el)).to.contain('Rules for the new password');
    expect(visibleText(el), 'a message key on screen').not.to.match(/\bpassword\.[a-zA-Z]/);
    await expect(el).to.be.accessible();
  });
});
