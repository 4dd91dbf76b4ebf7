// The Word channels end to end in the core: every document leaves as a .docx; a plan comes back in from one.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Drill, Script } from '../../electron/shared/schemas/drill';
import type { PlanDetail, PlanSummary } from '../../electron/shared/schemas/plan';
import { data, makeCore } from '../helpers/core';
import { paragraphs } from '../helpers/docx';

async function documentXml(b64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(b64, 'base64'));
  return zip.file('word/document.xml')!.async('string');
}

describe('document channels', () => {
  it('exports a plan, imports it back as a new plan with the same sections, and refuses a file that is not Word or is damaged', async () => {
    const core = await makeCore();
    await data(core.call('profile.save', { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [] }));
    const s = await data<PlanSummary>(core.call('plan.create', { templateId: 'earthquake', revision: '2022' }));
    const original = await data<PlanDetail>(core.call('plan.get', { id: s.id }));
    const file = await data<{ fileName: string; dataBase64: string }>(core.call('plan.export-docx', { id: s.id }));
    const imported = await data<{ planId: string; title: string; sections: number }>(core.call('plan.import-docx', { fileName: file.fileName, dataBase64: file.dataBase64 }));
    expect(imported.title).toBe('小店区地震应急预案');
    const back = await data<PlanDetail>(core.call('plan.get', { id: imported.planId }));
    expect(back.doc.sections.map((x) => [x.level, x.title])).toEqual(original.doc.sections.map((x) => [x.level, x.title]));
    expect(back.templateId).toBeNull();
    const before = (await data<PlanSummary[]>(core.call('plan.list', {}))).length;
    expect(await core.call('plan.import-docx', { fileName: 'x.docx', dataBase64: Buffer.from('这不是Word文档').toString('base64') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^文件不是 Word/) } });
    // A .docx cut short on its way is told apart from a file that is not Word, and writes nothing either.
    const truncated = Buffer.from(file.dataBase64, 'base64').subarray(0, 4000).toString('base64');
    expect(await core.call('plan.import-docx', { fileName: 'y.docx', dataBase64: truncated })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^文件已损坏或不完整/) } });
    expect((await data<PlanSummary[]>(core.call('plan.list', {}))).length).toBe(before);
  });

  it('exports the drill script, the year programme, the improvement list and the revision table', async () => {
    const core = await makeCore();
    const plan = await data<PlanSummary>(core.call('plan.create', { templateId: 'forest-fire', revision: '2019' }));
    const drill = await data<Drill>(core.call('drill.create', {
      name: '森林火灾综合演练', form: 'live', scope: 'comprehensive', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
      planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: [], date: '2026-04-08', startTime: '09:00', endTime: '11:30', place: '东山', organizer: '区应急管理局', participants: [], notes: '',
    }));
    const script = await data<Script>(core.call('script.generate', { drillId: drill.id, planId: plan.id }));
    await data(core.call('script.save', { drillId: drill.id, script }));
    const scriptDoc = await data<{ fileName: string; dataBase64: string }>(core.call('drill.export-script-docx', { id: drill.id }));
    expect(scriptDoc.fileName).toBe('森林火灾综合演练脚本_20260408.docx');
    expect(await documentXml(scriptDoc.dataBase64)).toContain('w:orient="landscape"');
    const programme = await data<{ fileName: string; dataBase64: string }>(core.call('drill.export-programme-docx', { year: 2026 }));
    expect(await documentXml(programme.dataBase64)).toContain('森林火灾综合演练');
    await data(core.call('item.save', { item: { findingId: null, drillId: drill.id, description: '通讯录未更新', measure: '', category: '预案', unit: '区应急管理局', owner: '', deadline: '2026-06-30', needsPlanChange: false, clauses: [] } }));
    const items = await data<{ dataBase64: string }>(core.call('item.export-docx', {}));
    expect(await documentXml(items.dataBase64)).toContain('通讯录未更新');
    const v1 = await data<{ id: string }>(core.call('plan.save-version', { id: plan.id, note: '初稿' }));
    const merged = await data<PlanDetail>(core.call('plan.merge-apply', { id: plan.id, toRevision: '2024', resolutions: [] }));
    const table = await data<{ fileName: string; dataBase64: string }>(core.call('plan.export-revision-table', { id: plan.id, from: v1.id, to: 'draft' }));
    expect(table.fileName).toContain('修订对照表');
    const xml = await documentXml(table.dataBase64);
    expect(xml).toContain('（新增）');
    expect(merged.templateRevision).toBe('2024');
  });
});

describe('the drill work plan', () => {
  it('exports the 工作方案 of a drill with the plan and the clauses it tests, and says so when the drill is gone', async () => {
    const core = await makeCore();
    await data(core.call('profile.save', { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [] }));
    const plan = await data<PlanSummary>(core.call('plan.create', { templateId: 'forest-fire', revision: '2024' }));
    const sections = (await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).doc.sections;
    const tested = sections.filter((s) => s.title === '编制目的' || s.title === '信息报告');
    expect(tested).toHaveLength(2);
    const drill = await data<Drill>(core.call('drill.create', {
      name: '森林火灾综合演练', form: 'live', scope: 'comprehensive', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true,
      planLinks: [{ planId: plan.id, sectionIds: tested.map((s) => s.id) }], objectives: ['检验信息报告流程'], date: '2026-04-08', startTime: '09:00', endTime: '11:30', place: '东山林场', organizer: '', participants: ['区应急管理局'], notes: '',
    }));
    const script = await data<Script>(core.call('script.generate', { drillId: drill.id, planId: plan.id }));
    await data(core.call('script.save', { drillId: drill.id, script: { ...script, roster: [{ id: 'r1', role: '总指挥', name: '张建国', unit: '区人民政府', contact: '' }] } }));
    const file = await data<{ fileName: string; dataBase64: string }>(core.call('drill.export-workplan-docx', { id: drill.id }));
    expect(file.fileName).toBe('森林火灾综合演练工作方案_20260408.docx');
    const xml = await documentXml(file.dataBase64);
    expect(xml).toContain('森林火灾综合演练工作方案');
    expect(xml).toContain(`《${plan.title}》中“编制目的”“信息报告”等条款`);
    expect(xml).toContain('组长（总指挥）：张建国（区人民政府）');
    expect(xml).toContain(`${script.injects.length}个情景`);
    // No organiser on the drill: the bureau from 设置 signs it.
    expect(xml).toContain('太原市小店区应急管理局');
    expect(await core.call('drill.export-workplan-docx', { id: 'd-missing1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('reports and the notice', () => {
  it('exports the evaluation and summary reports of a drill and the notice that issues a plan', async () => {
    const core = await makeCore();
    await data(core.call('profile.save', { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [] }));
    const plan = await data<PlanSummary>(core.call('plan.create', { templateId: 'earthquake', revision: '2022' }));
    const drill = await data<Drill>(core.call('drill.create', {
      name: '地震应急桌面推演', form: 'tabletop', scope: 'single', purpose: 'test', hazard: '地震', keyIndustry: false, majorNaturalDisaster: true,
      planLinks: [{ planId: plan.id, sectionIds: [] }], objectives: [], date: '2026-05-12', startTime: '09:00', endTime: null, place: '区应急指挥中心', organizer: '区应急管理局', participants: [], notes: '',
    }));
    await data(core.call('finding.save', { drillId: drill.id, finding: { kind: 'problem', title: '信息报送不及时', detail: '', criterionId: null, injectIds: [], observationIds: [], clauses: [], unit: '区地震局' } }));
    for (const kind of ['评估报告', '总结报告'] as const) {
      const f = await data<{ fileName: string; dataBase64: string }>(core.call('eval.export-report', { drillId: drill.id, kind }));
      expect(f.fileName).toContain(kind);
      const texts = paragraphs(await documentXml(f.dataBase64)).map((p) => p.text);
      expect(texts.join('\n')).toContain('地震应急桌面推演');
      // The follow-up line names the bureau 设置 names, not a generic 区应急管理局.
      expect(texts).toContain('以上问题纳入整改清单，由太原市小店区应急管理局跟踪督办，整改完成后逐项销号。');
    }
    const notice = await data<{ fileName: string; dataBase64: string }>(core.call('plan.export-notice', { id: plan.id, docNumber: '小政办发〔2026〕3号', recipients: '各街道办事处，区直各有关单位' }));
    const xml = await documentXml(notice.dataBase64);
    expect(xml).toContain('太原市小店区人民政府办公室文件');
    expect(xml).toContain('小政办发〔2026〕3号');
    expect(xml).toContain('关于印发小店区地震应急预案的通知');
    expect(await core.call('plan.export-notice', { id: plan.id, docNumber: '', recipients: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The form's placeholder for the 序号 is two spaces: left as it is, the notice is refused; typed into, the spaces go.
    expect(await core.call('plan.export-notice', { id: plan.id, docNumber: '小政办发〔2026〕  号', recipients: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [expect.stringContaining('发文序号')] } });
    const spaced = await data<{ dataBase64: string }>(core.call('plan.export-notice', { id: plan.id, docNumber: '小政办发〔2026〕 12号', recipients: '各街道办事处，区直各有关单位' }));
    expect(await documentXml(spaced.dataBase64)).toContain('小政办发〔2026〕12号');
  });
});
