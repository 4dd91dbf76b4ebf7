// A template revision written back in the text format of templates/README.md: parseTemplate(serialiseTemplate(t)) gives t again.
import { stringify } from 'yaml';
import type { BlockJSON, InlineJSON } from '../../shared/doc-model';
import type { TemplateRevision } from '../../shared/schemas/template';

// Characters the inline parser would read as markup (see parse-inline.ts ESCAPABLE).
const INLINE_MARKUP = /[\\*{}|<[\]!#]/g;
const escapeText = (s: string) => s.replace(INLINE_MARKUP, (c) => `\\${c}`);

/** A paragraph line the body parser would read as a list item, quote, code fence or rule gets its start escaped. */
function guardLineStart(line: string): string {
  if (/^[-+>`~=_]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d+)\.(?=\s)/, '$1\\.');
}

/** Inline nodes as text with ** and * toggles: a run of k asterisks is k/2 bold toggles and k%2 italic toggles. */
function inline(nodes: InlineJSON[]): string {
  let out = '';
  let format = 0;
  const switchTo = (to: number) => {
    const d = format ^ to;
    out += (d & 1 ? '**' : '') + (d & 2 ? '*' : '');
    format = to;
  };
  for (const n of nodes) {
    if (n.type === 'text') {
      switchTo(n.format);
      out += escapeText(n.text);
    } else if (n.type === 'placeholder') out += `{{${n.key}}}`;
    // fitBlocks turns line breaks into paragraphs first; writing one here would silently change the text.
    else throw new Error('模板文本不能包含段内换行');
  }
  switchTo(0);
  return out;
}

function block(b: BlockJSON): string {
  if (b.type === 'paragraph') return guardLineStart(inline(b.children));
  if (b.type === 'list') return b.children.map((li, i) => `${b.listType === 'bullet' ? '-' : `${i + 1}.`} ${inline(li.children)}`).join('\n');
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rows = b.children.map((r) => row(r.children.map((c) => inline(c.children.flatMap((p) => p.children)))));
  const width = b.children[0]?.children.length ?? 0;
  return [rows[0], row(Array.from({ length: width }, () => '---')), ...rows.slice(1)].join('\n');
}

function frontMatter(t: TemplateRevision): string {
  const m = t.meta;
  const front = {
    kind: 'plan-template',
    id: m.id,
    revision: m.revision,
    ...(m.supersedes !== null ? { supersedes: m.supersedes } : {}),
    title: m.title,
    districtTitle: m.districtTitle,
    issuer: m.issuer,
    revisionYear: m.revisionYear,
    hazard: m.hazard,
    category: m.category,
    modelText: m.modelText,
    leadDepartment: m.leadDepartment,
    ...(t.placeholders.length
      ? { placeholders: t.placeholders.map((p) => ({ key: p.key, label: p.label, ...(p.profile ? { profile: p.profile } : {}), ...(p.default !== undefined ? { default: p.default } : {}) })) }
      : {}),
  };
  // lineWidth 0: a long title folded over two lines would still parse, but reads badly in a diff.
  return stringify(front, { lineWidth: 0 }).trimEnd();
}

/** `note` becomes a comment line above the first heading (where the text came from). */
export function serialiseTemplate(t: TemplateRevision, note?: string): string {
  const lines = ['---', frontMatter(t), '---', ''];
  if (note) lines.push(`<!-- ${note.replace(/-->/g, '—>').replace(/\s+/g, ' ').trim()} -->`, '');
  for (const c of t.clauses) {
    lines.push(`${'#'.repeat(c.level)} ${escapeText(c.title)} {#${c.id}${c.kind === 'annex' && c.level === 1 ? ' .annex' : ''}}`, '');
    for (const b of c.body) lines.push(block(b), '');
  }
  return lines.join('\n');
}
