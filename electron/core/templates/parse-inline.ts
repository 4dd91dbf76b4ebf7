// Inline Markdown of template text (**bold**, *italic*, {{placeholder}}) to Lexical inline JSON.
import { FORMAT, placeholder, text, type InlineJSON } from '../../shared/doc-model';

/** A problem found while reading a template, before the file name is attached. */
export interface LineIssue {
  line: number;
  text: string;
}

/** A problem at a character offset of the inline source. */
export interface InlineIssue {
  offset: number;
  text: string;
}

export interface InlineResult {
  nodes: InlineJSON[];
  /** Placeholder keys in order of use, with the offset of their `{{`. */
  keys: { key: string; offset: number }[];
  issues: InlineIssue[];
}

// Characters a backslash makes literal, so an author can still write a real asterisk or brace, and a
// paragraph can start with what would otherwise begin a list, quote or rule (\- , 1\. , \> , \`).
const ESCAPABLE = new Set(['\\', '*', '{', '}', '|', '<', '[', ']', '!', '#', '_', '-', '.', '+', '>', '`', '~', '=']);
const HTML_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?>/;
const IMAGE = /^!\[[^\]]*\]\([^)]*\)/;
const LINK = /^\[[^\]]*\]\([^)]*\)/;

/** Parses one run of inline text; the caller maps offsets back to file lines. */
export function parseInline(src: string): InlineResult {
  const out: InlineResult = { nodes: [], keys: [], issues: [] };
  let format = 0;
  let buf = '';
  let boldAt = -1;
  let italicAt = -1;

  const flush = () => {
    if (!buf) return;
    const last = out.nodes[out.nodes.length - 1];
    // `****` and the like toggle without text between; keep one node per run of equal format.
    if (last?.type === 'text' && last.format === format) last.text += buf;
    else out.nodes.push(text(buf, format));
    buf = '';
  };
  const issue = (offset: number, message: string) => out.issues.push({ offset, text: message });

  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const c = src[i] ?? '';
    const next = src[i + 1] ?? '';
    if (c === '\\' && ESCAPABLE.has(next)) {
      buf += next;
      i += 2;
    } else if (rest.startsWith('<!--')) {
      issue(i, 'HTML 注释须单独成行');
      const end = src.indexOf('-->', i + 4);
      i = end < 0 ? src.length : end + 3;
    } else if (c === '<' && HTML_TAG.test(rest)) {
      const tag = HTML_TAG.exec(rest)?.[0] ?? '<';
      issue(i, `不支持 HTML 标签 ${tag}`);
      buf += tag;
      i += tag.length;
    } else if (c === '!' && IMAGE.test(rest)) {
      issue(i, '不支持插入图片');
      i += IMAGE.exec(rest)?.[0].length ?? 1;
    } else if (c === '[' && LINK.test(rest)) {
      issue(i, '不支持链接');
      buf += c;
      i += 1;
    } else if (rest.startsWith('{{')) {
      i = readPlaceholder(src, i, out, flush);
    } else if (rest.startsWith('**')) {
      flush();
      format ^= FORMAT.bold;
      boldAt = format & FORMAT.bold ? i : -1;
      i += 2;
    } else if (c === '*') {
      flush();
      format ^= FORMAT.italic;
      italicAt = format & FORMAT.italic ? i : -1;
      i += 1;
    } else {
      buf += c;
      i += 1;
    }
  }
  flush();
  if (boldAt >= 0) issue(boldAt, '“**” 没有闭合：加粗须以成对的 ** 包围');
  if (italicAt >= 0) issue(italicAt, '“*” 没有闭合：倾斜须以成对的 * 包围（星号本身请写作 \\*）');
  return out;
}

function readPlaceholder(src: string, at: number, out: InlineResult, flush: () => void): number {
  const end = src.indexOf('}}', at + 2);
  if (end < 0) {
    out.issues.push({ offset: at, text: '占位符缺少结束的 }}' });
    return src.length;
  }
  const key = src.slice(at + 2, end).trim();
  if (!key || /[{}]/.test(key)) {
    out.issues.push({ offset: at, text: `占位符 ${src.slice(at, end + 2)} 的名称为空或含有花括号` });
    return end + 2;
  }
  flush();
  out.nodes.push(placeholder(key));
  out.keys.push({ key, offset: at });
  return end + 2;
}
