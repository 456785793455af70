/**
 * The English catalog as a chunk of its own (named apart from the English password dictionary's chunk):
 * French pages, the usual case, never download it. See catalogs.ts.
 */
export { en } from './en.js';
