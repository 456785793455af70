/**
 * An administrator's templates, as docs/admin/mail.md tells how to write them: the built-in ones written
 * out as a starting point, a file replacing the built-in mail of the same name, and every mistake (an
 * unknown placeholder, a remote image, a missing code, a file without its pair, a misspelt name) refused at
 * start with the file named.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  BUILT_IN_TEMPLATES,
  MailTemplateError,
  confirmationCodeMail,
  loadMailTemplates,
} from '../../src/mail/index.js';
import { writeBuiltInTemplates } from '../../src/mail/write-templates.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sel-mail-templates-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function problemsOf(templatesDir: string): Promise<string[]> {
  try {
    await loadMailTemplates(templatesDir);
  } catch (error) {
    assert.ok(error instanceof MailTemplateError);
    return error.problems;
  }
  assert.fail('the templates were accepted');
}

const CODE_TEXT = 'Subject: Votre code\n\nBonjour {{name}}, voici votre code : {{code}}.\n';
const CODE_HTML =
  '<!DOCTYPE html><html lang="fr"><body><p>Bonjour {{name}}, voici votre code : <b>{{code}}</b>.</p></body></html>\n';

describe('mail templates', () => {
  it('are the built-in ones without a directory', async () => {
    assert.equal(await loadMailTemplates(undefined), BUILT_IN_TEMPLATES);
  });

  it('written out by write-templates, read back as the built-in ones; a second run keeps the edits', async () => {
    const first = await writeBuiltInTemplates(dir);
    assert.equal(first.written.length, 20, 'five mails, two languages, two files each');
    assert.deepEqual(await loadMailTemplates(dir), BUILT_IN_TEMPLATES);
    await writeFile(join(dir, 'confirmation-code.fr.txt'), CODE_TEXT);
    const second = await writeBuiltInTemplates(dir);
    assert.deepEqual(second.written, []);
    assert.equal(await readFile(join(dir, 'confirmation-code.fr.txt'), 'utf8'), CODE_TEXT);
  });

  it('write-templates runs as a command, as the documentation shows', async () => {
    const script = fileURLToPath(new URL('../../src/mail/write-templates.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, dir]);
    assert.match(stdout, /20 file\(s\) written/);
    assert.equal((await readdir(dir)).length, 20);
  });

  it('replace the built-in mail of the same name and language only, values escaped in the HTML', async () => {
    await writeFile(join(dir, 'confirmation-code.fr.txt'), CODE_TEXT.replace(/\n/g, '\r\n'));
    await writeFile(join(dir, 'confirmation-code.fr.html'), CODE_HTML);
    await writeFile(join(dir, '.keep'), '');
    const templates = await loadMailTemplates(dir);
    const input = { name: '<Camille>', address: 'camille@exemple.org', code: '482913' };
    const fr = confirmationCodeMail({ language: 'fr', ...input }, { templates });
    assert.deepEqual(fr, {
      subject: 'Votre code',
      text: 'Bonjour <Camille>, voici votre code : 482 913.\n',
      html: '<!DOCTYPE html><html lang="fr"><body><p>Bonjour &#60;Camille&#62;, voici votre code : <b>482 913</b>.</p></body></html>\n',
    });
    const en = confirmationCodeMail({ language: 'en', ...input }, { templates });
    assert.equal(en.subject, 'Confirm your recovery address', 'English keeps the built-in mail');
  });

  it('are refused with the file named: unknown placeholder, remote content, missing code', async () => {
    await writeFile(join(dir, 'confirmation-code.fr.txt'), 'Subject: Code\n\nBonjour {{nom}}.\n');
    await writeFile(
      join(dir, 'confirmation-code.fr.html'),
      '<html><head><link rel="stylesheet" href="https://cdn.example/a.css"></head>' +
        '<body style="background:url(https://cdn.example/b.png)"><img src="https://cdn.example/logo.png">{{code}}</body></html>',
    );
    const problems = await problemsOf(dir);
    const file = join(dir, 'confirmation-code.fr.*');
    assert.deepEqual(problems, [
      `${file}: {{nom}} is not a placeholder of confirmation-code (it has name, address, code, minutes, notMe)`,
      `${file}: the text part must show {{code}}`,
      `${file}: the HTML loads a remote resource (src=…)`,
      `${file}: the HTML links a style sheet or font (<link>)`,
      `${file}: the HTML loads a resource from CSS (url(…))`,
    ]);
  });

  it('are refused when a file misses its pair, has no subject line, or is not a template', async () => {
    await writeFile(join(dir, 'password-changed.en.txt'), 'Subject: Changed\n\n{{name}}\n');
    await writeFile(join(dir, 'reset-link.fr.txt'), 'Bonjour {{name}}\n\n{{link}}\n');
    await writeFile(join(dir, 'reset-link.fr.html'), '<p>{{link}}</p>');
    await writeFile(join(dir, 'confirmation-code.de.txt'), 'Subject: Code\n\n{{code}}\n');
    const problems = await problemsOf(dir);
    assert.deepEqual(problems.sort(), [
      `${join(dir, 'confirmation-code.de.txt')}: not a template file (they are named like confirmation-code.fr.txt)`,
      `${join(dir, 'password-changed.en.html')}: missing; the text and HTML files of a mail are replaced together`,
      `${join(dir, 'reset-link.fr.txt')}: must start with a line "Subject: …" and an empty line, then the text`,
    ]);
  });

  it('are refused when the directory cannot be read', async () => {
    assert.deepEqual(await problemsOf(join(dir, 'missing')), [
      `${join(dir, 'missing')}: cannot read the directory (ENOENT)`,
    ]);
  });

  it('keep an embedded image (data:) and links, which load nothing', async () => {
    await writeFile(join(dir, 'reset-link.en.txt'), 'Subject: Reset\n\n{{link}}\n');
    await writeFile(
      join(dir, 'reset-link.en.html'),
      '<img alt="" src="data:image/png;base64,iVBORw0KGgo="><a href="{{link}}">Reset</a> <a href="https://www.univ-exemple.fr">Site</a>',
    );
    await loadMailTemplates(dir);
  });
});
