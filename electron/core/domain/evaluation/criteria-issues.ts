// Where a problem sits in a criteria file, and what to tell the person editing it, in Chinese.
//
// zod's zh-CN messages ("无效输入：期望 number，实际接收 string") are written for programmers; the
// criteria files are edited by bureau staff, so each issue is restated against the field it concerns.
import { isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
import type { ZodError } from 'zod';

/** A path into the file's data, as zod reports it: keys and list indexes. */
export type Path = (string | number)[];
type Issue = ZodError['issues'][number];

const TOP: Record<string, string> = { id: '评估标准编号（id）', title: '评估标准名称（title）', basis: '依据（basis）', criteria: '评估项列表（criteria）' };
const CRITERION: Record<string, string> = {
  id: '编号（id）',
  group: '分组（group）',
  title: '评估项名称（title）',
  description: '说明（description）',
  weight: '权重（weight）',
  scale: '评分方式（scale）',
};
const SCALE: Record<string, string> = { kind: '类型（kind）', max: '满分（max）', levels: '等级列表（levels）' };
const LEVEL: Record<string, string> = { label: '等级名称（label）', value: '分值（value）' };

const name = (labels: Record<string, string>, key: string | number | undefined) => (key === undefined ? '' : (labels[String(key)] ?? `“${String(key)}”`));

/** The 1-based line of the key (or list item) at `p`; for a key that is missing, the line of its parent. */
export function lineOfPath(doc: Document, p: Path, lineAt: (offset: number) => number): number {
  let node: unknown = doc.contents;
  let line = isNode(node) && node.range ? lineAt(node.range[0]) : 1;
  for (const seg of p) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) return line;
      if (isNode(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!isNode(item) || !item.range) return line;
      line = lineAt(item.range[0]);
      node = item;
    } else return line;
  }
  return line;
}

/** "第 3 个评估项（plan-duties）的权重（weight）": the field at `p`, named so that it can be found. */
export function describePath(raw: unknown, p: Path): string {
  const [top, i, key, sub, j, leaf] = p;
  if (top === undefined) return '文件内容';
  if (top !== 'criteria' || typeof i !== 'number') return name(TOP, top);
  const c = valueAt(raw, ['criteria', i]);
  const id = isRecord(c) && typeof c.id === 'string' && c.id.trim() ? `（${c.id.trim()}）` : '';
  const item = `第 ${i + 1} 个评估项${id}`;
  if (key === undefined) return item;
  if (key !== 'scale' || sub === undefined) return `${item}的${name(CRITERION, key)}`;
  if (sub !== 'levels' || j === undefined) return `${item}的评分方式${name(SCALE, sub)}`;
  const level = `${item}的第 ${Number(j) + 1} 个等级`;
  return leaf === undefined ? level : `${level}的${name(LEVEL, leaf)}`;
}

/** The keys allowed in the object at `p`, for "unknown field" messages. */
function allowedKeys(raw: unknown, p: Path): string[] {
  if (p.length === 0) return Object.keys(TOP);
  if (p.length === 2) return Object.keys(CRITERION);
  if (p.length === 3) return valueAt(raw, [...p, 'kind']) === 'levels' ? ['kind', 'levels'] : ['kind', 'max'];
  if (p.length === 5) return Object.keys(LEVEL);
  return [];
}

const TYPE_NAMES: Record<string, string> = { number: '数字', int: '整数', string: '文字', boolean: 'true 或 false', array: '列表（每项以“- ”开头）', object: '“字段: 值”形式的映射' };

/** Each schema issue as a located Chinese message. Range issues of level values are left to the caller's own check. */
export function issueProblems(issues: readonly Issue[], raw: unknown, lineOf: (p: Path) => number, where: (p: Path) => string): { line: number; message: string }[] {
  const out: { line: number; message: string }[] = [];
  for (const issue of issues) {
    const p = issue.path.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number');
    const at = where(p);
    const say = (message: string, path: Path = p) => out.push({ line: lineOf(path), message });
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) say(`${p.length ? `${at}中` : ''}有未知字段 “${key}”（可用字段：${allowedKeys(raw, p).join('、')}）`, [...p, key]);
        break;
      case 'invalid_union':
        say(`${at}须为 score（按分值打分，另写满分 max）或 levels（选择等级，另写等级列表 levels）`);
        break;
      case 'invalid_type':
        if (valueAt(raw, p) === undefined) say(`缺少${at}`);
        else say(`${at}须为${TYPE_NAMES[issue.expected] ?? issue.expected}`);
        break;
      case 'too_big':
      case 'too_small': {
        if (p[p.length - 3] === 'levels' && p[p.length - 1] === 'value') break;
        const big = issue.code === 'too_big';
        const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
        if (issue.origin === 'string') say(big ? `${at}不能超过 ${limit} 个字符` : `${at}不能为空`);
        else if (issue.origin === 'array') say(big ? `${at}最多 ${limit} 项` : `${at}至少须有 ${limit} 项`);
        else say(`${at}${big ? '不能大于' : '不能小于'} ${limit}`);
        break;
      }
      case 'invalid_format':
        // The only pattern in the schema is the id's.
        say(`${at}格式不正确：只能用英文字母、数字、“-”和“_”（不能用“.”、空格或汉字）`);
        break;
      default:
        say(`${at}：${issue.message}`);
    }
  }
  return out;
}

/** The raw value at `p`, or undefined when the path does not exist. */
export function valueAt(raw: unknown, p: Path): unknown {
  let v = raw;
  for (const seg of p) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isRecord(v)) v = v[String(seg)];
    else return undefined;
  }
  return v;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
