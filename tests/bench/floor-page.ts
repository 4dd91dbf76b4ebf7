// The "floor" of editor benches: the same plan as semantic HTML (h1–h4, p, ul/ol, table) in ONE plain
// contenteditable div, styled by the app's own document CSS. What the browser alone costs.
import fs from 'node:fs';
import path from 'node:path';
import type { BlockJSON, InlineJSON, PlanDocument } from '../../electron/shared/doc-model';
import { headingNumbers } from '../../electron/shared/numbering';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(nodes: InlineJSON[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'linebreak') return '<br>';
      if (n.type === 'placeholder') return `<span class="ph-chip" contenteditable="false">${esc(n.key)}</span>`;
      let h = esc(n.text);
      if (n.format & 1) h = `<strong class="doc-bold">${h}</strong>`;
      if (n.format & 2) h = `<em class="doc-italic">${h}</em>`;
      if (n.format & 8) h = `<u class="doc-underline">${h}</u>`;
      return h;
    })
    .join('');
}

function block(b: BlockJSON): string {
  if (b.type === 'paragraph') return `<p class="doc-p">${inline(b.children) || '<br>'}</p>`;
  if (b.type === 'list') return `<${b.tag} class="doc-list">${b.children.map((li) => `<li class="doc-li">${inline(li.children)}</li>`).join('')}</${b.tag}>`;
  const rows = b.children.map((row) => `<tr>${row.children.map((c) => { const tag = c.headerState ? 'th' : 'td'; return `<${tag} class="doc-${tag}">${c.children.map((p) => inline(p.children)).join('<br>')}</${tag}>`; }).join('')}</tr>`);
  return `<table class="doc-table"><tbody>${rows.join('')}</tbody></table>`;
}

/** The plan as HTML: headings carry the same classes and automatic numbers as the app's. */
export function planToHtml(doc: PlanDocument): string {
  const numbers = headingNumbers(doc.sections, doc.numbering);
  return doc.sections
    .map((s, i) => `<h${s.level} class="doc-h" data-level="${s.level}" data-kind="${s.kind}" data-number="${esc(numbers[i]!)}">${esc(s.title)}</h${s.level}>${s.body.map(block).join('')}`)
    .join('');
}

export type FloorLayout = 'one-root' | 'root-per-chapter' | 'root-per-chapter-cv';

/**
 * A whole page: the app's stylesheet, a scroll box like the editor's, and the document in one
 * `<div contenteditable class="doc-page">` whose text column is `textWidth` px wide (the app's, measured).
 * The other layouts are for comparing designs, not the floor: one contenteditable per chapter (as the
 * app's chapter editors are), optionally with `content-visibility: auto` so off-screen chapters are skipped.
 */
export function floorPage(doc: PlanDocument, opts: { repo: string; textWidth: number; scrollHeight: number; layout?: FloorLayout }): string {
  const css = fs.readFileSync(path.join(opts.repo, 'renderer', 'src', 'styles.css'), 'utf8');
  const layout = opts.layout ?? 'one-root';
  let body: string;
  if (layout === 'one-root') {
    body = `<div class="doc-page" contenteditable="true" spellcheck="false" data-testid="floor">${planToHtml(doc)}</div>`;
  } else {
    const chapters: PlanDocument['sections'][] = [];
    for (const s of doc.sections) {
      if (s.level === 1 || !chapters.length) chapters.push([]);
      chapters[chapters.length - 1]!.push(s);
    }
    body = `<div class="doc-page" data-testid="floor">${chapters.map((c) => `<div class="chapter"><div class="chapter-editable" contenteditable="true" spellcheck="false">${planToHtml({ ...doc, sections: c })}</div></div>`).join('')}</div>`;
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>floor</title><style>${css}
.doc-page { box-sizing: content-box; max-width: none; width: ${opts.textWidth}px; outline: none; }
.floor-scroll { overflow: auto; background: #f5f5f5; padding: 16px; height: ${opts.scrollHeight}px; box-sizing: border-box; }
${layout === 'root-per-chapter-cv' ? '.chapter { content-visibility: auto; contain-intrinsic-size: auto 6000px; }' : ''}
</style></head><body><div class="floor-scroll">${body}</div></body></html>`;
}
