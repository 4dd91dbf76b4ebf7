// Plans from the shipped templates: placeholders, lineage, chapter saves, duplicates and archive.
import { describe, expect, it } from 'vitest';
import { blocksText, type PlanSection } from '../../electron/shared/doc-model';
import type { PlanDetail, PlanSummary } from '../../electron/shared/schemas/plan';
import type { Core } from '../../electron/core/create-core';
import { data, makeCore } from '../helpers/core';
import { unfilledKeys } from '../../electron/core/domain/plans/placeholders';

const profile = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [] };

async function newPlan(core: Core, templateId = 'forest-fire', revision = '2019'): Promise<PlanDetail> {
  const s = await data<PlanSummary>(core.call('plan.create', { templateId, revision }));
  return data<PlanDetail>(core.call('plan.get', { id: s.id }));
}

function chapterOf(plan: PlanDetail, firstId: string): PlanSection[] {
  const i = plan.doc.sections.findIndex((s) => s.id === firstId);
  const rest = plan.doc.sections.slice(i + 1);
  const end = rest.findIndex((s) => s.level === 1);
  return [plan.doc.sections[i]!, ...(end < 0 ? rest : rest.slice(0, end))];
}

/** A new plan's 成员单位通讯录 section and its table as text, row by row. */
async function contactAnnex(core: Core, templateId: string, revision: string) {
  const plan = await newPlan(core, templateId, revision);
  const annex = plan.doc.sections.find((s) => s.lineage?.clauseId === 'annex-contacts')!;
  const table = annex.body.find((b) => b.type === 'table')!;
  const rows = (table.type === 'table' ? table.children : []).map((r) => r.children.map((c) => blocksText([c.children[0]!])));
  return { plan, annex, rows };
}

describe('plan creation from a template', () => {
  it('fills placeholders from the district profile, lists the rest, and records lineage on every section', async () => {
    const core = await makeCore();
    await data(core.call('profile.save', profile));
    const plan = await newPlan(core);
    expect(plan.title).toBe('小店区森林火灾应急预案');
    expect(plan.code).toMatch(/^ZXYA-2026-001$/);
    expect(plan.templateTitle).toBeTruthy();
    const text = plan.doc.sections.map((s) => blocksText(s.body)).join('\n');
    expect(text).toContain('小店区');
    expect(text).not.toContain('{{区名}}');
    for (const s of plan.doc.sections) {
      expect(s.lineage).toMatchObject({ templateId: 'forest-fire', revision: '2019' });
      expect(s.lineage!.baseBody).toEqual(s.body);
    }
    const ids = plan.doc.sections.map((s) => s.lineage!.clauseId);
    expect(ids).toContain('response.level-4.trigger');
    expect(new Set(plan.doc.sections.map((s) => s.id)).size).toBe(plan.doc.sections.length);
  });

  it('fills the contact annex from the department list, keeping the template text as the lineage', async () => {
    const core = await makeCore();
    const departments = [
      { id: 'd1', name: '区应急管理局', contact: '张明', title: '科长', phone: '0351-7654321', duty: '' },
      { id: 'd2', name: '区 气象局', contact: '李红', title: '站长', phone: '13812345678', duty: '' },
      // As 设置 usually names them: with the district in front.
      { id: 'd3', name: '小店区卫生健康局', contact: '王芳', title: '副局长', phone: '0351-7000003', duty: '' },
    ];
    await data(core.call('profile.save', { ...profile, departments }));
    const { plan, annex, rows } = await contactAnnex(core, 'forest-fire', '2024');
    expect(rows[0]).toEqual(['单位', '联系人', '职务', '办公电话', '手机']);
    expect(rows.find((r) => r[0] === '区应急管理局')).toEqual(['区应急管理局', '张明', '科长', '0351-7654321', '（待填）']);
    expect(rows.find((r) => r[0] === '区气象局')).toEqual(['区气象局', '李红', '站长', '13812345678', '13812345678']);
    expect(rows.find((r) => r[0] === '区卫生健康局')).toEqual(['区卫生健康局', '王芳', '副局长', '0351-7000003', '（待填）']);
    expect(rows.find((r) => r[0] === '区公安分局')).toEqual(['区公安分局', '（待填）', '（待填）', '（待填）', '（待填）']);
    expect(blocksText(annex.lineage!.baseBody)).not.toContain('张明');
    // The check still names what is left to fill.
    const checks = await data<{ code: string }[]>(core.call('plan.checks', { id: plan.id }));
    expect(checks.some((c) => c.code === 'contact-table-incomplete')).toBe(true);
  });

  it('lists a department of 设置 that no template row names in the address book (区水利局 in a 防汛抗旱 plan)', async () => {
    const core = await makeCore();
    const departments = [
      { id: 'd1', name: '区水利局', contact: '赵强', title: '局长', phone: '0351-7000001', duty: '' },
      { id: 'd2', name: '区气象局', contact: '李红', title: '站长', phone: '13812345678', duty: '' },
      { id: 'd3', name: '小店区退役军人事务局', contact: '', title: '', phone: '', duty: '' },
    ];
    await data(core.call('profile.save', { ...profile, departments }));
    const { plan, annex, rows } = await contactAnnex(core, 'flood-drought', '2025');
    expect(rows.find((r) => r[0] === '区气象局')).toEqual(['区气象局', '李红', '站长', '13812345678', '13812345678']);
    // Added above the catch-all row, which stays last; a department 设置 knows no contact of waits as （待填）.
    expect(rows.slice(-3)).toEqual([
      ['区水利局', '赵强', '局长', '0351-7000001', '（待填）'],
      ['小店区退役军人事务局', '（待填）', '（待填）', '（待填）', '（待填）'],
      ['各街道办事处（乡镇人民政府）', '（待填）', '（待填）', '（待填）', '（待填）'],
    ]);
    expect(rows.filter((r) => r[0] === '区气象局')).toHaveLength(1);
    // The template's own rows stay for the planner to fill or delete; the lineage keeps the template's table.
    expect(rows.find((r) => r[0] === '区水务局')).toBeTruthy();
    expect(blocksText(annex.lineage!.baseBody)).not.toContain('区水利局');
    // Saved and read back from the database file as it was made.
    const again = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    expect(again.doc.sections.find((s) => s.id === annex.id)!.body).toEqual(annex.body);
  });

  it('names the lead unit and the 牵头单位 chips as 设置 does (太原市小店区应急管理局), not as the template says (区应急管理局)', async () => {
    const core = await makeCore();
    await data(core.call('profile.save', { ...profile, departments: [{ id: 'd1', name: '小店区水务局', contact: '', title: '', phone: '', duty: '' }] }));
    const plan = await newPlan(core, 'flood-drought', '2025');
    expect(plan.leadUnit).toBe('太原市小店区应急管理局');
    expect(plan.doc.placeholders.find((p) => p.key === '牵头单位')!.value).toBe('太原市小店区应急管理局');
    const office = plan.doc.sections.find((s) => s.lineage?.clauseId === 'organization.office')!;
    expect(blocksText(office.body)).toContain('办公室设在太原市小店区应急管理局');
    // A template whose lead unit is a department of 设置 takes that department's name.
    expect((await newPlan(core, 'flood-drought', '2020')).leadUnit).toBe('小店区水务局');
    // Read back from the database file, as 预案库 lists it.
    const listed = await data<PlanSummary[]>(core.call('plan.list', {}));
    expect(listed.find((p) => p.id === plan.id)!.leadUnit).toBe('太原市小店区应急管理局');
  });

  it('keeps the lead unit of the template while 设置 is empty', async () => {
    const core = await makeCore();
    expect((await newPlan(core, 'flood-drought', '2025')).leadUnit).toBe('区应急管理局');
  });

  it('keeps placeholders as chips when the profile is empty, and fills them all on request', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    expect(plan.unfilledPlaceholders).toBeGreaterThan(0);
    // A planner reads the missing name as 〔区名〕 in 预案库, the editor and the exports, never as {{区名}}.
    expect(plan.title).toBe('〔区名〕森林火灾应急预案');
    const filled = await data<PlanDetail>(core.call('plan.fill-placeholder', { id: plan.id, key: '区名', value: '迎泽区' }));
    expect(filled.doc.sections.map((s) => blocksText(s.body)).join('')).not.toContain('{{区名}}');
    expect(filled.doc.placeholders.find((p) => p.key === '区名')!.value).toBe('迎泽区');
    expect(filled.unfilledPlaceholders).toBe(plan.unfilledPlaceholders - 1);
    expect(filled.title).toBe('迎泽区森林火灾应急预案');
  });

  it('counts a key left only in the title as unfilled, and fills the title with it', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    // A template whose body never names the district (an imported one, say): the title alone still waits for it.
    for (const key of unfilledKeys(plan.doc.sections)) await data(core.call('plan.fill-placeholder', { id: plan.id, key, value: '迎泽区' }));
    // Stored as plans made before 〔区名〕 held it.
    core.context.store.get().prepare('UPDATE plans SET title = ? WHERE id = ?').run('{{区名}}森林火灾应急预案', plan.id);
    const rest = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    expect(rest.title).toBe('〔区名〕森林火灾应急预案');
    expect(rest.unfilledPlaceholders).toBe(1);
    // A title a planner wrote with a document number in 〔〕 is text, not a key.
    await data(core.call('plan.update-meta', { id: plan.id, title: '〔区名〕森林火灾应急预案（〔2026〕修订）' }));
    expect((await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).unfilledPlaceholders).toBe(1);
    const filled = await data<PlanDetail>(core.call('plan.fill-placeholder', { id: plan.id, key: '区名', value: '迎泽区' }));
    expect(filled.title).toBe('迎泽区森林火灾应急预案（〔2026〕修订）');
    expect(filled.unfilledPlaceholders).toBe(0);
  });

  it('refuses to fill a placeholder of a published plan and changes nothing of it', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    for (const to of ['consultation', 'review', 'published'] as const) await data(core.call('plan.set-status', { id: plan.id, to, date: '2026-03-01', actor: '王明', department: '区应急管理局' }));
    const before = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    expect(await core.call('plan.fill-placeholder', { id: plan.id, key: '区名', value: '迎泽区' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const after = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    expect(after.title).toBe(before.title);
    expect(after.doc).toEqual(before.doc);
  });

  it('creates a plan from every shipped template revision', async () => {
    const core = await makeCore();
    const list = await data<{ templates: { id: string; revision: string }[]; problems: unknown[] }>(core.call('template.list', {}));
    expect(list.problems).toEqual([]);
    expect(list.templates.length).toBeGreaterThanOrEqual(8);
    for (const t of list.templates) await newPlan(core, t.id, t.revision);
    const plans = await data<PlanSummary[]>(core.call('plan.list', {}));
    expect(plans).toHaveLength(list.templates.length);
    expect(plans.every((p) => p.charCount > 3000)).toBe(true);
  });

  it('refuses an unknown template with a Chinese message', async () => {
    const core = await makeCore();
    expect(await core.call('plan.create', { templateId: 'no-such', revision: '2020' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('saving chapters', () => {
  it('replaces only the saved chapter, keeps the others, and survives reopening the store', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    const order = plan.doc.sections.filter((s) => s.level === 1).map((s) => s.id);
    const chapter = chapterOf(plan, order[0]!);
    const edited = chapter.map((s, i) => (i === 1 ? { ...s, body: [{ ...s.body[0]!, children: [{ type: 'text', text: '改写后的编制目的。', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] }] } : s));
    await data(core.call('plan.save', { id: plan.id, chapters: [{ id: order[0], sections: edited }], chapterOrder: order, cursorSectionId: edited[1]!.id }));
    const again = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    expect(blocksText(again.doc.sections[1]!.body)).toBe('改写后的编制目的。');
    expect(again.doc.sections.length).toBe(plan.doc.sections.length);
    expect(again.doc.sections.slice(chapter.length)).toEqual(plan.doc.sections.slice(chapter.length));
    expect(again.cursorSectionId).toBe(edited[1]!.id);
    // Lineage still points at the template text the section started from.
    expect(again.doc.sections[1]!.lineage!.baseBody).toEqual(plan.doc.sections[1]!.body);
  });

  it('saves a section edited in place without its chapter, and finds its new text', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    const order = plan.doc.sections.filter((s) => s.level === 1).map((s) => s.id);
    const chapter = chapterOf(plan, order[1]!);
    const target = chapter[1]!;
    const body = [{ type: 'paragraph', children: [{ type: 'text', text: '逐节保存的新写法：烽火台巡查每日两次。', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] }];
    await data(core.call('plan.save', { id: plan.id, chapters: [], chapterOrder: order, sections: [{ chapterId: order[1]!, section: { ...target, body } }], cursorSectionId: target.id }));
    const again = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    const i = plan.doc.sections.findIndex((s) => s.id === target.id);
    expect(blocksText(again.doc.sections[i]!.body)).toBe('逐节保存的新写法：烽火台巡查每日两次。');
    // Every other section as it was, in its place; the lineage still the template's.
    expect(again.doc.sections.filter((s) => s.id !== target.id)).toEqual(plan.doc.sections.filter((s) => s.id !== target.id));
    expect(again.doc.sections[i]!.lineage).toEqual(target.lineage);
    expect(again.charCount).toBe(plan.charCount - blocksText(target.body).replace(/\s/g, '').length + '逐节保存的新写法：烽火台巡查每日两次。'.length);
    const hits = await data<{ sectionId: string }[]>(core.call('search.query', { query: '烽火台巡查' }));
    expect(hits.map((h) => h.sectionId)).toEqual([target.id]);
  });

  it('keeps the count of chips left right through in-place edits that remove, add or never touch a chip', async () => {
    const core = await makeCore();
    let plan = await newPlan(core);
    const order = plan.doc.sections.filter((s) => s.level === 1).map((s) => s.id);
    const chapterOfSection = (id: string) => { let c = order[0]!; for (const s of plan.doc.sections) { if (s.level === 1) c = s.id; if (s.id === id) return c; } return c; };
    const hasChip = (s: PlanSection) => JSON.stringify(s.body).includes('"placeholder"');
    const save = async (section: PlanSection, body: unknown[]) => {
      const r = await data<PlanSummary>(core.call('plan.save', { id: plan.id, chapters: [], chapterOrder: order, sections: [{ chapterId: chapterOfSection(section.id), section: { ...section, body } }] }));
      plan = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
      expect(r.unfilledPlaceholders).toBe(unfilledKeys(plan.doc.sections).length);
      return r.unfilledPlaceholders;
    };
    const para = (children: unknown[]) => ({ type: 'paragraph', children });
    const before = plan.unfilledPlaceholders;
    // Every chip of one key, section by section: the count drops when the last one goes (a key the title does not also wait for).
    const key = unfilledKeys(plan.doc.sections).find((k) => !plan.title.includes(k))!;
    for (const s of plan.doc.sections.filter((x) => JSON.stringify(x.body).includes(`"key":"${key}"`))) await save(s, [para([{ type: 'text', text: '（已删去占位符）', format: 0 }])]);
    expect(unfilledKeys(plan.doc.sections)).not.toContain(key);
    const without = plan.unfilledPlaceholders;
    expect(without).toBeLessThan(before);
    // A chip typed into a section that had none brings the key back; an edit elsewhere changes nothing.
    const plain = plan.doc.sections.find((x) => !hasChip(x) && x.level > 1)!;
    expect(await save(plain, [para([{ type: 'placeholder', key }])])).toBe(without + 1);
    const other = plan.doc.sections.find((x) => !hasChip(x) && x.level > 1 && x.id !== plain.id)!;
    expect(await save(other, [para([{ type: 'text', text: '无占位符的修改。', format: 0 }])])).toBe(without + 1);
  });

  it('refuses a save made from a copy older than the stored plan (another window saved since), keeping what that window saved', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    const order = plan.doc.sections.filter((s) => s.level === 1).map((s) => s.id);
    const target = chapterOf(plan, order[1]!)[1]!;
    const edit = (text: string, baseSeq: number) =>
      core.call('plan.save', { id: plan.id, chapters: [], chapterOrder: order, sections: [{ chapterId: order[1]!, section: { ...target, body: [{ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] }] } }], baseSeq });
    // Two windows open the plan at the same write; the first saves, then the second.
    const first = await data<PlanSummary>(edit('窗口甲的修改。', plan.saveSeq));
    expect(first.saveSeq).toBe(plan.saveSeq + 1);
    expect(await edit('窗口乙的修改。', plan.saveSeq)).toMatchObject({ ok: false, error: { code: 'STALE', message: expect.stringContaining('已在另一个窗口') } });
    const stored = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    expect(blocksText(stored.doc.sections.find((s) => s.id === target.id)!.body)).toBe('窗口甲的修改。');
    // The first window goes on from the write it made; a change made outside the editor (a chip filled) moves the plan on too.
    await data(edit('窗口甲再改。', first.saveSeq));
    const filled = await data<PlanDetail>(core.call('plan.fill-placeholder', { id: plan.id, key: '区名', value: '小店区' }));
    expect(filled.saveSeq).toBe(first.saveSeq + 2);
    expect(await edit('过时的修改。', first.saveSeq + 1)).toMatchObject({ ok: false, error: { code: 'STALE' } });
    expect(await data<PlanSummary>(edit('接着填写后的修改。', filled.saveSeq))).toMatchObject({ saveSeq: filled.saveSeq + 1 });
  });

  it('refuses an in-place edit whose section moved to another chapter or level, or whose chapter is saved whole, changing nothing', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    const order = plan.doc.sections.filter((s) => s.level === 1).map((s) => s.id);
    const target = chapterOf(plan, order[1]!)[1]!;
    const body = [{ type: 'paragraph', children: [{ type: 'text', text: '不应保存', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] }];
    const wrongChapter = await core.call('plan.save', { id: plan.id, chapters: [], chapterOrder: order, sections: [{ chapterId: order[2]!, section: { ...target, body } }] });
    expect(wrongChapter).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const wrongLevel = await core.call('plan.save', { id: plan.id, chapters: [], chapterOrder: order, sections: [{ chapterId: order[1]!, section: { ...target, level: target.level === 2 ? 3 : 2, body } }] });
    expect(wrongLevel).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const both = await core.call('plan.save', { id: plan.id, chapters: [{ id: order[1]!, sections: chapterOf(plan, order[1]!) }], chapterOrder: order, sections: [{ chapterId: order[1]!, section: { ...target, body } }] });
    expect(both).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await core.call('plan.save', { id: plan.id, chapters: [], chapterOrder: order, sections: [{ chapterId: order[1]!, section: { ...target, id: 's-not-there', body } }] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).doc).toEqual(plan.doc);
  });

  it('moves a chapter by its order alone, and a section between chapters when both are saved', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    const order = plan.doc.sections.filter((s) => s.level === 1).map((s) => s.id);
    const swapped = [order[1]!, order[0]!, ...order.slice(2)];
    await data(core.call('plan.save', { id: plan.id, chapters: [], chapterOrder: swapped }));
    const moved = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    expect(moved.doc.sections[0]!.id).toBe(order[1]);

    const a = chapterOf(moved, order[1]!);
    const b = chapterOf(moved, order[0]!);
    const last = a[a.length - 1]!;
    await data(core.call('plan.save', { id: plan.id, chapters: [{ id: a[0]!.id, sections: a.slice(0, -1) }, { id: b[0]!.id, sections: [...b, last] }], chapterOrder: swapped }));
    const after = await data<PlanDetail>(core.call('plan.get', { id: plan.id }));
    expect(chapterOf(after, order[0]!).map((s) => s.id)).toContain(last.id);
    expect(after.doc.sections.length).toBe(plan.doc.sections.length);
  });

  it('refuses a save that would drop a chapter not carried in it', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    const order = plan.doc.sections.filter((s) => s.level === 1).map((s) => s.id);
    const r = await core.call('plan.save', { id: plan.id, chapters: [], chapterOrder: order.slice(1) });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).doc.sections.length).toBe(plan.doc.sections.length);
  });

  it('duplicates and archives without deleting', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    const copy = await data<PlanSummary>(core.call('plan.duplicate', { id: plan.id }));
    expect(copy.title).toBe(`${plan.title}（副本）`);
    expect(copy.code).not.toBe(plan.code);
    await data(core.call('plan.archive', { id: plan.id, archived: true }));
    expect((await data<PlanSummary[]>(core.call('plan.list', {}))).map((p) => p.id)).toEqual([copy.id]);
    const all = await data<PlanSummary[]>(core.call('plan.list', { includeArchived: true }));
    expect(all.find((p) => p.id === plan.id)!.archived).toBe(true);
    expect((await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).doc.sections.length).toBe(plan.doc.sections.length);
  });

  it('changes 名称、编号、牵头单位 and 灾种 from the header, shown in the library; refuses them once published', async () => {
    const core = await makeCore();
    const plan = await newPlan(core);
    const meta = { title: '小店区森林草原火灾应急预案', code: 'XDYA-2026-07', leadUnit: '区应急管理局', hazard: '森林草原火灾' };
    const updated = await data<PlanDetail>(core.call('plan.update-meta', { id: plan.id, ...meta }));
    expect(updated).toMatchObject(meta);
    expect((await data<PlanSummary[]>(core.call('plan.list', {}))).find((p) => p.id === plan.id)).toMatchObject(meta);
    expect(await core.call('plan.update-meta', { id: plan.id, leadUnit: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: ['leadUnit'], message: '牵头单位不能为空' }] } });

    for (const to of ['consultation', 'review', 'published'] as const) await data(core.call('plan.set-status', { id: plan.id, to, date: '2026-03-01', actor: '王明', department: '区应急管理局' }));
    const refused = await core.call('plan.update-meta', { id: plan.id, leadUnit: '区林业局' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已发布或已废止的预案不能直接修改') } });
    expect((await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).leadUnit).toBe('区应急管理局');
  });
});
