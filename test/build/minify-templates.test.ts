/**
 * The build step that takes the indentation out of Lit templates in the standalone file
 * (scripts/minify-templates.ts). Runs in Node (`npm run test:contract`): it uses the TypeScript parser.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { minifyCss, minifyTemplates } from '../../scripts/minify-templates.js';

/** Every `.ts` file under src/. */
function sources(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every node's kind, with the text of names and non-template literals: a template's text is left out. */
function shape(code: string, file: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    const named = ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isNumericLiteral(node);
    out.push(named ? `${ts.SyntaxKind[node.kind]} ${node.text}` : ts.SyntaxKind[node.kind]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('minifyTemplates', () => {
  it('takes the indentation out of html templates, keeping line breaks and every single space', () => {
    const code = 'const a = html`<p>\n    <span>Bureau :</span>\n    ${number}\n  </p>`;';
    assert.equal(minifyTemplates(code, 'a.ts'), 'const a = html`<p>\n<span>Bureau :</span>\n${number}\n</p>`;');
    assert.equal(minifyTemplates('html`<b>a</b> <i>b</i>`', 'a.ts'), 'html`<b>a</b> <i>b</i>`');
  });

  it('reaches nested templates and leaves other strings and untagged templates alone', () => {
    const code = [
      'const s = `keep\n   this`;',
      "const q = 'and\\n   this';",
      'const t = html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}\n  </li>`)}\n</ul>`;',
    ].join('\n');
    const out = minifyTemplates(code, 'a.ts');
    assert.ok(out.includes('`keep\n   this`'));
    assert.ok(out.includes("'and\\n   this'"));
    assert.ok(out.includes('html`<ul>\n${items.map((i) => html`<li>\n${i}\n</li>`)}\n</ul>`'));
  });

  it('css: comments and spaces beside braces, semicolons and commas go; those beside colons stay', () => {
    assert.equal(
      minifyCss(
        '\n  /* why */\n  :host {\n    color: red;\n  }\n  a :hover, b > c {\n    margin: 0 1px;\n  }\n',
        true,
        true,
      ),
      '\n\n:host{\ncolor: red\n}\na :hover,b > c{\nmargin: 0 1px\n}\n',
    );
    // Next to a ${}: the space that separates it from its neighbours stays.
    assert.equal(minifyTemplates('css`a { margin: ${x} 0; }`', 'a.ts'), 'css`a{margin: ${x} 0}`');
  });

  it('leaves a piece with a backslash as it is', () => {
    const code = 'css`:host {\n  content: "\\2014";\n}`';
    assert.equal(minifyTemplates(code, 'a.ts'), code);
  });

  it("changes nothing but template text in the library's sources: the same syntax tree, the same lines", () => {
    let changed = 0;
    for (const file of sources()) {
      const code = readFileSync(file, 'utf8');
      const out = minifyTemplates(code, file);
      if (out === code) continue;
      changed++;
      assert.deepEqual(shape(out, file), shape(code, file), file);
      assert.equal(out.split('\n').length, code.split('\n').length, `${file}: lines`);
    }
    assert.ok(changed >= 5, `${changed} files changed`);
  });
});
