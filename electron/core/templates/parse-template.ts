// One template file to a TemplateRevision, or the list of what is wrong with it (never half a template).
import type { TemplateProblem, TemplateRevision } from '../../shared/schemas/template';
import { readFrontMatter } from './front-matter';
import { parseBody } from './parse-body';
import { parseInline, type LineIssue } from './parse-inline';

/** `file` is the path relative to the templates folder; it is only copied into results. */
export function parseTemplate(source: string, file: string): { template: TemplateRevision | null; problems: TemplateProblem[] } {
  const lines = source.split(/\r\n|\r|\n/);
  const fm = readFrontMatter(lines);
  const issues: LineIssue[] = [...fm.issues];
  const body = fm.bodyStart === null ? null : parseBody(lines, fm.bodyStart);
  if (body) issues.push(...body.issues);

  // Placeholders may appear in the district title and lead department as well as in the body.
  const uses = [...(body?.uses ?? [])];
  for (const key of ['districtTitle', 'leadDepartment'] as const) {
    const value = fm.meta?.[key];
    const line = fm.keyLines.get(key);
    if (value && line) uses.push(...parseInline(value).keys.map((k) => ({ key: k.key, line })));
  }
  // Without readable YAML every use would look undeclared; the YAML problem is reported instead.
  if (fm.declared) {
    for (const u of uses) if (!fm.declared.has(u.key)) issues.push({ line: u.line, text: `未声明的占位符 {{${u.key}}}：请在前言 placeholders 中声明` });
  }

  // Stable sort by line; a placeholder used twice on one line is reported once.
  const messages = new Set<string>();
  const problems: TemplateProblem[] = [];
  for (const x of [...issues].sort((a, b) => a.line - b.line)) {
    const message = `第 ${x.line} 行：${x.text}`;
    if (!messages.has(message)) problems.push({ file, line: x.line, message });
    messages.add(message);
  }
  if (problems.length || !fm.meta || !body) return { template: null, problems };
  return { template: { meta: fm.meta, placeholders: fm.placeholders, clauses: body.clauses, file }, problems: [] };
}
