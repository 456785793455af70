/**
 * A build step for the standalone file: the whitespace of Lit's `html` and `css` templates. The bundle
 * minifier keeps template literals as written, indentation included, since they are data to it.
 *
 * Only the text between the backticks of templates tagged `html`, `svg` or `css` changes; the code is
 * parsed with TypeScript, so nested templates and `${}` are found exactly. What is changed:
 * - html/svg: a run of whitespace that holds a line break becomes its line breaks alone (the indentation
 *   goes). HTML renders a run of whitespace as one space (no element here uses `<pre>`, `<textarea>` or
 *   `white-space: pre*`), and whitespace stays wherever there was some, so text and inline elements keep
 *   their spacing.
 * - css: comments go, runs of whitespace become one space (or their line breaks), and spaces beside `{`,
 *   `}`, `;` and `,` go. Spaces beside `:` stay (`a :hover` is not `a:hover`), as does the space at
 *   either end of a piece next to a `${}`.
 * Every line break is kept, so the file keeps its lines and the source map (left to the bundler, which
 * takes the code as unchanged) still points at the right line.
 * A piece holding a backslash is left as it is: escapes are written raw and are not worth the risk.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';

type Edit = { start: number; end: number; text: string };

/** The line breaks of `text`, or one space if it has none. */
function squeeze(text: string): string {
  const breaks = text.split('\n').length - 1;
  return breaks > 0 ? '\n'.repeat(breaks) : ' ';
}

/** Only the line breaks of `text`: nothing if it has none. */
function breaksOf(text: string): string {
  return '\n'.repeat(text.split('\n').length - 1);
}

export function minifyHtml(raw: string): string {
  return raw.replace(/\s*\n\s*/g, squeeze);
}

export function minifyCss(raw: string, atStart: boolean, atEnd: boolean): string {
  let text = raw
    .replace(/\/\*[\s\S]*?\*\//g, breaksOf)
    .replace(/\s+/g, squeeze)
    .replace(/[ \n]*([{};,])[ \n]*/g, (whole: string, mark: string) => `${mark}${breaksOf(whole)}`)
    .replace(/;(\n*)}/g, '$1}');
  if (atStart) text = text.replace(/^ +/, '');
  if (atEnd) text = text.replace(/ +$/, '');
  return text;
}

/** The pieces of a template literal: their raw text's offsets, without the backticks and `${`/`}`. */
function pieces(template: ts.TemplateLiteral, source: ts.SourceFile): { start: number; end: number }[] {
  const literals: ts.Node[] = ts.isNoSubstitutionTemplateLiteral(template)
    ? [template]
    : [template.head, ...template.templateSpans.map((span) => span.literal)];
  return literals.map((literal) => {
    const start = literal.getStart(source) + 1; // after ` or }
    const closing = ts.isTemplateMiddle(literal) || ts.isTemplateHead(literal) ? 2 : 1; // ${ or `
    return { start, end: literal.getEnd() - closing };
  });
}

export function minifyTemplates(code: string, fileName: string): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      if (tag === 'html' || tag === 'svg' || tag === 'css') {
        const parts = pieces(node.template, source);
        parts.forEach(({ start, end }, index) => {
          const raw = code.slice(start, end);
          if (raw.includes('\\')) return;
          const text = tag === 'css' ? minifyCss(raw, index === 0, index === parts.length - 1) : minifyHtml(raw);
          if (text !== raw) edits.push({ start, end, text });
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** The Vite plugin: the library's own TypeScript sources, before they are compiled. */
export function minifyLitTemplates(): Plugin {
  return {
    name: 'sel-widgets:minify-lit-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const minified = minifyTemplates(code, id);
      return minified === code ? null : { code: minified, map: null };
    },
  };
}
