// Evaluation criteria sets from templates/criteria/*.yaml: read, checked, every problem located by file and line.
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { criteriaSetSchema, type CriteriaSet } from '../../../shared/schemas/evaluation';
import { WEIGHT_TOLERANCE } from '../../../shared/vocabulary';
import { describePath, isRecord, issueProblems, lineOfPath, type Path } from './criteria-issues';

export interface CriteriaProblem {
  /** File name inside the criteria folder. */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  message: string;
}

export interface LoadedCriteria {
  sets: CriteriaSet[];
  problems: CriteriaProblem[];
}

// yaml's messages are English; say first in Chinese what kind of mistake it is.
const YAML_CODES: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: '字段重复',
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用 Tab 缩进',
  MISSING_CHAR: '缺少符号，如配对的引号、括号或列表项的“- ”',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行',
  BLOCK_AS_IMPLICIT_KEY: '字段名写法不正确',
};

/**
 * Every *.yaml file of `dir`, in file-name order. A file with any problem is left out whole (a half-read
 * criteria set would score drills against the wrong weights); the other files still load.
 */
export function loadCriteriaSets(dir: string): LoadedCriteria {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.yaml')).sort();
  } catch {
    return { sets: [], problems: [{ file: '', line: 1, message: `未找到评估标准文件夹：${dir}` }] };
  }
  const sets: CriteriaSet[] = [];
  const problems: CriteriaProblem[] = [];
  const owner = new Map<string, string>();
  for (const file of names) {
    let source: string;
    try {
      source = fs.readFileSync(path.join(dir, file), 'utf8');
    } catch (e) {
      problems.push({ file, line: 1, message: `无法读取评估标准文件：${(e as Error).message}` });
      continue;
    }
    const parsed = parseCriteriaSet(source, file);
    problems.push(...parsed.problems);
    if (!parsed.set) continue;
    // Forms and reports refer to a set by id: two files claiming one id would be ambiguous.
    const first = owner.get(parsed.set.id);
    if (first !== undefined) {
      problems.push({ file, line: parsed.idLine, message: `评估标准编号 “${parsed.set.id}” 重复（已见于 ${first}），本文件未载入` });
      continue;
    }
    owner.set(parsed.set.id, file);
    sets.push(parsed.set);
  }
  return { sets, problems };
}

/** One criteria file's text: the set, or null with the reasons. Pure, so the checks test without files. */
export function parseCriteriaSet(source: string, file: string): { set: CriteriaSet | null; problems: CriteriaProblem[]; idLine: number } {
  const lc = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lc.linePos(offset).line;
  const problems: CriteriaProblem[] = [];
  const add = (line: number, message: string) => problems.push({ file, line, message });

  if (doc.errors.length) {
    for (const e of doc.errors) add(lineAt(e.pos[0]), `YAML 语法错误（${YAML_CODES[e.code] ?? '写法不正确'}）：${e.message.split('\n')[0]}`);
    return { set: null, problems, idLine: 1 };
  }
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) {
    add(1, '文件为空：须含 id、title、basis 和 criteria');
    return { set: null, problems, idLine: 1 };
  }
  const lineOf = (p: Path) => lineOfPath(doc, p, lineAt);
  const where = (p: Path) => describePath(raw, p);

  const result = criteriaSetSchema.safeParse(raw);
  if (!result.success) for (const p of issueProblems(result.error.issues, raw, lineOf, where)) add(p.line, p.message);
  checkCriteria(raw, lineOf, where, add);

  problems.sort((a, b) => a.line - b.line);
  return { set: result.success && problems.length === 0 ? result.data : null, problems, idLine: lineOf(['id']) };
}

/** What the schema cannot say: unique ids, distinct level labels, levels within 0..1, weights totalling 100. */
function checkCriteria(raw: unknown, lineOf: (p: Path) => number, where: (p: Path) => string, add: (line: number, message: string) => void): void {
  const criteria = isRecord(raw) ? raw.criteria : undefined;
  if (!Array.isArray(criteria)) return;
  const firstLine = new Map<string, number>();
  let sum = 0;
  let summable = true;
  criteria.forEach((c: unknown, i) => {
    if (!isRecord(c)) {
      summable = false;
      return;
    }
    if (typeof c.id === 'string') {
      const first = firstLine.get(c.id);
      if (first !== undefined) add(lineOf(['criteria', i, 'id']), `评估项编号 “${c.id}” 重复（第 ${first} 行已使用）：评估表按编号记分，编号须唯一`);
      else firstLine.set(c.id, lineOf(['criteria', i, 'id']));
    }
    if (typeof c.weight === 'number' && Number.isFinite(c.weight)) sum += c.weight;
    else summable = false;
    const levels = isRecord(c.scale) && c.scale.kind === 'levels' ? c.scale.levels : undefined;
    if (!Array.isArray(levels)) return;
    const labels = new Set<string>();
    levels.forEach((l: unknown, j) => {
      if (!isRecord(l)) return;
      const at: Path = ['criteria', i, 'scale', 'levels', j];
      // The schema checks the range too; this message says what the number means (see criteria-issues).
      if (typeof l.value === 'number' && !(l.value >= 0 && l.value <= 1)) add(lineOf([...at, 'value']), `${where([...at, 'value'])}须在 0 到 1 之间（表示得到该项权重的比例，如“部分达到”为 0.5），现为 ${l.value}`);
      // Evaluators' forms store the chosen label: two levels of one name could not be told apart.
      if (typeof l.label === 'string') {
        const label = l.label.trim();
        if (labels.has(label)) add(lineOf([...at, 'label']), `${where([...at, 'label'])} “${label}” 重复：同一评估项的等级名称须各不相同`);
        labels.add(label);
      }
    });
  });
  if (summable && criteria.length > 0 && Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
    add(lineOf(['criteria']), `各评估项权重（weight）之和须为 100，现为 ${Math.round(sum * 100) / 100}`);
  }
}
