#!/usr/bin/env node
/**
 * `node …/sel-widgets-server/dist/mail/write-templates.js DIR`: writes the built-in mail templates into DIR,
 * the starting point of an administrator's own. Files already there are kept: a second run never erases
 * edits. Then delete the files you do not change, so that they keep following the server's updates.
 */
import { realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInTemplateFiles } from './templates/load-templates.js';

/** Writes every built-in template file missing from `dir`; returns the names written and those kept. */
export async function writeBuiltInTemplates(dir: string): Promise<{ written: string[]; kept: string[] }> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  for (const [name, content] of builtInTemplateFiles()) {
    try {
      await writeFile(join(dir, name), content, { flag: 'wx', mode: 0o644 });
      written.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      kept.push(name);
    }
  }
  return { written, kept };
}

// Run as a command, not imported (by the tests).
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const dir = process.argv[2];
  if (!dir || dir.startsWith('-')) {
    process.stderr.write('usage: write-templates.js DIR   (writes the built-in mail templates into DIR)\n');
    process.exitCode = 2;
  } else {
    writeBuiltInTemplates(dir).then(
      ({ written, kept }) => {
        process.stdout.write(`${written.length} file(s) written in ${dir}, ${kept.length} already there kept.\n`);
      },
      (error: unknown) => {
        process.stderr.write(`write-templates: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
