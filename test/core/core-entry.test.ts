/**
 * `sel-widgets/core` is what a server imports: it must load and work in Node, where there is no DOM at all,
 * and give the verdicts the elements give. Runs in Node (`npm run test:contract`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as core from '../../src/core.js';
import { demoAccount as makeDemoAccount } from '../../src/mocks/demo-account.js';

const demoAccount = makeDemoAccount();

describe('sel-widgets/core in Node', () => {
  it('runs without any DOM global', () => {
    for (const name of ['window', 'document', 'HTMLElement', 'customElements']) {
      assert.equal(name in globalThis, false, `${name} must not exist in this test's runtime`);
    }
  });

  it('parses the wire types with the same schemas as the elements', () => {
    assert.equal(core.accountSchema.safeParse(demoAccount).success, true);
    assert.equal(core.accountPatchSchema.safeParse({ website: 'https://example.fr' }).success, true);
    assert.equal(core.accountPatchSchema.safeParse({ website: 'x', redList: true }).success, false);
    assert.equal(core.passwordChangeSchema.safeParse({ currentPassword: 'a', newPassword: 'b' }).success, true);
  });

  it('names every policy violation code of the contract', () => {
    assert.deepEqual([...core.POLICY_VIOLATION_CODES].sort(), [
      'breached',
      'contains_personal_info',
      'forbidden_chars',
      'in_history',
      'low_entropy',
      'missing_digit',
      'missing_lower',
      'missing_special',
      'missing_upper',
      'not_enough_classes',
      'too_long',
      'too_short',
      'too_weak',
      'too_young',
    ]);
  });

  it('checks a password against the policy as the checklist does', () => {
    const policy = demoAccount.passwordPolicy;
    assert.ok(core.policyViolations('court', policy, demoAccount).includes('too_short'));
    assert.ok(
      core.policyViolations(`${demoAccount.uid}-Velo-93!`, policy, demoAccount).includes('contains_personal_info'),
    );
    const items = core.buildChecklist({
      policy,
      personal: demoAccount,
      newPassword: 'court',
      currentPassword: '',
      score: undefined,
      strengthStatus: 'idle',
      serverViolations: [],
    });
    assert.ok(items.some((item) => item.rule === 'too_short' && item.state === 'unmet'));
  });

  it('scores strength with the French and English dictionaries', async () => {
    const fr = await core.loadStrengthScorer('fr');
    assert.ok(fr.score('azerty123').score <= 1, 'a keyboard walk with digits is weak');
    assert.ok(fr.score('soleil2026').score <= 2, 'a French word and a year is weak');
    assert.equal(fr.score('Tuba-Velo-Rouge-Quai-93!').score, 4);
    assert.equal(core.isStrengthScorerLoaded('fr'), true);
    const en = await core.loadStrengthScorer('en');
    assert.ok(en.score('password1').score <= 1);
  });

  it('checks a website as the elements do', () => {
    assert.equal(core.checkWebsite('https://example.fr').ok, true);
    assert.equal(core.checkWebsite('javascript:alert(1)').ok, false);
  });
});
