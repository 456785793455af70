/**
 * The documentation a newcomer follows: README.md and docs/**\/*.md. Every relative link reaches a file (and
 * the heading its anchor names), every repository path named in backticks exists, every `npm run X` is a
 * script of package.json, the README stays a front door of at most 200 lines, and the table of server
 * variables in docs/admin/configuration.md is what scripts/generate-config-docs.ts writes today.
 * Runs in Node (`npm run test:contract`).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, posix } from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_PAGE, generatedPart, regeneratedPage, ROOT } from '../../scripts/generate-config-docs.js';
import { ELEMENTS_PAGE, elementsGeneratedPart, regeneratedElementsPage } from '../../scripts/generate-elements-docs.js';

const README_MAX_LINES = 200;

/** Folders a repository path may start with; a path under one of them is checked. */
const CHECKED_FOLDERS = ['bench', 'server', 'scripts', 'docs', 'src', 'test'];

/** Paths the build writes: named by the docs, absent from a clean checkout. */
const BUILT = ['server/dist/'];

/** README.md and every Markdown file under docs/, by path from the repository's root. */
function docFiles(): Map<string, string> {
  const files = new Map<string, string>([['README.md', readFileSync(join(ROOT, 'README.md'), 'utf8')]]);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.set(path, readFileSync(join(ROOT, path), 'utf8'));
    }
  };
  walk('docs');
  return files;
}

/** The text with fenced code blocks blanked, line for line, so that line numbers still hold. */
function withoutFences(text: string): string {
  let fence: string | undefined;
  return text
    .split('\n')
    .map((line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === undefined && marker) {
        fence = marker;
        return '';
      }
      if (fence !== undefined) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
          fence = undefined;
        }
        return '';
      }
      return line;
    })
    .join('\n');
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** GitHub's anchor of a heading: its text, lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown text's headings, with GitHub's `-1`, `-2` for repeated ones. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of withoutFences(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(heading!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** Whether a repository path exists; `*`, `<name>`, `{a,b}` and `…` in a segment match any name there. */
function pathExists(path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  let candidates = [''];
  for (const segment of segments) {
    const isPattern = /[*<{…]/.test(segment);
    const pattern = new RegExp(
      `^${segment
        .replace(/[.+?^$()|[\]\\]/g, '\\$&')
        .replace(/<[^>]*>|\*|…/g, '.*')
        .replace(/\{([^}]*)\}/g, (_, list: string) => `(${list.split(',').join('|')})`)}$`,
    );
    candidates = candidates.flatMap((dir) => {
      const full = join(ROOT, dir);
      if (!isPattern) return existsSync(join(full, segment)) ? [posix.join(dir, segment)] : [];
      if (!existsSync(full)) return [];
      try {
        return readdirSync(full)
          .filter((name) => pattern.test(name))
          .map((name) => posix.join(dir, name));
      } catch {
        return [];
      }
    });
    if (candidates.length === 0) return false;
  }
  return true;
}

/**
 * What is wrong with these Markdown files: broken relative links and anchors, repository paths that do not
 * exist, `npm run` scripts that package.json does not have. Files named in `files` are read from there
 * (their headings included), every other target from the repository.
 */
export function problemsOf(files: ReadonlyMap<string, string>, scripts: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const headingsOf = (path: string): Set<string> | undefined => {
    const text = files.get(path) ?? (existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : undefined);
    return text === undefined ? undefined : anchors(text);
  };
  for (const [file, text] of files) {
    const prose = withoutFences(text);
    // Inline code is not a link: blank it before looking for links.
    const withoutCode = prose.replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
    const targets = [
      ...[...withoutCode.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
        (match) => ({ target: match[1]!, index: match.index }),
      ),
      ...[...withoutCode.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((match) => ({
        target: match[1]!,
        index: match.index,
      })),
    ];
    for (const { target, index } of targets) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
      const where = `${file}:${lineOf(text, index)}`;
      const [rawPath, anchor] = target.split('#') as [string, string | undefined];
      const path = rawPath === '' ? file : normalize(posix.join(dirname(file), decodeURI(rawPath))).replace(/\\/g, '/');
      if (path.startsWith('..')) {
        problems.push(`${where}: the link ${target} leaves the repository`);
        continue;
      }
      if (!files.has(path) && !existsSync(join(ROOT, path))) {
        problems.push(`${where}: the link ${target} points to ${path}, which does not exist`);
        continue;
      }
      if (anchor !== undefined && path.endsWith('.md') && !headingsOf(path)?.has(anchor)) {
        problems.push(`${where}: the link ${target}: ${path} has no heading whose anchor is #${anchor}`);
      }
    }
    for (const match of prose.matchAll(/`([^`\n]+)`/g)) {
      const code = match[1]!.trim();
      const folder = code.split('/')[0]!;
      if (!CHECKED_FOLDERS.includes(folder) || !/^[^\s]+\/[^\s]*$/.test(code)) continue;
      if (BUILT.some((built) => code.startsWith(built))) continue;
      if (!pathExists(code)) problems.push(`${file}:${lineOf(text, match.index)}: the path ${code} does not exist`);
    }
    for (const match of text.matchAll(/\bnpm run\s+([\w:-]+)/g)) {
      const script = match[1]!;
      if (script.startsWith('-')) continue;
      if (!scripts.has(script)) {
        problems.push(`${file}:${lineOf(text, match.index)}: npm run ${script} is not a script of package.json`);
      }
    }
  }
  return problems;
}

const packageScripts = new Set(
  Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts),
);

describe('the documentation', () => {
  const files = docFiles();

  it('has a README of at most 200 lines: a front door, the rest in docs/', () => {
    const lines = files.get('README.md')!.trimEnd().split('\n').length;
    assert.ok(lines <= README_MAX_LINES, `README.md has ${lines} lines; move the detail into docs/`);
  });

  it('links only to files and headings that exist, names only paths that exist and scripts that exist', () => {
    assert.deepEqual(problemsOf(files, packageScripts), []);
  });

  it(`has the server's current variables in ${CONFIG_PAGE} (npx tsx scripts/generate-config-docs.ts)`, async () => {
    const current = generatedPart(files.get(CONFIG_PAGE) ?? '');
    assert.ok(current, `${CONFIG_PAGE} has no generated table between its markers`);
    assert.equal(current, generatedPart(await regeneratedPage()), `${CONFIG_PAGE} is stale: regenerate it`);
  });

  it(`has the elements' current API in ${ELEMENTS_PAGE} (npx tsx scripts/generate-elements-docs.ts)`, async () => {
    const current = elementsGeneratedPart(files.get(ELEMENTS_PAGE) ?? '');
    assert.match(current, /### `<sel-phones>`/, `${ELEMENTS_PAGE} has no generated reference between its markers`);
    assert.equal(
      current,
      elementsGeneratedPart(await regeneratedElementsPage()),
      `${ELEMENTS_PAGE} is stale: run npm run build, then regenerate it`,
    );
  });
});

describe('the documentation check', () => {
  it('finds a broken link, a missing anchor, a missing path and an unknown script', () => {
    const files = new Map([
      [
        'docs/page.md',
        [
          '# A page',
          '',
          '## Second part',
          '',
          'See [the part](#second-part), [install](admin/nowhere.md) and [the top](../README.md#no-such-heading).',
          'Code in `src/no-such-file.ts` and `src/elements/<element>/`, run `npm run no-such-script`.',
          '',
          '```sh',
          '[not a link](nowhere.md) `src/ignored-in-a-fence.ts`',
          '```',
        ].join('\n'),
      ],
    ]);
    assert.deepEqual(problemsOf(files, packageScripts), [
      'docs/page.md:5: the link admin/nowhere.md points to docs/admin/nowhere.md, which does not exist',
      'docs/page.md:5: the link ../README.md#no-such-heading: README.md has no heading whose anchor is #no-such-heading',
      'docs/page.md:6: the path src/no-such-file.ts does not exist',
      'docs/page.md:6: npm run no-such-script is not a script of package.json',
    ]);
  });

  it('reads anchors as GitHub writes them', () => {
    assert.equal(slug('The `file` store: « Mon compte », step 2'), 'the-file-store--mon-compte--step-2');
    assert.deepEqual([...anchors('# A\n## A\n```\n# not a heading\n```\n### B c')], ['a', 'a-1', 'b-c']);
  });
});
