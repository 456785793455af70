/**
 * A yes/no variable as administrators write it (`true`, `1`, `yes` or `false`, `0`, `no`, any case);
 * `undefined` when it is absent, and a problem named when it is anything else.
 */
export function readBoolean(text: string | undefined, name: string, problems: string[]): boolean | undefined {
  if (text === undefined) return undefined;
  if (/^(true|1|yes)$/i.test(text)) return true;
  if (/^(false|0|no)$/i.test(text)) return false;
  problems.push(`${name} must be true or false (got "${text}").`);
  return undefined;
}
