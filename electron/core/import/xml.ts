// A small tolerant XML reader for WordprocessingML parts: elements, attributes and text, nothing more.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return safeChar(parseInt(e.slice(2), 16)) ?? whole;
    if (e.startsWith('#')) return safeChar(parseInt(e.slice(1), 10)) ?? whole;
    return ENTITIES[e] ?? whole;
  });
}

function safeChar(code: number): string | undefined {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Parses markup into a tree. Broken input does not throw: an unmatched end tag is ignored and unclosed
 * elements are closed at the end, because a half-readable document is still worth importing.
 */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const tag = /<(!--[\s\S]*?--|!\[CDATA\[[\s\S]*?\]\]|![^>]*|\?[\s\S]*?\?|\/?[^>]*)>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m.index > last) top.children.push(decodeEntities(xml.slice(last, m.index)));
    last = tag.lastIndex;
    const body = m[1]!;
    if (body.startsWith('![CDATA[')) top.children.push(body.slice(8, -2));
    if (body.startsWith('!') || body.startsWith('?')) continue;
    if (body.startsWith('/')) {
      const name = body.slice(1).trim();
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const name = /^[^\s/]+/.exec(inner)?.[0];
    if (!name) continue;
    const attrs: Record<string, string> = {};
    for (const a of inner.slice(name.length).matchAll(ATTR)) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
    const el: XmlElement = { name, attrs, children: [] };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (last < xml.length) stack[stack.length - 1]!.children.push(decodeEntities(xml.slice(last)));
  return root;
}

export function isElement(n: XmlNode | undefined): n is XmlElement {
  return typeof n === 'object';
}

/** Direct child elements, optionally of one name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el ? childElements(el, name)[0] : undefined;
}

/** The first descendant of that name, depth first. */
export function descendant(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === name) return c;
    const d = descendant(c, name);
    if (d) return d;
  }
  return undefined;
}

/** The concatenated text nodes directly inside the element. */
export function ownText(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}

/** `w:val` of a child such as `<w:pStyle w:val="Heading1"/>`. */
export function childVal(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['w:val'];
}

/** An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): undefined when absent. */
export function onOff(el: XmlElement | undefined, name: string): boolean | undefined {
  const c = child(el, name);
  if (!c) return undefined;
  const v = c.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}
