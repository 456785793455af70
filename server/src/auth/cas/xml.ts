/**
 * A small, strict XML reader for the two documents CAS sends us: the `serviceValidate` answer and the SAML
 * `LogoutRequest` of single logout. Elements, attributes, text, CDATA, comments and the five predefined
 * and numeric entities; a DOCTYPE is refused (no entity expansion), and anything malformed throws.
 * Names keep their prefix; `localName` drops it, since prefixes vary between servers.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export class XmlError extends Error {}

function decode(text: string): string {
  return text.replace(/&([^;]*);/g, (_match, entity: string) => {
    if (entity in ENTITIES) return ENTITIES[entity]!;
    const code = /^#x([0-9a-fA-F]{1,6})$/.exec(entity)?.[1] ?? /^#(\d{1,7})$/.exec(entity)?.[1];
    if (code !== undefined) {
      const point = entity.startsWith('#x') ? parseInt(code, 16) : Number(code);
      if (point > 0 && point <= 0x10ffff) return String.fromCodePoint(point);
    }
    throw new XmlError(`unknown entity &${entity};`);
  });
}

export function parseXml(source: string): XmlElement {
  let position = 0;
  const rest = (): string => source.slice(position);
  const skipSpace = (): void => {
    while (position < source.length && /\s/.test(source[position]!)) position++;
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<?', position)) {
        const end = source.indexOf('?>', position);
        if (end < 0) throw new XmlError('unterminated processing instruction');
        position = end + 2;
      } else if (source.startsWith('<!--', position)) {
        const end = source.indexOf('-->', position);
        if (end < 0) throw new XmlError('unterminated comment');
        position = end + 3;
      } else if (source.startsWith('<!', position)) {
        throw new XmlError('DOCTYPE and declarations are not accepted');
      } else return;
    }
  };

  const element = (): XmlElement => {
    if (source[position] !== '<') throw new XmlError('expected an element');
    position++;
    const name = NAME.exec(rest())?.[0];
    if (!name) throw new XmlError('expected an element name');
    position += name.length;
    const node: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', position)) {
        position += 2;
        return node;
      }
      if (source[position] === '>') {
        position++;
        break;
      }
      const attribute = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(rest());
      if (!attribute) throw new XmlError(`malformed attribute in <${name}>`);
      if (attribute[1]! in node.attributes) throw new XmlError(`duplicate attribute ${attribute[1]}`);
      node.attributes[attribute[1]!] = decode(attribute[3] ?? attribute[4] ?? '');
      position += attribute[0].length;
    }
    for (;;) {
      if (position >= source.length) throw new XmlError(`<${name}> is not closed`);
      if (source.startsWith('</', position)) {
        position += 2;
        if (!source.startsWith(name, position)) throw new XmlError(`mismatched closing tag for <${name}>`);
        position += name.length;
        skipSpace();
        if (source[position] !== '>') throw new XmlError(`malformed closing tag </${name}>`);
        position++;
        return node;
      }
      if (source.startsWith('<![CDATA[', position)) {
        const end = source.indexOf(']]>', position);
        if (end < 0) throw new XmlError('unterminated CDATA');
        node.text += source.slice(position + 9, end);
        position = end + 3;
      } else if (source.startsWith('<!--', position)) {
        const end = source.indexOf('-->', position);
        if (end < 0) throw new XmlError('unterminated comment');
        position = end + 3;
      } else if (source[position] === '<') {
        node.children.push(element());
      } else {
        const end = source.indexOf('<', position);
        const text = source.slice(position, end < 0 ? source.length : end);
        node.text += decode(text);
        position += text.length;
      }
    }
  };

  skipMisc();
  const root = element();
  skipMisc();
  if (position !== source.length) throw new XmlError('content after the root element');
  return root;
}

/** The first child whose local name is `name`. */
export function child(node: XmlElement | undefined, name: string): XmlElement | undefined {
  return node?.children.find((candidate) => localName(candidate.name) === name);
}
