/**
 * The phone rules as the edit form calls them, each answer kept for the next call with the same arguments.
 *
 * A keystroke in one row checks every row again (a duplicate depends on all of them), three times over
 * (before the change, after it, and in the render), and the help under the form writes its example number
 * at every render. Reading a number written nationally tries each region of the French numbering plan in
 * turn, close to a millisecond of script: without the memory, a key typed in one row paid for reading
 * every other row's unchanged number again, several times.
 */

/** How many answers are kept per rule: a form holds at most ten rows, and each row a few drafts back. */
const KEPT = 64;

/**
 * `rule` with a memory of its last KEPT answers, by its arguments. Only for pure functions of strings
 * whose answers nobody changes (the answer is shared by every caller); the answer asked for least recently goes first.
 */
export function remembered<Args extends readonly (string | undefined)[], Result>(
  rule: (...args: Args) => Result,
): (...args: Args) => Result {
  const answers = new Map<string, Result>();
  return (...args: Args): Result => {
    const key = JSON.stringify(args);
    if (answers.has(key)) {
      const kept = answers.get(key) as Result;
      // Asked again: now the most recent, so that typing in one row never pushes the other rows' answers out.
      answers.delete(key);
      answers.set(key, kept);
      return kept;
    }
    const answer = rule(...args);
    if (answers.size >= KEPT) answers.delete(answers.keys().next().value as string);
    answers.set(key, answer);
    return answer;
  };
}
