/**
 * The templates the server sends: the built-in ones, each replaced by an administrator's file of the same
 * name when a templates directory is given. The files are read and checked once, at start, so that a typo
 * in a placeholder or a remote image stops the server with the file named instead of breaking a mail later.
 *
 * Files, for each mail and language (`confirmation-code.fr.txt`, `confirmation-code.fr.html`, …):
 * - `<mail>.<language>.txt`: a first line `Subject: …`, an empty line, then the text part;
 * - `<mail>.<language>.html`: the HTML part, a whole document.
 * The two files of one mail and language go together: replacing only one would leave the parts saying
 * different things.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENGLISH } from './built-in-en.js';
import { FRENCH } from './built-in-fr.js';
import {
  MAIL_KINDS,
  MAIL_LANGUAGES,
  MailTemplateError,
  templateProblems,
  type MailKind,
  type MailLanguage,
  type MailTemplate,
  type MailTemplates,
} from './template.js';

export const BUILT_IN_TEMPLATES: MailTemplates = Object.freeze({
  'confirmation-code': { fr: FRENCH['confirmation-code'], en: ENGLISH['confirmation-code'] },
  'password-changed': { fr: FRENCH['password-changed'], en: ENGLISH['password-changed'] },
  'password-reset': { fr: FRENCH['password-reset'], en: ENGLISH['password-reset'] },
  'address-removed': { fr: FRENCH['address-removed'], en: ENGLISH['address-removed'] },
  'reset-link': { fr: FRENCH['reset-link'], en: ENGLISH['reset-link'] },
});

const SUBJECT_LINE = /^Subject:[ \t]*(.*)$/;

/** The names of the two files of a mail in a language. */
export function templateFileNames(kind: MailKind, language: MailLanguage): { text: string; html: string } {
  return { text: `${kind}.${language}.txt`, html: `${kind}.${language}.html` };
}

/** The content of the two files that hold `template`, as `loadMailTemplates` reads them back. */
export function templateFiles(template: MailTemplate): { text: string; html: string } {
  return { text: `Subject: ${template.subject}\n\n${template.text}`, html: template.html };
}

/** Every built-in template as files, by name: a starting point for an administrator's own. */
export function builtInTemplateFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of MAIL_KINDS) {
    for (const language of MAIL_LANGUAGES) {
      const names = templateFileNames(kind, language);
      const contents = templateFiles(BUILT_IN_TEMPLATES[kind][language]);
      files.set(names.text, contents.text);
      files.set(names.html, contents.html);
    }
  }
  return files;
}

/**
 * The built-in templates with those of `dir` in their place; `dir` undefined: the built-in ones. Throws a
 * `MailTemplateError` naming every file at fault.
 */
export async function loadMailTemplates(dir: string | undefined): Promise<MailTemplates> {
  if (dir === undefined) return BUILT_IN_TEMPLATES;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new MailTemplateError([`${dir}: cannot read the directory (${(error as NodeJS.ErrnoException).code})`]);
  }
  const problems: string[] = [];
  const present = new Set(names);
  const known = new Set(builtInTemplateFiles().keys());
  for (const name of names) {
    // A misspelt file would otherwise be ignored in silence, and the built-in mail sent instead.
    if (!known.has(name) && !name.startsWith('.')) {
      problems.push(`${join(dir, name)}: not a template file (they are named like confirmation-code.fr.txt)`);
    }
  }
  const templates: Record<string, Record<string, MailTemplate>> = {};
  for (const kind of MAIL_KINDS) {
    templates[kind] = {};
    for (const language of MAIL_LANGUAGES) {
      const files = templateFileNames(kind, language);
      const builtIn = BUILT_IN_TEMPLATES[kind][language];
      const hasText = present.has(files.text);
      const hasHtml = present.has(files.html);
      if (!hasText && !hasHtml) {
        templates[kind][language] = builtIn;
        continue;
      }
      if (hasText !== hasHtml) {
        const missing = hasText ? files.html : files.text;
        problems.push(`${join(dir, missing)}: missing; the text and HTML files of a mail are replaced together`);
        continue;
      }
      const template = await readTemplate(join(dir, files.text), join(dir, files.html), problems);
      if (template) {
        problems.push(...templateProblems(kind, template, join(dir, `${kind}.${language}.*`)));
        templates[kind][language] = template;
      }
    }
  }
  if (problems.length > 0) throw new MailTemplateError(problems);
  return Object.freeze(templates) as unknown as MailTemplates;
}

async function readTemplate(textFile: string, htmlFile: string, problems: string[]): Promise<MailTemplate | undefined> {
  const read = async (file: string): Promise<string | undefined> => {
    try {
      // Files written on Windows are welcome: the mail is assembled with its own line ends.
      return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    } catch (error) {
      problems.push(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code})`);
      return undefined;
    }
  };
  const [text, html] = [await read(textFile), await read(htmlFile)];
  if (text === undefined || html === undefined) return undefined;
  const [first = '', blank, ...body] = text.split('\n');
  const subject = SUBJECT_LINE.exec(first)?.[1];
  if (subject === undefined || blank !== '') {
    problems.push(`${textFile}: must start with a line "Subject: …" and an empty line, then the text`);
    return undefined;
  }
  return { subject: subject.trim(), text: body.join('\n'), html };
}
