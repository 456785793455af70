/**
 * The website a PATCH may store: the library's own check (http(s) only, bounded length, normalised), and
 * only an exact URL: a server does not add a missing `https://` for the client as the form does.
 */
import { checkWebsite } from 'sel-widgets/core';
import { ValidationError } from '../domain/errors.js';

export function normaliseWebsite(website: string | null): string | null {
  if (website === null || website.trim() === '') return null;
  const check = checkWebsite(website);
  if (check.ok && check.value !== null && !check.suggested) return check.value;
  throw new ValidationError([{ field: 'website', code: check.ok ? 'unsupported_scheme' : check.problem }]);
}
