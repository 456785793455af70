/**
 * One directory entry as the store reads it: every attribute a list of strings, found by its name in any
 * case. ldapts gives an absent attribute as `[]`, one value as a string, several as an array, and binary
 * values as Buffers; the mapping should not care.
 */
import type { Entry } from 'ldapts';

export class DirectoryEntry {
  constructor(
    readonly dn: string,
    private readonly raw: Record<string, unknown>,
  ) {}

  static from(entry: Entry): DirectoryEntry {
    return new DirectoryEntry(entry.dn, entry);
  }

  all(name: string): string[] {
    const value = this.valueOf(name);
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map(text);
  }

  first(name: string): string | undefined {
    const value = this.valueOf(name);
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : text(first);
  }

  private valueOf(name: string): unknown {
    const lower = name.toLowerCase();
    // `dn` is ldapts' own key, not an attribute.
    const key = Object.keys(this.raw).find((key) => key !== 'dn' && key.toLowerCase() === lower);
    return key === undefined ? undefined : this.raw[key];
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

function text(value: unknown): string {
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

/** LDAP GeneralizedTime (`20260314093000Z`, `20260314093000.123Z`) → a Date, or undefined. */
export function parseGeneralizedTime(value: string | undefined): Date | undefined {
  const match = value?.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d+))?Z$/);
  if (!match) return undefined;
  const [, year, month, day, hour, minute = '0', second = '0', fraction = '0'] = match;
  const ms = Math.round(Number(`0.${fraction}`) * 1000);
  return new Date(Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute, +second, ms));
}
