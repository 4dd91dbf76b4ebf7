// Criteria files: the shipped sets load clean; broken files are reported by file and line and do not stop the others.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCriteriaSets, parseCriteriaSet } from '../../electron/core/domain/evaluation/criteria';

const SHIPPED = path.resolve(import.meta.dirname, '../../templates/criteria');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'criteria-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const GOOD = `id: good
title: 测试标准
basis: 测试
criteria:
  - id: a
    group: 甲
    title: 第一项
    description: ''
    weight: 60
    scale: { kind: score, max: 10 }
  - id: b
    group: 乙
    title: 第二项
    description: 说明
    weight: 40
    scale:
      kind: levels
      levels: [{ label: 达到, value: 1 }, { label: 未达到, value: 0 }]
`;

// Three mistakes, each expected on its own line: weights totalling 110, a level worth 1.5, an unknown key.
const BAD = `id: bad
title: 有错的标准
basis: 测试
criteria:
  - id: a
    group: 甲
    title: 第一项
    description: ''
    weight: 60
    scale: { kind: score, max: 10 }
  - id: b
    group: 乙
    title: 第二项
    description: ''
    weight: 50
    scale:
      kind: levels
      levels:
        - { label: 达到, value: 1.5 }
        - { label: 未达到, value: 0 }
    note: 多余的字段
`;

const lines = (text: string) => text.split('\n');
const lineOf = (text: string, needle: string) => lines(text).findIndex((l) => l.includes(needle)) + 1;

describe('shipped criteria', () => {
  const loaded = loadCriteriaSets(SHIPPED);

  it('load with no problems', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.sets.map((s) => s.id)).toEqual(['drill-default', 'tabletop']);
  });

  it('have weights of 100, unique ids, and the default set covers the eight groups of domain.md §3.7', () => {
    for (const set of loaded.sets) {
      expect(set.criteria.reduce((a, c) => a + c.weight, 0)).toBeCloseTo(100, 6);
      expect(new Set(set.criteria.map((c) => c.id)).size).toBe(set.criteria.length);
    }
    const def = loaded.sets[0]!;
    expect(def.title).toBe('综合应急演练评估标准（默认）');
    expect(def.basis).toContain('AQ/T 9009-2015');
    expect(def.basis).toContain('GB/T 46792-2025');
    expect(def.criteria.length).toBeGreaterThanOrEqual(16);
    expect(def.criteria.length).toBeLessThanOrEqual(24);
    expect([...new Set(def.criteria.map((c) => c.group))]).toEqual(['预案适用性', '指挥与协调', '预警与信息报告', '应急响应与处置', '资源与装备', '安全保障', '信息发布与公众沟通', '演练组织']);
    expect(def.criteria.find((c) => c.id === 'plan-suitability')).toBeDefined();
    const kinds = new Set(def.criteria.map((c) => c.scale.kind));
    expect(kinds).toEqual(new Set(['score', 'levels']));
    for (const c of def.criteria) {
      if (c.scale.kind === 'score') expect(c.scale.max).toBe(10);
      else expect(c.scale.levels).toEqual([{ label: '达到', value: 1 }, { label: '部分达到', value: 0.5 }, { label: '未达到', value: 0 }]);
      expect(c.description.length).toBeGreaterThan(10);
    }
  });
});

describe('loadCriteriaSets', () => {
  it('loads the good file and reports the bad one by file and line', () => {
    const dir = folder({ 'good.yaml': GOOD, 'bad.yaml': BAD, 'README.md': '# 说明' });
    const { sets, problems } = loadCriteriaSets(dir);
    expect(sets.map((s) => s.id)).toEqual(['good']);
    expect(problems.every((p) => p.file === 'bad.yaml')).toBe(true);
    const at = (line: number) => problems.filter((p) => p.line === line).map((p) => p.message);
    expect(at(lineOf(BAD, 'criteria:'))).toEqual([expect.stringMatching(/权重.*之和须为 100，现为 110/)]);
    expect(at(lineOf(BAD, 'value: 1.5'))).toEqual([expect.stringMatching(/第 2 个评估项（b）的第 1 个等级的分值（value）须在 0 到 1 之间.*现为 1\.5/)]);
    expect(at(lineOf(BAD, 'note:'))).toEqual([expect.stringContaining('未知字段 “note”')]);
    expect(problems).toHaveLength(3);
  });

  it('reports a duplicate criterion id at the second use, naming the first line', () => {
    const text = GOOD.replace('id: b', 'id: a');
    const { set, problems } = parseCriteriaSet(text, 'dup.yaml');
    expect(set).toBeNull();
    expect(problems).toEqual([{ file: 'dup.yaml', line: 11, message: expect.stringContaining('评估项编号 “a” 重复（第 5 行已使用）') }]);
  });

  it('reports YAML syntax errors with their line and still loads the other files', () => {
    const broken = 'id: x\ntitle: 标准\ncriteria:\n  - id: a\n   weight: 1\n';
    const dir = folder({ 'a-broken.yaml': broken, 'good.yaml': GOOD });
    const { sets, problems } = loadCriteriaSets(dir);
    expect(sets.map((s) => s.id)).toEqual(['good']);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'a-broken.yaml', message: expect.stringContaining('YAML 语法错误') });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('says in Chinese which field is missing or mistyped, on its line', () => {
    const text = GOOD.replace('    weight: 40\n', '').replace('max: 10', 'max: 十').replace('kind: levels', 'kind: grades').replace('basis: 测试\n', '');
    const { problems } = parseCriteriaSet(text, 'f.yaml');
    const messages = problems.map((p) => `${p.line} ${p.message}`);
    expect(messages).toContain('1 缺少依据（basis）');
    expect(messages).toContain(`${lineOf(text, 'max: 十')} 第 1 个评估项（a）的评分方式满分（max）须为数字`);
    expect(messages).toContain(`${lineOf(text, '- id: b')} 缺少第 2 个评估项（b）的权重（weight）`);
    expect(messages.some((m) => m.startsWith(`${lineOf(text, 'kind: grades')} 第 2 个评估项（b）的评分方式类型（kind）须为 score`))).toBe(true);
  });

  it('rejects an empty file, an empty list, level labels used twice and ids with dots', () => {
    expect(parseCriteriaSet('', 'e.yaml').problems).toEqual([{ file: 'e.yaml', line: 1, message: expect.stringContaining('文件为空') }]);
    expect(parseCriteriaSet('id: x\ntitle: 标准\nbasis: ""\ncriteria: []\n', 'l.yaml').problems.map((p) => p.message)).toEqual(['评估项列表（criteria）至少须有 1 项']);
    const twice = GOOD.replace('label: 未达到, value: 0', 'label: 达到, value: 0');
    expect(parseCriteriaSet(twice, 't.yaml').problems.map((p) => p.message)).toEqual([expect.stringContaining('“达到” 重复')]);
    const dotted = parseCriteriaSet(GOOD.replace('id: a', 'id: plan.a'), 'd.yaml').problems;
    expect(dotted).toEqual([{ file: 'd.yaml', line: 5, message: expect.stringContaining('编号（id）格式不正确：只能用英文字母、数字') }]);
  });

  it('keeps the first of two files claiming one set id', () => {
    const dir = folder({ 'a.yaml': GOOD, 'b.yaml': GOOD.replace('title: 测试标准', 'title: 另一份') });
    const { sets, problems } = loadCriteriaSets(dir);
    expect(sets.map((s) => s.title)).toEqual(['测试标准']);
    expect(problems).toEqual([{ file: 'b.yaml', line: 1, message: expect.stringContaining('评估标准编号 “good” 重复（已见于 a.yaml）') }]);
  });

  it('reports a missing folder instead of throwing', () => {
    const { sets, problems } = loadCriteriaSets(path.join(os.tmpdir(), 'no-such-criteria-folder-x9'));
    expect(sets).toEqual([]);
    expect(problems).toEqual([{ file: '', line: 1, message: expect.stringContaining('未找到评估标准文件夹') }]);
  });
});
