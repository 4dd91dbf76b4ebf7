// The templates folder: the shipped plans load cleanly; a bad file is reported and the others still load.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTemplate, loadTemplates, revisionsOf } from '../../electron/core/templates/load-templates';
import { tempDir } from '../helpers/temp-dir';

const shipped = path.resolve(import.meta.dirname, '..', '..', 'templates');

describe('loadTemplates: the shipped templates', () => {
  const { templates, problems } = loadTemplates(shipped);

  it('load without problems', () => {
    expect(problems).toEqual([]);
  });

  it('include the six municipal plans, sorted by id then year', () => {
    const ids = [...new Set(templates.map((t) => t.meta.id))];
    for (const id of ['forest-fire', 'flood-drought', 'geological-hazard', 'earthquake', 'meteorological', 'production-safety']) expect(ids).toContain(id);
    expect(ids).toEqual([...ids].sort());
    for (const t of templates) {
      expect(t.file).toBe(`plans/${t.meta.id}/${t.meta.revision}.md`);
      expect(t.clauses.length).toBeGreaterThan(0);
    }
  });

  it('carry two revisions of forest-fire and flood-drought, the newer superseding the older', () => {
    for (const [id, older, newer] of [
      ['forest-fire', '2019', '2024'],
      ['flood-drought', '2020', '2025'],
    ] as const) {
      expect(revisionsOf(templates, id).map((t) => t.meta.revision)).toEqual([older, newer]);
      expect(findTemplate(templates, id, older)?.meta.supersedes).toBeNull();
      expect(findTemplate(templates, id, newer)?.meta.supersedes).toBe(older);
    }
  });
});

// ---- temp folders -------------------------------------------------------------------------------

function fileText(id: string, revision: string, opts: { supersedes?: string; year?: number; body?: string } = {}): string {
  return [
    '---',
    'kind: plan-template',
    `id: ${id}`,
    `revision: "${revision}"`,
    ...(opts.supersedes ? [`supersedes: "${opts.supersedes}"`] : []),
    `title: 市${id}应急预案`,
    `districtTitle: "{{区名}}${id}应急预案"`,
    'issuer: 市人民政府办公室',
    `revisionYear: ${opts.year ?? Number(revision)}`,
    'hazard: 测试灾害',
    'category: 事故灾难',
    'modelText: true',
    'leadDepartment: 区应急管理局',
    'placeholders:',
    '  - key: 区名',
    '    label: 区名',
    '    profile: districtName',
    '---',
    '',
    opts.body ?? '# 总则 {#general}\n\n{{区名}}的预案。\n',
  ].join('\n');
}

function write(dir: string, rel: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), content);
}

describe('loadTemplates: a temp folder', () => {
  it('loads the good file and reports the bad one with its relative path and line, ignoring other files', () => {
    const dir = tempDir();
    write(dir, 'README.md', '# 说明\n');
    write(dir, 'plans/good/2024.md', fileText('good', '2024'));
    write(dir, 'plans/good/notes.txt', '不是模板');
    write(dir, 'plans/bad/2024.md', fileText('bad', '2024', { body: '# 总则 {#general}\n\n## 目的\n' }));
    const r = loadTemplates(dir);
    expect(r.templates.map((t) => t.file)).toEqual(['plans/good/2024.md']);
    expect(r.problems).toEqual([{ file: 'plans/bad/2024.md', line: 21, message: expect.stringMatching(/^第 21 行：标题缺少条款编号/) }]);
  });

  it('rejects a file whose id differs from its folder, or whose revision differs from its file name', () => {
    const dir = tempDir();
    write(dir, 'plans/alpha/2024.md', fileText('beta', '2024'));
    write(dir, 'plans/gamma/2023.md', fileText('gamma', '2024'));
    const r = loadTemplates(dir);
    expect(r.templates).toEqual([]);
    expect(r.problems).toEqual([
      { file: 'plans/alpha/2024.md', line: 3, message: '第 3 行：模板编号 id “beta” 与所在文件夹名 “alpha” 不一致' },
      { file: 'plans/gamma/2023.md', line: 4, message: '第 4 行：修订版本 revision “2024” 与文件名 “2023.md” 不一致' },
    ]);
  });

  it('reports two files with the same id and revision on the second', () => {
    const dir = tempDir();
    write(dir, 'plans/delta/2024.md', fileText('delta', '2024'));
    write(dir, 'plans/delta/2024-copy.md', fileText('delta', '2024'));
    const r = loadTemplates(dir);
    expect(r.templates.map((t) => t.file)).toEqual(['plans/delta/2024.md']);
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringContaining('与文件名 “2024-copy.md” 不一致'), expect.stringContaining('修订版本 “2024” 重复（已见于 plans/delta/2024.md）')]);
    expect(r.problems.every((p) => p.file === 'plans/delta/2024-copy.md' && p.line === 4)).toBe(true);
  });

  it('reports a supersedes naming a missing revision on the newer file, and links existing ones', () => {
    const dir = tempDir();
    write(dir, 'plans/eps/2019.md', fileText('eps', '2019'));
    write(dir, 'plans/eps/2024.md', fileText('eps', '2024', { supersedes: '2019' }));
    write(dir, 'plans/zeta/2024.md', fileText('zeta', '2024', { supersedes: '2018' }));
    const r = loadTemplates(dir);
    expect(r.templates.map((t) => t.file)).toEqual(['plans/eps/2019.md', 'plans/eps/2024.md']);
    expect(r.problems).toEqual([{ file: 'plans/zeta/2024.md', line: 5, message: expect.stringMatching(/^第 5 行：supersedes 所指的修订版本 “2018” 不存在/) }]);
    expect(revisionsOf(r.templates, 'eps').map((t) => t.meta.supersedes)).toEqual([null, '2019']);
    expect(findTemplate(r.templates, 'eps', '2018')).toBeUndefined();
  });

  it('sorts revisions by year, not by file name', () => {
    const dir = tempDir();
    write(dir, 'plans/eta/b.md', fileText('eta', 'b', { year: 2019 }));
    write(dir, 'plans/eta/a.md', fileText('eta', 'a', { year: 2024, supersedes: 'b' }));
    const r = loadTemplates(dir);
    expect(r.problems).toEqual([]);
    expect(r.templates.map((t) => t.meta.revision)).toEqual(['b', 'a']);
  });

  it('gives one problem for a missing folder', () => {
    const missing = path.join(tempDir(), 'nope');
    const r = loadTemplates(missing);
    expect(r.templates).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.message).toContain('未找到模板文件夹');
  });
});
