// Every template file under templates/plans/<id>/<revision>.md, loaded and checked against each other.
import fs from 'node:fs';
import path from 'node:path';
import type { TemplateProblem, TemplateRevision } from '../../shared/schemas/template';
import { parseTemplate } from './parse-template';

export interface LoadedTemplates {
  templates: TemplateRevision[];
  problems: TemplateProblem[];
}

interface Candidate {
  /** Relative path with forward slashes. */
  file: string;
  folder: string;
  name: string;
  source: string;
  template: TemplateRevision | null;
}

/** `known` names (id, revision) pairs loaded from elsewhere that `supersedes` may point at ("id\nrevision"). */
export function loadTemplates(templatesDir: string, known: Iterable<string> = []): LoadedTemplates {
  if (!isDir(templatesDir)) return { templates: [], problems: [{ file: '', line: 0, message: `未找到模板文件夹：${templatesDir}` }] };
  const plansDir = path.join(templatesDir, 'plans');
  if (!isDir(plansDir)) return { templates: [], problems: [{ file: 'plans', line: 0, message: `模板文件夹中没有 plans 子文件夹：${templatesDir}` }] };

  const problems: TemplateProblem[] = [];
  const candidates: Candidate[] = [];
  for (const { folder, name } of templateFiles(plansDir)) {
    const file = `plans/${folder}/${name}.md`;
    let source: string;
    try {
      source = fs.readFileSync(path.join(plansDir, folder, `${name}.md`), 'utf8');
    } catch (e) {
      problems.push({ file, line: 0, message: `无法读取模板文件：${(e as Error).message}` });
      continue;
    }
    const parsed = parseTemplate(source, file);
    problems.push(...parsed.problems);
    candidates.push({ file, folder, name, source, template: parsed.template });
  }

  const rejected = new Set<Candidate>();
  const reject = (c: Candidate, key: string, message: string) => {
    const line = keyLine(c.source, key);
    problems.push({ file: c.file, line, message: `第 ${line} 行：${message}` });
    rejected.add(c);
  };
  const firstOf = new Map<string, Candidate>();
  const placed = (c: Candidate) => c.template?.meta.id === c.folder && c.template.meta.revision === c.name;
  // A file at its proper place owns its (id, revision); a misplaced copy is the duplicate.
  for (const c of [...candidates.filter(placed), ...candidates.filter((c) => !placed(c))]) {
    const meta = c.template?.meta;
    if (!meta) continue;
    if (meta.id !== c.folder) reject(c, 'id', `模板编号 id “${meta.id}” 与所在文件夹名 “${c.folder}” 不一致`);
    if (meta.revision !== c.name) reject(c, 'revision', `修订版本 revision “${meta.revision}” 与文件名 “${c.name}.md” 不一致`);
    const first = firstOf.get(`${meta.id}\n${meta.revision}`);
    if (first) reject(c, 'revision', `模板 ${meta.id} 的修订版本 “${meta.revision}” 重复（已见于 ${first.file}）`);
    else firstOf.set(`${meta.id}\n${meta.revision}`, c);
  }
  // A revision whose own file is broken still exists: the newer file is not blamed for that.
  const knownKeys = new Set([...known, ...candidates.map((c) => `${c.folder}\n${c.name}`)]);
  for (const key of firstOf.keys()) knownKeys.add(key);
  for (const c of candidates) {
    const meta = c.template?.meta;
    if (meta?.supersedes != null && !knownKeys.has(`${meta.id}\n${meta.supersedes}`)) {
      reject(c, 'supersedes', `supersedes 所指的修订版本 “${meta.supersedes}” 不存在：plans/${meta.id}/ 下没有 ${meta.supersedes}.md`);
    }
  }

  const templates = candidates
    .filter((c) => !rejected.has(c))
    .flatMap((c) => (c.template ? [c.template] : []))
    .sort(byIdThenYear);
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { templates, problems };
}

export function findTemplate(list: readonly TemplateRevision[], id: string, revision: string): TemplateRevision | undefined {
  return list.find((t) => t.meta.id === id && t.meta.revision === revision);
}

/** The revisions of one template, oldest first. */
export function revisionsOf(list: readonly TemplateRevision[], id: string): TemplateRevision[] {
  return list.filter((t) => t.meta.id === id).sort(byIdThenYear);
}

function byIdThenYear(a: TemplateRevision, b: TemplateRevision): number {
  return a.meta.id.localeCompare(b.meta.id) || a.meta.revisionYear - b.meta.revisionYear || a.meta.revision.localeCompare(b.meta.revision);
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** plans/<folder>/<name>.md in a stable order; other files and deeper folders are not templates. */
function templateFiles(plansDir: string): { folder: string; name: string }[] {
  const out: { folder: string; name: string }[] = [];
  for (const folder of fs.readdirSync(plansDir).sort()) {
    if (!isDir(path.join(plansDir, folder))) continue;
    for (const entry of fs.readdirSync(path.join(plansDir, folder)).sort()) {
      if (entry.endsWith('.md') && fs.statSync(path.join(plansDir, folder, entry)).isFile()) out.push({ folder, name: entry.slice(0, -3) });
    }
  }
  return out;
}

/** Line of a top-level front matter key, for problems found across files; 1 when not found. */
function keyLine(source: string, key: string): number {
  const lines = source.split(/\r\n|\r|\n/);
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  const at = lines.slice(0, close < 0 ? lines.length : close).findIndex((l) => l.startsWith(`${key}:`));
  return at < 0 ? 1 : at + 1;
}
