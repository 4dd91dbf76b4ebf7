// Drill and evaluation documents (脚本, 年度演练计划, 整改清单, 修订对照表) in GB/T 9704 layout, checked in the unzipped XML.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Script } from '../../electron/shared/schemas/drill';
import { checkScript } from '../../electron/shared/script-checks';
import { exportScriptDocx } from '../../electron/core/export/script-docx';
import { exportProgrammeDocx } from '../../electron/core/export/programme-docx';
import { exportImprovementListDocx } from '../../electron/core/export/improvement-docx';
import { ADDED, REMOVED, exportRevisionTableDocx } from '../../electron/core/export/revision-table-docx';
import { REVISION_REASON, improvementListInput, programmeInput, revisionTableInput, scriptInput } from '../fixtures/document-inputs';
import { ROSTER } from '../fixtures/forest-fire-drill';
import { forestFirePlan } from '../fixtures/forest-fire-plan';
import { headingNumbers } from '../../electron/shared/numbering';
import { attr, eastAsiaFont, element, elements, paragraphs, saveExport, style, textOf, type DocxParts } from '../helpers/docx';
import { expectGbt9704Layout, expectGbtTable } from '../helpers/gbt9704-layout';

// ---- 演练脚本 -----------------------------------------------------------------------------------------

describe('exportScriptDocx', () => {
  const SCRIPT_HEADERS = ['序号', '时间', '阶段/场景', '情景信息', '发送方→接收方', '方式', '预期行动', '对应预案条款', '责任控制员', '解说词'];
  let parts: DocxParts;
  let s: Script;
  beforeAll(async () => {
    const input = scriptInput();
    s = input.script;
    parts = await saveExport('script-forest-fire', await exportScriptDocx(input));
  });

  it('puts the title and drill facts on a portrait page, the inject table on landscape pages, the roster after', () => {
    expectGbt9704Layout(parts, ['portrait', 'landscape', 'portrait']);
    const ps = paragraphs(parts.document);
    expect(ps[0]!.style).toBe('Title');
    expect(ps[0]!.text).toBe('小店区2025年森林火灾综合应急演练脚本');
    const texts = ps.map((p) => p.text);
    expect(texts).toContain('演练时间：2025年4月8日 9:00—11:30');
    expect(texts).toContain('演练地点：小店区孙家寨村东山林场');
    expect(texts).toContain('组织单位：太原市小店区应急管理局');
    // Worded as the 工作方案 words it: scope, then form.
    expect(texts).toContain('演练形式：综合演练，桌面与实战结合');
  });

  it('marks an inject delivered before its time 提前, by the timeline’s rule', async () => {
    const input = scriptInput();
    const fourth = input.script.injects[3]!;
    expect(fourth.time).toMatchObject({ mode: 'relative', offsetSec: 24 * 60 });
    const early = { ...input.eventsOrNull![1]!, id: 'e9', seq: 9, injectId: fourth.id, at: new Date(2025, 3, 8, 9, 22, 0).toISOString() };
    const doc = await saveExport('script-early', await exportScriptDocx({ ...input, eventsOrNull: [...input.eventsOrNull!, early] }));
    const rows = elements(elements(doc.document, 'w:tbl')[0]!, 'w:tr').slice(1);
    expect(elements(rows[3]!, 'w:tc').map(textOf)[1]).toBe('T+24:00' + '9:24' + '实际：9:22:00（提前 2分钟）');
  });

  it('lays the script out as a landscape table filling the 12756-twip 版心, one row per inject', () => {
    const [scriptTable, roster] = elements(parts.document, 'w:tbl');
    expectGbtTable(scriptTable!, 'landscape', SCRIPT_HEADERS);
    const rows = elements(scriptTable!, 'w:tr').slice(1);
    expect(rows).toHaveLength(s.injects.length);
    expect(s.injects.length).toBeGreaterThan(3);
    const cells = elements(rows[0]!, 'w:tc').map(textOf);
    expect(cells[0]).toBe('1');
    // Delivered with D 40 s after its time: later than the on-time tolerance, so 延迟 here as in the evaluation report.
    expect(cells[1]).toBe('T+00:00' + '9:00' + '实际：9:00:40（延迟 40秒）');
    expect(elements(rows[1]!, 'w:tc').map(textOf)[1]).toContain('实际：未发送');
    // A late inject carries the delay the coordinator recorded.
    expect(elements(rows[2]!, 'w:tc').map(textOf)[1]).toBe('T+18:00' + '9:18' + '实际：9:21:20（延迟 3分20秒）');
    // Every inject within the drill's 9:00—11:30, the last at 11:06: the script check finds none outside.
    expect(elements(rows.at(-1)!, 'w:tc').map(textOf)[1]).toBe('T+2:06:00' + '11:06' + '实际：—');
    expect(checkScript(s, scriptInput().drill).filter((i) => i.field === 'time')).toEqual([]);
    // The clauses an inject tests, numbered as the plan numbers them (the script was generated from the plan).
    const linked = s.injects.findIndex((i) => i.clauseLinks.length > 0);
    const plan = forestFirePlan().doc;
    const section = plan.sections.findIndex((x) => x.id === s.injects[linked]!.clauseLinks[0]!.sectionId);
    expect(elements(rows[linked]!, 'w:tc').map(textOf)[7]).toContain(`${headingNumbers(plan.sections, plan.numbering)[section]} ${plan.sections[section]!.title}`);
    expect(cells[8]).toBe('李娜');
    expect(cells[9]).toContain('现在演练开始');
    // The table sits in the landscape section: the second sectPr closes it.
    const landscapeEnd = parts.document.indexOf('w:orient="landscape"');
    expect(parts.document.indexOf(scriptTable!)).toBeLessThan(landscapeEnd);
    expectGbtTable(roster!, 'portrait', ['角色', '姓名', '单位', '联系方式']);
    expect(elements(roster!, 'w:tr').slice(1).map((r) => textOf(elements(r, 'w:tc')[1]!))).toEqual(ROSTER.map((r) => r.name));
  });

  it('sets the wide script table in the 小四 table styles, named East-Asian font and off the line grid', () => {
    expect(eastAsiaFont(parts.styles, 'CompactTableText') ?? eastAsiaFont(parts.styles, 'TableText')).toBe('仿宋_GB2312');
    expect(attr(element(element(style(parts.styles, 'CompactTableText') ?? '', 'w:rPr') ?? '', 'w:sz'), 'w:val')).toBe('24');
    expect(element(style(parts.styles, 'CompactTableText') ?? '', 'w:pPr')).toContain('<w:snapToGrid w:val="0"/>');
    const [scriptTable] = elements(parts.document, 'w:tbl');
    expect(element(elements(scriptTable!, 'w:tr')[1]!, 'w:pStyle')).toContain('CompactTableText');
  });
});

// ---- 年度演练计划 --------------------------------------------------------------------------------------

describe('exportProgrammeDocx', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    parts = await saveExport('programme-2025', await exportProgrammeDocx(programmeInput()));
  });

  it('titles the programme, explains it in a preamble and lists the drills by date on a landscape page', () => {
    expectGbt9704Layout(parts, ['landscape']);
    const ps = paragraphs(parts.document);
    expect(ps[0]!.text).toBe('2025年度应急演练计划');
    expect(ps[1]!.text).toContain('全年计划组织应急演练3次，其中综合演练1次');
    const [tbl] = elements(parts.document, 'w:tbl');
    expectGbtTable(tbl!, 'landscape', ['序号', '演练名称', '形式', '范围', '检验预案', '时间', '地点', '组织单位', '参演单位']);
    const rows = elements(tbl!, 'w:tr').slice(1).map((r) => elements(r, 'w:tc').map(textOf));
    expect(rows.map((r) => r[1])).toEqual(['小店区2025年森林火灾综合应急演练', '小店区防汛抢险桌面推演', '小店区危险化学品泄漏事故应急演练']);
    expect(rows[1]!.slice(2, 6)).toEqual(['桌面推演', '单项', '《小店区防汛应急预案》', '2025年6月5日']);
    expect(rows[2]![4]).toBe('危险化学品应急预案');
  });

  it('signs with the issuer and a GB/T 成文日期', () => {
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts.slice(-2)).toEqual(['太原市小店区应急管理局', '2025年1月8日']);
  });
});

// ---- 整改清单 -------------------------------------------------------------------------------------------

describe('exportImprovementListDocx', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    parts = await saveExport('improvement-list', await exportImprovementListDocx(improvementListInput()));
  });

  it('lists the items by code in a landscape table with the ledger columns', () => {
    expectGbt9704Layout(parts, ['landscape']);
    const [tbl] = elements(parts.document, 'w:tbl');
    expectGbtTable(tbl!, 'landscape', ['问题编号', '问题描述', '整改措施', '类别', '责任单位', '责任人', '完成时限', '状态', '是否修订预案']);
    const rows = elements(tbl!, 'w:tr').slice(1).map((r) => elements(r, 'w:tc').map(textOf));
    expect(rows.map((r) => r[0])).toEqual(['ZG-2025-001', 'ZG-2025-002']);
    expect(rows[0]![1]).toBe('预案未明确孙家寨乡扑火队伍集结地点（来源：2025年4月8日小店区2025年森林火灾综合应急演练）');
    expect(rows[0]!.slice(6)).toEqual(['2025年6月30日', '已完成', '是']);
    expect(rows[1]!.slice(7)).toEqual(['整改中（已逾期）', '否']);
    expect(paragraphs(parts.document).at(-1)!.text).toBe('2025年4月15日');
  });
});

// ---- 修订对照表 ---------------------------------------------------------------------------------------

describe('exportRevisionTableDocx', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    parts = await saveExport('revision-table', await exportRevisionTableDocx(revisionTableInput()));
  });

  it('writes one row per changed, added or removed section: 原文, 修订后, 修订理由', () => {
    expectGbt9704Layout(parts, ['portrait']);
    const ps = paragraphs(parts.document);
    expect(ps[0]!.text).toBe('小店区森林火灾应急预案修订对照表');
    expect(ps[1]!.text).toBe('（2022版与2025版（送审稿）对照）');
    const [tbl] = elements(parts.document, 'w:tbl');
    expectGbtTable(tbl!, 'portrait', ['原文', '修订后', '修订理由']);
    const rows = elements(tbl!, 'w:tr').slice(1);
    const cells = rows.map((r) => elements(r, 'w:tc'));
    const texts = cells.map((c) => c.map(textOf));
    const purpose = texts.find((t) => t[0]!.startsWith('（一）编制目的'))!;
    expect(purpose[1]).toContain('最大程度减少人员伤亡');
    expect(purpose[2]).toBe(REVISION_REASON);
    expect(texts.find((t) => t[0] === ADDED)![1]).toMatch(/^（.）风险评估区规划和自然资源局/);
    expect(texts.find((t) => t[1] === REMOVED)![0]).toMatch(/^（.）工作原则/);
    // Number and title bold at the top of each cell.
    const firstRun = element(element(cells[texts.indexOf(purpose)]![1]!, 'w:p')!, 'w:r')!;
    expect(firstRun).toContain('<w:b/>');
    expect(textOf(firstRun)).toBe('（一）编制目的');
  });
});
