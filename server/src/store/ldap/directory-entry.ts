/**
 * One directory entry as the store reads it: every attribute a list of strings under its lower-case name.
 * ldapts gives an absent attribute as `[]`, one value as a string, several as an array, and binary values
 * as Buffers; the mapping should not care.
 */
import type { Entry } from 'ldapts';

export class DirectoryEntry {
  private readonly attributes = new Map<string, string[]>();

  constructor(
    readonly dn: string,
    raw: Record<string, unknown>,
  ) {
    for (const [name, value] of Object.entries(raw)) {
      if (name === 'dn') continue;
      const list = Array.isArray(value) ? value : [value];
      this.attributes.set(
        name.toLowerCase(),
        list.map((item) => (Buffer.isBuffer(item) ? item.toString('utf8') : String(item))),
      );
    }
  }

  static from(entry: Entry): DirectoryEntry {
    return new DirectoryEntry(entry.dn, entry);
  }

  all(name: string): string[] {
    return this.attributes.get(name.toLowerCase()) ?? [];
  }

  first(name: string): string | undefined {
    return this.all(name)[0];
  }

  number(name: string): number | undefined {
    const value = this.first(name);
    if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
    return Number(value);
  }

  boolean(name: string): boolean | undefined {
    const value = this.first(name)?.toUpperCase();
    if (value === 'TRUE') return true;
    if (value === 'FALSE') return false;
    return undefined;
  }
}

/** LDAP GeneralizedTime (`20260314093000Z`, `20260314093000.123Z`) → a Date, or undefined. */
export function parseGeneralizedTime(value: string | undefined): Date | undefined {
  const match = value?.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d+))?Z$/);
  if (!match) return undefined;
  const [, year, month, day, hour, minute = '0', second = '0', fraction = '0'] = match;
  const ms = Math.round(Number(`0.${fraction}`) * 1000);
  return new Date(Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute, +second, ms));
}
