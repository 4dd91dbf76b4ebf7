// Test helpers for exported .docx files: unzip the parts, then query the WordprocessingML with small regexes.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  numbering: string;
  /** word/footerN.xml and word/headerN.xml by file name, e.g. `footer1.xml`. */
  footers: Record<string, string>;
  headers: Record<string, string>;
  /** word/_rels/document.xml.rels: which footer file is a section's default or even footer. */
  rels: string;
}

export async function unzipDocx(buffer: Buffer | Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`the docx has no ${name}`);
    return f.async('string');
  };
  const readAll = async (re: RegExp) => {
    const out: Record<string, string> = {};
    for (const name of Object.keys(zip.files).filter((n) => re.test(n)).sort()) out[name.replace(/^word\//, '')] = await read(name);
    return out;
  };
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    numbering: zip.file('word/numbering.xml') ? await read('word/numbering.xml') : '',
    footers: await readAll(/^word\/footer\d+\.xml$/),
    headers: await readAll(/^word\/header\d+\.xml$/),
    rels: await read('word/_rels/document.xml.rels'),
  };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every element `<w:name …>…</w:name>` or `<w:name …/>` (not nested in one of the same name). */
export function elements(xml: string, name: string): string[] {
  const n = escapeRe(name);
  return [...xml.matchAll(new RegExp(`<${n}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${n}>)`, 'g'))].map((m) => m[0]);
}

/** The first element with that name, or undefined. */
export function element(xml: string, name: string): string | undefined {
  return elements(xml, name)[0];
}

/** An attribute of the element's start tag, e.g. attr('<w:pgSz w:w="11906"/>', 'w:w') === '11906'. */
export function attr(el: string | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const start = /^<[^>]*>/.exec(el)?.[0] ?? el;
  return new RegExp(`\\s${escapeRe(name)}="([^"]*)"`).exec(start)?.[1];
}

/** A style's whole `<w:style>` element by id, or undefined. */
export function style(stylesXml: string, id: string): string | undefined {
  return elements(stylesXml, 'w:style').find((s) => attr(s, 'w:styleId') === id);
}

/** The East-Asian font a style names, or undefined. */
export function eastAsiaFont(stylesXml: string, id: string): string | undefined {
  return attr(element(style(stylesXml, id) ?? '', 'w:rFonts'), 'w:eastAsia');
}

/** Paragraphs of the body, each with its style id and plain text. */
export function paragraphs(documentXml: string): { xml: string; style: string | undefined; text: string }[] {
  return elements(documentXml, 'w:p').map((p) => ({ xml: p, style: attr(element(p, 'w:pStyle'), 'w:val'), text: textOf(p) }));
}

/** The text of a fragment: its `<w:t>` contents joined, XML entities decoded. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The footer file a section reference points to: `type` is 'default' or 'even'. */
export function footerFor(parts: DocxParts, sectPr: string, type: 'default' | 'even'): string | undefined {
  const ref = elements(sectPr, 'w:footerReference').find((r) => attr(r, 'w:type') === type);
  const id = attr(ref, 'r:id');
  const rel = elements(parts.rels, 'Relationship').find((r) => attr(r, 'Id') === id);
  const target = attr(rel, 'Target');
  return target ? parts.footers[target] : undefined;
}

/** Where the suite leaves one exported file of every document type, for people to open and look at. */
export const EXPORTS_DIR = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'exports');

/** Writes an export to test-results/exports/<name>.docx and returns its unzipped parts. */
export async function saveExport(name: string, buffer: Buffer): Promise<DocxParts> {
  fs.mkdirSync(EXPORTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(EXPORTS_DIR, `${name}.docx`), buffer);
  return unzipDocx(buffer);
}
