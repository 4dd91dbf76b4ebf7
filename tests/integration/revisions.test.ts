// Versions, status flow, upstream merge, template import and search through the core, on real SQLite files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksText } from '../../electron/shared/doc-model';
import type { PlanDetail, PlanSummary } from '../../electron/shared/schemas/plan';
import type { CompareResult, MergeProposal, PlanHistory, SearchHit } from '../../electron/shared/schemas/revision';
import type { Core } from '../../electron/core/create-core';
import { data, makeCore, TEMPLATES_DIR } from '../helpers/core';
import { editSection } from '../helpers/plan-edits';
import { elements, paragraphs, saveExport, textOf } from '../helpers/docx';

const profile = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [] };

async function newPlan(core: Core, templateId = 'forest-fire', revision = '2019'): Promise<PlanDetail> {
  await data(core.call('profile.save', profile));
  const s = await data<PlanSummary>(core.call('plan.create', { templateId, revision }));
  return data<PlanDetail>(core.call('plan.get', { id: s.id }));
}

describe('versions and comparison', () => {
  it('restoring a version of a published plan dates its return to draft by the local calendar', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai'; // the bureau's clock; Node reads TZ again when it is set
    try {
      // 7:30 on 10 March in 太原 is still 9 March in UTC.
      const core = await makeCore({ clock: { now: () => new Date('2026-03-09T23:30:00Z') } });
      const plan = await newPlan(core);
      const v1 = await data<{ id: string }>(core.call('plan.save-version', { id: plan.id, note: '初稿', author: '王明' }));
      for (const to of ['consultation', 'review', 'published'] as const) await data(core.call('plan.set-status', { id: plan.id, to, date: '2026-03-01', actor: '王明', department: '区应急管理局' }));
      await data(core.call('plan.restore-version', { id: plan.id, versionId: v1.id }));
      const h = await data<PlanHistory>(core.call('plan.history', { id: plan.id }));
      expect(h.statusEvents.at(-1)).toMatchObject({ to: 'draft', date: '2026-03-10' });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('saves named versions, compares them section by section and restores one as a new draft', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    const v1 = await data<{ id: string; seq: number }>(core.call('plan.save-version', { id: plan.id, note: '初稿', author: '王明' }));
    await editSection(core, plan, 'general.purpose', '为规范本区森林火灾应对工作，制定本预案。');
    const v2 = await data<{ id: string }>(core.call('plan.save-version', { id: plan.id, note: '修改编制目的' }));
    const cmp = await data<CompareResult>(core.call('plan.compare', { id: plan.id, from: v1.id, to: v2.id }));
    expect(cmp.stats.changed).toBe(1);
    const changed = cmp.changes.find((c) => c.kinds.includes('changed'))!;
    expect(changed.newTitle).toBe('编制目的');
    expect(changed.diff!.filter((p) => p.op === 'add').map((p) => p.text).join('')).toContain('规范');
    expect(await core.call('plan.save-version', { id: plan.id, note: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const restored = await data<PlanDetail>(core.call('plan.restore-version', { id: plan.id, versionId: v1.id }));
    expect(blocksText(restored.doc.sections.find((s) => s.lineage?.clauseId === 'general.purpose')!.body)).toContain('为建立健全');
    const h = await data<PlanHistory>(core.call('plan.history', { id: plan.id }));
    expect(h.versions.map((v) => v.kind)).toEqual(['restore', 'manual', 'manual']);
    // A restore is listed in the history; the 修订记录 filed with the plan lists the revisions its text holds:
    // back to V1, the change made in V2 is undone and not listed.
    expect(h.revisionRecord.map((r) => r.note)).toEqual(['初稿']);
  });
});

describe('status flow', () => {
  it('publishes with a snapshot, sets the review date three years on, refuses edits, and starts a new draft', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    expect(await core.call('plan.set-status', { id: plan.id, to: 'abolished', date: '2026-03-01', actor: '王明', department: '区应急管理局' })).toMatchObject({ ok: false });
    for (const to of ['consultation', 'review', 'published'] as const) await data(core.call('plan.set-status', { id: plan.id, to, date: '2026-03-01', actor: '王明', department: '区应急管理局' }));
    const published = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    expect(published).toMatchObject({ status: 'published', publishedDate: '2026-03-01', nextReviewDate: '2029-03-01' });
    await expect(editSection(core, published, 'general.purpose', '不允许')).rejects.toThrow(/CONFLICT/);
    const h = await data<PlanHistory>(core.call('plan.history', { id: plan.id }));
    expect(h.versions[0]!.kind).toBe('published');
    expect(h.statusEvents.map((e) => e.to)).toEqual(['consultation', 'review', 'published']);
    await data(core.call('plan.set-status', { id: plan.id, to: 'draft', date: '2026-05-01', actor: '王明', department: '区应急管理局', note: '开始修订' }));
    await editSection(core, published, 'general.purpose', '修订稿可以编辑。');
  });

  it('warns on the home page before the review falls due', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    await data(core.call('plan.set-status', { id: plan.id, to: 'published', date: '2023-04-15', actor: '', department: '' }));
    const home = await data<{ reviewDue: { planId: string; daysLeft: number }[] }>(core.call('home.summary', {}));
    expect(home.reviewDue).toEqual([expect.objectContaining({ planId: plan.id, nextReviewDate: '2026-04-15' })]);
  });
});

describe('upstream revisions', () => {
  it('flags plans of an older revision and merges the newer one with the planner resolving conflicts', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    expect(plan.upstreamRevision).toBe('2024');
    await editSection(core, plan, 'reporting.time', '本区规定：事发后15分钟内电话报告区应急管理局。');
    const proposal = await data<MergeProposal>(core.call('plan.merge-preview', { id: plan.id, toRevision: '2024' }));
    const conflicts = proposal.items.filter((i) => i.kind === 'conflict');
    expect(conflicts.map((c) => c.clauseId)).toContain('reporting.time');
    expect(proposal.upstream.some((c) => c.kinds.includes('added'))).toBe(true);
    // 上位变化 reads the city's text with the plan's names, as the plan does.
    expect(JSON.stringify(proposal.upstream)).not.toContain('{{');
    expect(JSON.stringify(proposal.upstream)).toContain('小店区');
    const refused = await core.call('plan.merge-apply', { id: plan.id, toRevision: '2024', resolutions: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).templateRevision).toBe('2019');

    const resolutions = conflicts.map((c) => (c.clauseId === 'reporting.time' ? { key: c.key, choice: 'edit' as const, text: '事发后15分钟内电话报告，30分钟内书面报告。' } : { key: c.key, choice: 'theirs' as const }));
    const merged = await data<PlanDetail>(core.call('plan.merge-apply', { id: plan.id, toRevision: '2024', resolutions }));
    expect(merged.templateRevision).toBe('2024');
    expect(merged.upstreamRevision).toBeNull();
    expect(blocksText(merged.doc.sections.find((s) => s.lineage?.clauseId === 'reporting.time')!.body)).toBe('事发后15分钟内电话报告，30分钟内书面报告。');
    expect(merged.doc.sections.some((s) => s.lineage?.clauseId === 'general.risk')).toBe(true);
    const h = await data<PlanHistory>(core.call('plan.history', { id: plan.id }));
    expect(h.versions[0]!.kind).toBe('merge');
    expect(h.versions[0]!.note).toContain('依据《市森林火灾应急预案》（2024年修订，替代2019年修订）');
    expect(h.versions[0]!.note).toContain('人工修改');
    expect(h.versions[1]).toMatchObject({ internal: true, note: '合并上位修订（2024）前的自动备份' });
    expect(h.revisionRecord.map((r) => r.note).join('\n')).not.toContain('自动备份');
    expect(h.revisionRecord.at(-1)!.note).toBe(h.versions[0]!.note);
    const cmp = await data<CompareResult>(core.call('plan.compare', { id: plan.id, from: h.versions[1]!.id, to: 'draft' }));
    expect(cmp.stats.added).toBeGreaterThan(0);
    expect(cmp.stats.changed).toBeGreaterThan(0);
  });

  it('moves the sections the 2024 revision moved, with their content, when merged with the defaults', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    const preview = await data<MergeProposal>(core.call('plan.merge-preview', { id: plan.id, toRevision: '2024' }));
    expect(preview.upstream.filter((c) => c.kinds.includes('moved')).map((c) => c.newTitle)).toEqual(['火情核查', '火灾调查与评估']);
    await data(core.call('plan.merge-apply', { id: plan.id, toRevision: '2024', resolutions: [] }));
    const merged = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    const titles = (chapter: string) => {
      const start = merged.doc.sections.findIndex((s) => s.level === 1 && s.title === chapter);
      const end = merged.doc.sections.findIndex((s, i) => i > start && s.level === 1);
      return merged.doc.sections.slice(start + 1, end).map((s) => s.title);
    };
    expect(titles('监测预警')).not.toContain('火情核查');
    expect(titles('信息报告')[0]).toBe('火情核查');
    expect(titles('后期处置')).toEqual(['善后处置', '保险与救助', '火灾调查与评估', '恢复重建']);
    const check = merged.doc.sections.find((s) => s.title === '火情核查')!;
    expect(check.id).toBe(plan.doc.sections.find((s) => s.title === '火情核查')!.id);
    expect(blocksText(check.body)).toBe(blocksText(check.lineage!.baseBody));
    // The 修订说明 says which level each repeated clause belongs to, and what moved where.
    const note = (await data<PlanHistory>(core.call('plan.history', { id: plan.id }))).versions[0]!.note;
    expect(note).toContain('Ⅱ级响应 › 启动条件');
    expect(note).not.toMatch(/[：、]启动条件[、。]/);
    expect(note).toContain('调整位置 2 条：火情核查（由“监测预警”移至“信息报告”）、火灾调查与评估（在“后期处置”内调整顺序）。');
  });

  it('offers the names the new revision changed, renames them throughout when adopted, and keeps declined ones', async () => {
    const core = await makeCore();
    const plan = await newPlan(core, 'forest-fire', '2019');
    const textOf = (p: PlanDetail) => p.doc.sections.map((s) => `${s.title}\n${blocksText(s.body)}`).join('\n');
    expect(textOf(plan)).toContain('区森林防火指挥部');
    // 区应急管理局 is already a member unit in the plan: renaming 区林业局 to it would duplicate it, so it is not proposed.
    // It is offered as 设置 names it (the template's 区应急管理局 is the profile's 应急管理部门).
    const preview = await data<MergeProposal>(core.call('plan.merge-preview', { id: plan.id, toRevision: '2024' }));
    expect(preview.placeholders).toEqual([
      { key: '牵头单位', label: '牵头单位（指挥部办公室所在单位）', current: '区林业局', proposed: '太原市小店区应急管理局', adopt: false, collides: true },
      { key: '指挥部名称', label: '专项指挥部名称', current: '区森林防火指挥部', proposed: '区森林草原防灭火指挥部', adopt: true, collides: false },
    ]);
    const forced = await data<MergeProposal>(core.call('plan.merge-preview', { id: plan.id, toRevision: '2024', names: [{ key: '牵头单位', adopt: true }] }));
    expect(forced.placeholders.map((n) => n.adopt)).toEqual([true, true]);
    const resolutions = preview.items.filter((i) => i.kind === 'conflict').map((i) => ({ key: i.key, choice: 'theirs' as const }));
    const merged = await data<PlanDetail>(core.call('plan.merge-apply', { id: plan.id, toRevision: '2024', resolutions }));
    expect(textOf(merged)).not.toContain('区森林防火指挥部');
    expect(textOf(merged)).toContain('区森林草原防灭火指挥部');
    expect(merged.doc.placeholders.find((p) => p.key === '指挥部名称')!.value).toBe('区森林草原防灭火指挥部');
    expect(merged.doc.placeholders.find((p) => p.key === '牵头单位')!.value).toBe('区林业局');
    const h = await data<PlanHistory>(core.call('plan.history', { id: plan.id }));
    expect(h.versions[0]!.note).toContain('名称“区森林防火指挥部”改为“区森林草原防灭火指挥部”');
  });

  it('imports a new municipal revision from a file, and refuses a bad one without changing anything', async () => {
    const core = await makeCore();
    const plan = await newPlan(core, 'earthquake', '2022');
    expect(plan.upstreamRevision).toBeNull();
    const src = fs.readFileSync(path.join(TEMPLATES_DIR, 'plans', 'earthquake', '2022.md'), 'utf8');
    const next = src.replace('revision: "2022"', 'revision: "2026"').replace(/supersedes:.*\n/, '').replace('revisionYear: 2022', 'revisionYear: 2026').replace('---\n', '---\nsupersedes: "2022"\n').replace('编制目的 {#general.purpose}', '编制目的 {#general.purpose}\n\n为进一步规范地震应急工作，新增本段。');
    const bad = next.replace('{#general.purpose}', '{#general.scope}');
    const refused = await core.call('template.import', { fileName: 'bad.md', content: bad });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TEMPLATE_INVALID' } });
    expect((refused as { error: { details: string[] } }).error.details.join('\n')).toMatch(/第 \d+ 行/);
    expect((await data<{ templates: { id: string; revision: string }[] }>(core.call('template.list', {}))).templates.filter((t) => t.id === 'earthquake')).toHaveLength(1);

    await data(core.call('template.import', { fileName: '地震2026.md', content: next }));
    const list = await data<{ templates: { id: string; revision: string; file: string }[]; problems: unknown[] }>(core.call('template.list', {}));
    expect(list.problems).toEqual([]);
    expect(list.templates.find((t) => t.id === 'earthquake' && t.revision === '2026')!.file).toMatch(/^imported\//);
    expect((await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).upstreamRevision).toBe('2026');
    expect(await core.call('template.import', { fileName: 'again.md', content: next })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('the 修订记录 filed with the plan', () => {
  /** The rows of the exported plan's 修订记录: the first table, the one under the 修订记录 label. */
  async function exportedRecord(core: Core, planId: string, versionId?: string): Promise<string[][]> {
    const file = await data<{ dataBase64: string }>(core.call('plan.export-docx', { id: planId, ...(versionId ? { versionId } : {}) }));
    const parts = await saveExport(versionId ? 'plan-revision-record-earlier' : 'plan-revision-record', Buffer.from(file.dataBase64, 'base64'));
    expect(paragraphs(parts.document).map((p) => p.text)).toContain('修订记录');
    const table = elements(parts.document, 'w:tbl')[0]!;
    return elements(table, 'w:tr').map((tr) => elements(tr, 'w:tc').map(textOf));
  }

  it('numbers the revisions 1, 2, 3… in the exported .docx and the history, past the merge backup and the restore', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    await data(core.call('plan.save-version', { id: plan.id, note: '初稿', author: '王明' })); // V1
    await data(core.call('plan.merge-apply', { id: plan.id, toRevision: '2024', resolutions: [] })); // V2 the backup, V3 the merge
    let h = await data<PlanHistory>(core.call('plan.history', { id: plan.id }));
    const v1 = h.versions.find((v) => v.seq === 1)!;
    const v3 = h.versions.find((v) => v.seq === 3)!;
    await data(core.call('plan.restore-version', { id: plan.id, versionId: v3.id })); // V4
    await data(core.call('plan.save-version', { id: plan.id, note: '根据演练评估修改信息报告时限' })); // V5
    h = await data<PlanHistory>(core.call('plan.history', { id: plan.id }));
    expect(h.versions.map((v) => [v.seq, v.internal, v.kind])).toEqual([[5, false, 'manual'], [4, false, 'restore'], [3, false, 'merge'], [2, true, 'manual'], [1, false, 'manual']]);
    // The drawer shows each row's own number beside the version it is.
    expect(h.revisionRecord.map((r) => [r.no, r.version, r.versionId])).toEqual([[1, 'V1', v1.id], [2, 'V3', v3.id], [3, 'V5', h.versions[0]!.id]]);

    const rows = await exportedRecord(core, plan.id);
    expect(rows.map((r) => r.slice(0, 2))).toEqual([['序号', '修订日期'], ['1', '2026年3月2日'], ['2', '2026年3月2日'], ['3', '2026年3月2日']]);
    expect(rows.map((r) => r[2]!.slice(0, 12))).toEqual(['修订说明', '初稿', v3.note.slice(0, 12), '根据演练评估修改信息报告时限'.slice(0, 12)]);
    expect(rows.flat().join('')).not.toMatch(/V\d|自动备份|恢复自/);

    // An earlier version leaves with the revisions made by then.
    expect((await exportedRecord(core, plan.id, v3.id)).map((r) => r[0])).toEqual(['序号', '1', '2']);
  });
});

describe('search', () => {
  it('finds Chinese text across plans and versions with highlighted snippets', async () => {
    const core = await makeCore();
    const a = await newPlan(core, 'forest-fire', '2024');
    await newPlan(core, 'flood-drought', '2025');
    await editSection(core, a, 'general.purpose', '本区特有的防火隔离带巡护制度。');
    const hits = await data<SearchHit[]>(core.call('search.query', { query: '防火隔离带' }));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ planId: a.id, sectionTitle: '编制目的', versionId: null });
    expect(hits[0]!.snippet).toContain('\u0001防火隔离带\u0002');
    const short = await data<SearchHit[]>(core.call('search.query', { query: '汛' }));
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((h) => h.snippet.includes('\u0001汛\u0002'))).toBe(true);
    await data(core.call('plan.save-version', { id: a.id, note: '第一版' }));
    await editSection(core, a, 'general.purpose', '改写后不再提及。');
    expect(await data<SearchHit[]>(core.call('search.query', { query: '防火隔离带' }))).toHaveLength(0);
    const inVersions = await data<SearchHit[]>(core.call('search.query', { query: '防火隔离带', includeVersions: true }));
    expect(inVersions.map((h) => h.versionLabel)).toEqual(['V1']);
    expect(await core.call('search.query', { query: '"' })).toMatchObject({ ok: true });
  });

  it('takes space-separated terms as all required, long ones indexed and short ones not', async () => {
    const core = await makeCore();
    const a = await newPlan(core, 'forest-fire', '2024');
    await editSection(core, a, 'general.purpose', '本区特有的防火隔离带巡护制度，由林业站负责。');
    const both = await data<SearchHit[]>(core.call('search.query', { query: '防火隔离带  巡护制度' }));
    expect(both.map((h) => h.sectionTitle)).toEqual(['编制目的']);
    // Adjacent hits share one mark.
    expect(both[0]!.snippet).toContain('\u0001防火隔离带巡护制度\u0002');
    expect(await data<SearchHit[]>(core.call('search.query', { query: '防火隔离带 巡护 站' }))).toHaveLength(1);
    // Each term alone occurs elsewhere; together only in this section, and not at all with a missing one.
    expect(await data<SearchHit[]>(core.call('search.query', { query: '防火隔离带 不存在的词' }))).toHaveLength(0);
    expect(await core.call('search.query', { query: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('searches archived plans when asked, after the others and marked; each hit names its plan’s 编号', async () => {
    const core = await makeCore();
    const live = await newPlan(core, 'forest-fire', '2024');
    const old = await newPlan(core, 'forest-fire', '2024');
    expect(old.title).toBe(live.title);
    for (const p of [live, old]) await editSection(core, p, 'general.purpose', '本区特有的防火隔离带巡护制度。');
    await data(core.call('plan.archive', { id: old.id, archived: true }));
    const codes = new Map((await data<PlanSummary[]>(core.call('plan.list', { includeArchived: true }))).map((p) => [p.id, p.code]));
    expect(new Set(codes.values()).size).toBe(2);

    const shown = await data<SearchHit[]>(core.call('search.query', { query: '防火隔离带' }));
    expect(shown.map((h) => [h.planId, h.planCode, h.archived])).toEqual([[live.id, codes.get(live.id), false]]);
    const all = await data<SearchHit[]>(core.call('search.query', { query: '防火隔离带', includeArchived: true }));
    expect(all.map((h) => [h.planId, h.planCode, h.archived])).toEqual([[live.id, codes.get(live.id), false], [old.id, codes.get(old.id), true]]);
    // The short-term path (LIKE) scopes the same way.
    const short = await data<SearchHit[]>(core.call('search.query', { query: '防火 巡护', includeArchived: true }));
    expect(short.map((h) => h.archived)).toEqual(short.map((h) => h.planId === old.id));
    expect(short.map((h) => h.archived)).toEqual([...short.map((h) => h.archived)].sort());
    expect(new Set(short.map((h) => h.planId))).toEqual(new Set([live.id, old.id]));
    expect((await data<SearchHit[]>(core.call('search.query', { query: '防火 巡护' }))).every((h) => h.planId === live.id)).toBe(true);
  });
});
