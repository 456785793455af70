/**
 * The two documents CAS sends us, read with saxes (a maintained, streaming XML parser): the
 * `serviceValidate` answer and the SAML `LogoutRequest` of single logout. Elements, attributes, text,
 * CDATA, comments and the five predefined and numeric entities; a DOCTYPE is refused (so no entity of the
 * sender's is ever expanded), so is nesting deeper than CAS documents go, and anything malformed throws.
 * saxes reads each character once, so a hostile body costs time in proportion to its length.
 * Names keep their prefix; `localName` drops it, since prefixes vary between servers.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * A `serviceValidate` answer is five levels deep, a `LogoutRequest` three: anything much deeper is not
 * one of them, and refusing it early keeps the tree we build small.
 */
export const MAX_XML_DEPTH = 32;

export class XmlError extends Error {}

export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;

  parser.on('error', (error) => {
    throw new XmlError(error.message);
  });
  parser.on('doctype', () => {
    // A DTD may declare entities (the « billion laughs ») or point elsewhere: CAS never sends one.
    throw new XmlError('DOCTYPE and declarations are not accepted');
  });
  parser.on('opentag', (tag) => {
    if (open.length >= MAX_XML_DEPTH) throw new XmlError(`elements nested deeper than ${MAX_XML_DEPTH}`);
    const element: XmlElement = { name: tag.name, attributes: { ...tag.attributes }, children: [], text: '' };
    const parent = open.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    open.push(element);
  });
  parser.on('closetag', () => {
    open.pop();
  });
  // Text outside the root element can only be white space (saxes refuses the rest): it belongs to no one.
  parser.on('text', (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });
  parser.on('cdata', (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });

  parser.write(source).close();
  if (!root) throw new XmlError('no root element');
  return root;
}

/** The first child whose local name is `name`. */
export function child(node: XmlElement | undefined, name: string): XmlElement | undefined {
  return node?.children.find((candidate) => localName(candidate.name) === name);
}
