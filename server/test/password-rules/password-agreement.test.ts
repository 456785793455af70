/**
 * The server and `<sel-password-change>` agree on passwords: for each password of the table, the rules the
 * element's checklist marks as not met (with the meter's zxcvbn score, computed by the same scorer and
 * user inputs) are exactly the server's violations. A password the form lets through is one the server
 * accepts; one the form blocks is one the server refuses for the same reasons.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildChecklist, loadStrengthScorer, type Account } from 'sel-widgets/core';
import { passwordViolations, strengthUserInputs } from '../../src/service/password-rules.js';
import { readSeed, DEMO_SEED_FILE } from '../../src/store/file/seed.js';

const CURRENT = 'Poitiers-2026!';

/** password, and whether both must accept it */
const TABLE: Array<[string, boolean]> = [
  ['Velo-Rouge-Tuba-93!', true],
  ['Grenouille#Violette-2031', true],
  ['Tour-Eiffel-Paris-1889!', true],
  ['Password123!', false],
  ['Claire-Martin-2026!', false],
  ['cmartin-Velo-93!', false],
  ['Poitiers-2026!', false],
  ['court', false],
  ['sans-majuscule-93!', false],
  ['SANS-MINUSCULE-93!', false],
  ['Sans-Chiffre-Velo!', false],
  ['SansSpecial93Velo', false],
  ['Guillemet"Velo-93', false],
  ['Très-Long-'.repeat(8), false],
  ['Hélène-Côté-Mûre-93!', true],
];

async function demoAccount(): Promise<Account> {
  return (await readSeed(DEMO_SEED_FILE))[0]!.account;
}

describe('the server and the password form agree', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`on every password of the table (${language})`, async () => {
      const account = await demoAccount();
      const scorer = await loadStrengthScorer(language);
      for (const [password, accepted] of TABLE) {
        const score = scorer.score(password, strengthUserInputs(account, CURRENT)).score;
        const checklist = buildChecklist({
          policy: account.passwordPolicy,
          personal: account,
          newPassword: password,
          currentPassword: CURRENT,
          score,
          strengthStatus: 'ready',
          serverViolations: [],
        });
        const unmet = checklist.filter((item) => item.state === 'unmet').map((item) => item.rule);
        const server = await passwordViolations(password, CURRENT, account, language);
        assert.deepEqual(server, unmet, `${password}: server ${server.join(',')} / form ${unmet.join(',')}`);
        assert.equal(server.length === 0, accepted, `${password} (score ${score}): ${server.join(', ')}`);
      }
    });
  }
});
