// The YAML front matter of a template file: found, parsed, and checked key by key.
import { isMap, isNode, isScalar, isSeq, parseDocument, type Document, type YAMLError } from 'yaml';
import { HAZARD_CATEGORIES, type HazardCategory, type TemplateMeta, type TemplatePlaceholder } from '../../shared/schemas/template';
import { profileFieldLabels, type ProfileField } from '../../shared/schemas/profile';
import type { LineIssue } from './parse-inline';

export interface FrontMatter {
  /** Null when any key is missing or wrong. */
  meta: TemplateMeta | null;
  placeholders: TemplatePlaceholder[];
  /** Declared placeholder keys; null when the YAML could not be read at all. */
  declared: Set<string> | null;
  /** 1-based line of each top-level key. */
  keyLines: Map<string, number>;
  /** 0-based index of the first body line; null when the body cannot be located. */
  bodyStart: number | null;
  issues: LineIssue[];
}

const KEY_LABELS: Record<string, string> = {
  kind: '文件类型',
  id: '模板编号',
  revision: '修订版本',
  supersedes: '所替代的修订版本',
  title: '预案标题',
  districtTitle: '区级预案标题',
  issuer: '发布机关',
  revisionYear: '修订年份',
  hazard: '灾种',
  category: '事件类别',
  modelText: '示范文本标记',
  leadDepartment: '牵头单位',
  placeholders: '占位符声明',
};
const PLACEHOLDER_KEYS = new Set(['key', 'label', 'profile', 'default']);

// yaml's messages are English; say first in Chinese what kind of mistake it is.
const YAML_CODES: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: '字段重复',
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用 Tab 缩进',
  MISSING_CHAR: '缺少配对的引号或括号',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行',
  BLOCK_AS_IMPLICIT_KEY: '字段名写法不正确',
};

const label = (key: string) => `${key}（${KEY_LABELS[key] ?? key}）`;

/** Reads the front matter of `lines`; the opening `---` must be line 1. */
export function readFrontMatter(lines: string[]): FrontMatter {
  const fm: FrontMatter = { meta: null, placeholders: [], declared: null, keyLines: new Map(), bodyStart: null, issues: [] };
  if (lines[0]?.replace(/^\uFEFF/, '').trim() !== '---') {
    fm.issues.push({ line: 1, text: '缺少 YAML 前言：文件须以单独一行 --- 开头，前言之后再以 --- 结束' });
    return fm;
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) {
    fm.issues.push({ line: 1, text: '前言没有结束：缺少结束前言的单独一行 ---' });
    return fm;
  }
  fm.bodyStart = close + 1;
  const yamlText = lines.slice(1, close).join('\n');
  // The front matter starts on line 2 of the file.
  const lineOf = (offset: number) => 2 + (yamlText.slice(0, offset).match(/\n/g)?.length ?? 0);
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const line = lineOf(e.pos[0]);
      // The usual slip: an unquoted value starting with {{ is read as a YAML mapping.
      const hint = /:\s*\{\{/.test(lines[line - 1] ?? '') ? '；含 {{占位符}} 的值须用引号括起' : '';
      fm.issues.push({ line, text: `前言 YAML 语法错误（${YAML_CODES[e.code] ?? '写法不正确'}）：${e.message.split('\n')[0]}${hint}` });
    }
    return fm;
  }
  checkMeta(doc, lineOf, fm);
  return fm;
}

interface Field {
  value: unknown;
  line: number;
}

function checkMeta(doc: Document, lineOf: (offset: number) => number, fm: FrontMatter): void {
  if (!isMap(doc.contents)) {
    fm.issues.push({ line: 2, text: '前言须为“字段: 值”形式的 YAML 映射' });
    return;
  }
  const fields = new Map<string, Field & { node: unknown }>();
  for (const pair of doc.contents.items) {
    const line = isNode(pair.key) && pair.key.range ? lineOf(pair.key.range[0]) : 2;
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(key in KEY_LABELS)) {
      fm.issues.push({ line, text: `未知的前言字段 “${key}”（可用字段：${Object.keys(KEY_LABELS).join('、')}）` });
      continue;
    }
    fields.set(key, { value: isNode(pair.value) ? pair.value.toJS(doc) : pair.value, line, node: pair.value });
    fm.keyLines.set(key, line);
  }

  const before = fm.issues.length;
  const bad = (f: Field, key: string, rule: string) => fm.issues.push({ line: f.line, text: `前言字段 ${label(key)}${rule}` });
  const need = (key: string): Field | undefined => {
    const f = fields.get(key);
    if (!f) fm.issues.push({ line: 1, text: `前言缺少字段 ${label(key)}` });
    return f;
  };
  const text = (key: string): string => {
    const f = need(key);
    if (f && typeof f.value === 'string' && f.value.trim()) return f.value.trim();
    if (f) bad(f, key, '须为非空文字');
    return '';
  };
  // YAML reads an unquoted 2024 as a number; a revision label is text either way.
  const revisionLabel = (f: Field | undefined, key: string): string | null => {
    if (!f) return null;
    if (typeof f.value === 'number' && Number.isFinite(f.value)) return String(f.value);
    if (typeof f.value === 'string' && f.value.trim()) return f.value.trim();
    bad(f, key, '须为非空文字（如 "2024"）');
    return null;
  };

  const kind = need('kind');
  if (kind && kind.value !== 'plan-template') bad(kind, 'kind', '须为 plan-template');
  const id = text('id');
  const idField = fields.get('id');
  if (idField && id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) bad(idField, 'id', '只能用小写字母、数字和“-”，且以字母或数字开头');
  const revision = revisionLabel(need('revision'), 'revision') ?? '';
  const supField = fields.get('supersedes');
  const supersedes = supField && supField.value !== null ? revisionLabel(supField, 'supersedes') : null;
  if (supField && supersedes !== null && supersedes === revision) bad(supField, 'supersedes', '不能是本修订版本自身');
  const year = need('revisionYear');
  if (year && !Number.isInteger(year.value)) bad(year, 'revisionYear', '须为整数年份（如 2024）');
  const category = need('category');
  if (category && !(HAZARD_CATEGORIES as readonly unknown[]).includes(category.value)) bad(category, 'category', `须为 ${HAZARD_CATEGORIES.join('、')} 之一`);
  const model = need('modelText');
  if (model && typeof model.value !== 'boolean') bad(model, 'modelText', '须为 true 或 false');
  const meta = {
    id,
    revision,
    supersedes,
    title: text('title'),
    districtTitle: text('districtTitle'),
    issuer: text('issuer'),
    revisionYear: Number(year?.value),
    hazard: text('hazard'),
    category: category?.value as HazardCategory,
    modelText: model?.value === true,
    leadDepartment: text('leadDepartment'),
  };

  const ph = fields.get('placeholders');
  if (ph) checkPlaceholders(ph.node, doc, lineOf, ph.line, fm);
  else fm.declared = new Set();
  if (fm.issues.length === before) fm.meta = meta;
}

function checkPlaceholders(node: unknown, doc: Document, lineOf: (offset: number) => number, keyLine: number, fm: FrontMatter): void {
  fm.declared = new Set();
  if (!isSeq(node)) {
    if (!(isScalar(node) && node.value === null)) fm.issues.push({ line: keyLine, text: '前言字段 placeholders（占位符声明）须为列表，每项含 key 和 label' });
    return;
  }
  const firstLine = new Map<string, number>();
  for (const item of node.items) {
    const line = isNode(item) && item.range ? lineOf(item.range[0]) : keyLine;
    const issue = (text: string) => fm.issues.push({ line, text });
    if (!isMap(item)) {
      issue('占位符声明须为含 key 和 label 的映射');
      continue;
    }
    const entry = item.toJS(doc) as Record<string, unknown>;
    for (const k of Object.keys(entry)) if (!PLACEHOLDER_KEYS.has(k)) issue(`占位符声明中有未知字段 “${k}”（可用：key、label、profile、default）`);
    const { key, label: name, profile, default: fallback } = entry;
    if (typeof key !== 'string' || !key.trim()) {
      issue('占位符声明缺少 key（占位符名称）');
      continue;
    }
    if (!/^[^\s{}]+$/.test(key)) issue(`占位符名称 “${key}” 不能含空白或花括号`);
    if (typeof name !== 'string' || !name.trim()) issue(`占位符 {{${key}}} 缺少 label（显示名称）`);
    if (profile !== undefined && !(typeof profile === 'string' && profile in profileFieldLabels)) issue(`占位符 {{${key}}} 的 profile 须为 ${Object.keys(profileFieldLabels).join('、')} 之一`);
    if (fallback !== undefined && typeof fallback !== 'string') issue(`占位符 {{${key}}} 的 default 须为文字`);
    const first = firstLine.get(key);
    if (first !== undefined) {
      issue(`占位符 {{${key}}} 重复声明（第 ${first} 行已声明）`);
      continue;
    }
    firstLine.set(key, line);
    fm.declared.add(key);
    fm.placeholders.push({
      key,
      label: typeof name === 'string' ? name.trim() : '',
      ...(typeof profile === 'string' && profile in profileFieldLabels ? { profile: profile as ProfileField } : {}),
      ...(typeof fallback === 'string' ? { default: fallback } : {}),
    });
  }
}
