// What a .docx's styles.xml and numbering.xml say about headings, alignment and lists, resolved once per file.
import { child, childElements, childVal, parseXml, type XmlElement } from './xml';

export interface ResolvedStyle {
  id: string;
  name: string;
  /** Outline level 0–8 from the style or the styles it is based on; null for body text. */
  outlineLevel: number | null;
  align: string | null;
  /** The style itself numbers its paragraphs (Word's List Bullet, numbered heading styles). */
  numId: string | null;
  numLevel: number;
}

/** Names Word and WPS give the built-in headings, in English and Chinese: heading 1, 标题 1. */
const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;

export function readStyles(xml: string | null): Map<string, ResolvedStyle> {
  const raw = new Map<string, XmlElement>();
  if (xml) for (const s of childElements(child(parseXml(xml), 'w:styles') ?? { name: '', attrs: {}, children: [] }, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (id && s.attrs['w:type'] !== 'table' && s.attrs['w:type'] !== 'numbering') raw.set(id, s);
  }
  const resolved = new Map<string, ResolvedStyle>();
  // Follows basedOn, guarding against cycles that broken files contain.
  const resolve = (id: string, seen: Set<string>): ResolvedStyle | null => {
    const done = resolved.get(id);
    if (done) return done;
    const s = raw.get(id);
    if (!s || seen.has(id)) return null;
    seen.add(id);
    const base = childVal(s, 'w:basedOn');
    const parent = base ? resolve(base, seen) : null;
    const name = childVal(s, 'w:name') ?? id;
    const pPr = child(s, 'w:pPr');
    const outline = childVal(pPr, 'w:outlineLvl');
    const byName = HEADING_NAME.exec(name.trim());
    const numPr = child(pPr, 'w:numPr');
    const level = outline !== undefined ? Number(outline) : byName ? Number(byName[1]) - 1 : (parent?.outlineLevel ?? null);
    const style: ResolvedStyle = {
      id,
      name,
      outlineLevel: level !== null && Number.isInteger(level) && level >= 0 && level < 9 ? level : null,
      align: childVal(pPr, 'w:jc') ?? parent?.align ?? null,
      numId: numPr ? (childVal(numPr, 'w:numId') ?? null) : (parent?.numId ?? null),
      numLevel: numPr ? Number(childVal(numPr, 'w:ilvl') ?? 0) : (parent?.numLevel ?? 0),
    };
    resolved.set(id, style);
    return style;
  };
  for (const id of raw.keys()) resolve(id, new Set());
  return resolved;
}

/** numId → per-level: does the list count (1. a) 一、) rather than bullet? */
export type ListFormats = Map<string, Map<number, boolean>>;

/** Per level of a w:abstractNum or a w:lvlOverride: counting unless its format is bullet or none. */
function levelFormats(container: XmlElement, into = new Map<number, boolean>()): Map<number, boolean> {
  for (const l of childElements(container, 'w:lvl')) {
    const fmt = childVal(l, 'w:numFmt') ?? 'decimal';
    into.set(Number(l.attrs['w:ilvl'] ?? 0), fmt !== 'bullet' && fmt !== 'none');
  }
  return into;
}

export function readNumbering(xml: string | null): ListFormats {
  const out: ListFormats = new Map();
  if (!xml) return out;
  const root = child(parseXml(xml), 'w:numbering');
  if (!root) return out;
  const abstracts = childElements(root, 'w:abstractNum');
  // A list style's levels live in the abstractNum that names it (w:styleLink); lists using the style point to it (w:numStyleLink).
  const byStyle = new Map<string, XmlElement>();
  for (const a of abstracts) {
    const link = childVal(a, 'w:styleLink');
    if (link) byStyle.set(link, a);
  }
  const abstract = new Map<string, Map<number, boolean>>();
  for (const a of abstracts) {
    const link = childVal(a, 'w:numStyleLink');
    abstract.set(a.attrs['w:abstractNumId'] ?? '', levelFormats((link && byStyle.get(link)) || a));
  }
  for (const n of childElements(root, 'w:num')) {
    const levels = new Map(abstract.get(childVal(n, 'w:abstractNumId') ?? '') ?? []);
    // A w:num may redefine some levels of its abstract list.
    for (const o of childElements(n, 'w:lvlOverride')) levelFormats(o, levels);
    if (levels.size) out.set(n.attrs['w:numId'] ?? '', levels);
  }
  return out;
}
