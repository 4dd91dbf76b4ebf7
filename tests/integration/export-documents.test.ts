// Drill and evaluation documents (脚本, 年度演练计划, 整改清单, 修订对照表) in GB/T 9704 layout, checked in the unzipped XML.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraph, text, type PlanDocument } from '../../electron/shared/doc-model';
import type { Drill, RunEvent, Script } from '../../electron/shared/schemas/drill';
import type { ImprovementItem } from '../../electron/shared/schemas/evaluation';
import { generateScript } from '../../electron/core/domain/drills/generate-script';
import { compareDocuments } from '../../electron/core/domain/revisions/compare-docs';
import { exportScriptDocx } from '../../electron/core/export/script-docx';
import { exportProgrammeDocx } from '../../electron/core/export/programme-docx';
import { exportImprovementListDocx } from '../../electron/core/export/improvement-docx';
import { ADDED, REMOVED, exportRevisionTableDocx } from '../../electron/core/export/revision-table-docx';
import { forestFirePlan } from '../fixtures/forest-fire-plan';
import { attr, eastAsiaFont, element, elements, footerFor, paragraphs, style, textOf, unzipDocx, type DocxParts } from '../helpers/docx';

const OUT_DIR = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'exports');

async function exportAndSave(name: string, build: () => Promise<Buffer>): Promise<DocxParts> {
  const buffer = await build();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, `${name}.docx`), buffer); // for people to open and look at
  return unzipDocx(buffer);
}

// ---- realistic data ---------------------------------------------------------------------------------

const drill = (over: Partial<Drill> = {}): Drill => ({
  id: 'drill-1',
  name: '小店区2025年森林火灾综合应急演练',
  form: 'combined',
  scope: 'comprehensive',
  purpose: 'test',
  hazard: '森林火灾',
  keyIndustry: false,
  majorNaturalDisaster: true,
  planLinks: [{ planId: 'plan-1', sectionIds: [] }],
  objectives: ['检验森林火灾信息报告和预警发布流程', '检验区森林防灭火指挥部各工作组协同处置能力'],
  date: '2025-04-08',
  startTime: '09:00',
  endTime: '11:30',
  place: '小店区孙家寨村东山林场',
  organizer: '太原市小店区应急管理局',
  participants: ['区应急管理局', '区规划和自然资源局', '区消防救援大队', '孙家寨乡人民政府', '区卫生健康局'],
  notes: '',
  status: 'preparing',
  createdAt: '2025-02-01T08:00:00.000Z',
  updatedAt: '2025-02-01T08:00:00.000Z',
  ...over,
});

function script(): Script {
  let n = 0;
  const s = generateScript(forestFirePlan().doc, 'plan-1', () => `id-${String(++n).padStart(4, '0')}`);
  s.injects.forEach((inj, i) => {
    inj.controller = i % 2 ? '王磊' : '李娜';
    inj.method ||= '电话';
    if (i === 0) inj.narration = '各位领导，现在演练开始。孙家寨村东山林场发现烟点，护林员立即报告。';
  });
  s.roster = [
    { id: 'r1', role: '总指挥', name: '张建国', unit: '太原市小店区人民政府', contact: '0351-7000001' },
    { id: 'r2', role: '导演', name: '李娜', unit: '太原市小店区应急管理局', contact: '13800000002' },
    { id: 'r3', role: '控制组', name: '王磊', unit: '太原市小店区应急管理局', contact: '13800000003' },
    { id: 'r4', role: '评估组', name: '赵敏', unit: '太原市应急管理局', contact: '13800000004' },
  ];
  return s;
}

const A4 = ['11906', '16838'];
const MARGINS = ['2098', '1984', '1587', '1474'];

/** Every section on A4 with the GB/T margins; landscape sections turned, their margins turned with them. */
function expectGbtPages(parts: DocxParts, orients: string[]): void {
  const sections = elements(parts.document, 'w:sectPr');
  expect(sections.map((s) => attr(element(s, 'w:pgSz'), 'w:orient'))).toEqual(orients);
  for (const s of sections) {
    const size = element(s, 'w:pgSz');
    const m = element(s, 'w:pgMar');
    const margins = [attr(m, 'w:top'), attr(m, 'w:bottom'), attr(m, 'w:left'), attr(m, 'w:right')];
    if (attr(size, 'w:orient') === 'landscape') {
      expect([attr(size, 'w:w'), attr(size, 'w:h')]).toEqual([...A4].reverse());
      expect(margins).toEqual(['1587', '1474', '2098', '1984']);
    } else {
      expect([attr(size, 'w:w'), attr(size, 'w:h')]).toEqual(A4);
      expect(margins).toEqual(MARGINS);
    }
    expect(attr(element(s, 'w:docGrid'), 'w:linePitch')).toBe('579');
    expect(footerFor(parts, s, 'default')).toContain('PAGE');
    expect(footerFor(parts, s, 'even')).toContain('PAGE');
  }
}

/** Header row repeated, rows whole (unless taller than a page), columns adding up to the 版心 width. */
function expectGbtTable(tbl: string, width: number, headers: string[]): void {
  const rows = elements(tbl, 'w:tr');
  expect(element(rows[0]!, 'w:tblHeader')).toBe('<w:tblHeader/>');
  expect(elements(rows[0]!, 'w:tc').map(textOf)).toEqual(headers);
  for (const r of rows.slice(1)) expect(r).not.toContain('<w:tblHeader/>');
  // Rows stay whole; only a row taller than a page may split (else it would be cut off at the page's foot).
  expect(rows[0]).toContain('<w:cantSplit/>');
  for (const r of rows) {
    const longest = Math.max(...elements(r, 'w:tc').map((c) => textOf(c).length));
    if (longest < 40) expect(r).toContain('<w:cantSplit/>');
    if (!r.includes('<w:cantSplit/>')) expect(longest).toBeGreaterThan(60);
  }
  expect(rows.slice(1).filter((r) => r.includes('<w:cantSplit/>')).length).toBeGreaterThan(0);
  const grid = elements(tbl, 'w:gridCol').map((g) => Number(attr(g, 'w:w')));
  expect(grid).toHaveLength(headers.length);
  expect(grid.reduce((a, b) => a + b, 0)).toBe(width);
  expect(attr(element(tbl, 'w:tblW'), 'w:w')).toBe(String(width));
  for (const r of rows) {
    const cells = elements(r, 'w:tcW').map((w) => Number(attr(w, 'w:w')));
    expect(cells).toEqual(grid);
  }
}

function expectFonts(parts: DocxParts): void {
  expect(eastAsiaFont(parts.styles, 'Normal')).toBe('仿宋_GB2312');
  expect(eastAsiaFont(parts.styles, 'Title')).toBe('方正小标宋简体');
  expect(eastAsiaFont(parts.styles, 'TableText')).toBe('仿宋_GB2312');
  expect(eastAsiaFont(parts.styles, 'TableHeader')).toBe('黑体');
  expect(attr(element(element(parts.styles, 'w:docDefaults') ?? '', 'w:rFonts'), 'w:eastAsia')).toBe('仿宋_GB2312');
}

// ---- 演练脚本 -----------------------------------------------------------------------------------------

describe('exportScriptDocx', () => {
  const SCRIPT_HEADERS = ['序号', '时间', '阶段/场景', '情景信息', '发送方→接收方', '方式', '预期行动', '责任控制员', '解说词'];
  let parts: DocxParts;
  let s: Script;
  beforeAll(async () => {
    s = script();
    const first = s.injects[0]!;
    const second = s.injects[1]!;
    const third = s.injects[2]!;
    const events: RunEvent[] = [
      { id: 'e1', drillId: 'drill-1', seq: 1, type: 'clock.start', at: new Date(2025, 3, 8, 9, 0, 0).toISOString(), injectId: null, text: '', tags: [], actor: '李娜', delaySec: null },
      { id: 'e2', drillId: 'drill-1', seq: 2, type: 'inject.delivered', at: new Date(2025, 3, 8, 9, 0, 40).toISOString(), injectId: first.id, text: '', tags: [], actor: '李娜', delaySec: null },
      { id: 'e3', drillId: 'drill-1', seq: 3, type: 'inject.skipped', at: new Date(2025, 3, 8, 9, 6, 0).toISOString(), injectId: second.id, text: '', tags: [], actor: '王磊', delaySec: null },
      { id: 'e4', drillId: 'drill-1', seq: 4, type: 'inject.late', at: new Date(2025, 3, 8, 9, 25, 0).toISOString(), injectId: third.id, text: '接收方未到位', tags: [], actor: '李娜', delaySec: 200 },
    ];
    parts = await exportAndSave('script-forest-fire', () => exportScriptDocx({ drill: drill(), script: s, eventsOrNull: events }));
  });

  it('puts the title and drill facts on a portrait page, the inject table on landscape pages, the roster after', () => {
    expectGbtPages(parts, ['portrait', 'landscape', 'portrait']);
    const ps = paragraphs(parts.document);
    expect(ps[0]!.style).toBe('Title');
    expect(ps[0]!.text).toBe('小店区2025年森林火灾综合应急演练脚本');
    const texts = ps.map((p) => p.text);
    expect(texts).toContain('演练时间：2025年4月8日 9:00—11:30');
    expect(texts).toContain('演练地点：小店区孙家寨村东山林场');
    expect(texts).toContain('组织单位：太原市小店区应急管理局');
  });

  it('lays the script out as a landscape table filling the 12756-twip 版心, one row per inject', () => {
    const [scriptTable, roster] = elements(parts.document, 'w:tbl');
    expectGbtTable(scriptTable!, 12756, SCRIPT_HEADERS);
    const rows = elements(scriptTable!, 'w:tr').slice(1);
    expect(rows).toHaveLength(s.injects.length);
    expect(s.injects.length).toBeGreaterThan(3);
    const cells = elements(rows[0]!, 'w:tc').map(textOf);
    expect(cells[0]).toBe('1');
    expect(cells[1]).toBe('T+00:00' + '9:00' + '实际：9:00:40');
    expect(elements(rows[1]!, 'w:tc').map(textOf)[1]).toContain('实际：未发送');
    // A late inject carries the delay the coordinator recorded.
    expect(elements(rows[2]!, 'w:tc').map(textOf)[1]).toContain('实际：9:25:00（延迟 3分20秒）');
    expect(cells[7]).toBe('李娜');
    expect(cells[8]).toContain('现在演练开始');
    // The table sits in the landscape section: the second sectPr closes it.
    const landscapeEnd = parts.document.indexOf('w:orient="landscape"');
    expect(parts.document.indexOf(scriptTable!)).toBeLessThan(landscapeEnd);
    expectGbtTable(roster!, 8845, ['角色', '姓名', '单位', '联系方式']);
    expect(elements(roster!, 'w:tr').slice(1).map((r) => textOf(elements(r, 'w:tc')[1]!))).toEqual(['张建国', '李娜', '王磊', '赵敏']);
  });

  it('names the East-Asian fonts in the styles; the wide script table uses the 小四 table styles', () => {
    expectFonts(parts);
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
    const drills = [
      drill({ id: 'd2', name: '小店区危险化学品泄漏事故应急演练', form: 'live', scope: 'single', hazard: '危险化学品', date: '2025-09-16', planLinks: [] }),
      drill({ id: 'd1' }),
      drill({ id: 'd3', name: '小店区防汛抢险桌面推演', form: 'tabletop', scope: 'single', hazard: '洪涝灾害', date: '2025-06-05', planLinks: [{ planId: 'plan-flood', sectionIds: [] }] }),
    ];
    const planTitles = { 'plan-1': '小店区森林火灾应急预案', 'plan-flood': '小店区防汛应急预案' };
    parts = await exportAndSave('programme-2025', () => exportProgrammeDocx({ year: 2025, drills, issuer: '太原市小店区应急管理局', date: '2025-01-08', planTitles }));
  });

  it('titles the programme, explains it in a preamble and lists the drills by date on a landscape page', () => {
    expectGbtPages(parts, ['landscape']);
    const ps = paragraphs(parts.document);
    expect(ps[0]!.text).toBe('2025年度应急演练计划');
    expect(ps[1]!.text).toContain('全年计划组织应急演练3次，其中综合演练1次');
    const [tbl] = elements(parts.document, 'w:tbl');
    expectGbtTable(tbl!, 12756, ['序号', '演练名称', '形式', '范围', '检验预案', '时间', '地点', '组织单位', '参演单位']);
    const rows = elements(tbl!, 'w:tr').slice(1).map((r) => elements(r, 'w:tc').map(textOf));
    expect(rows.map((r) => r[1])).toEqual(['小店区2025年森林火灾综合应急演练', '小店区防汛抢险桌面推演', '小店区危险化学品泄漏事故应急演练']);
    expect(rows[1]!.slice(2, 6)).toEqual(['桌面推演', '单项', '《小店区防汛应急预案》', '2025年6月5日']);
    expect(rows[2]![4]).toBe('危险化学品应急预案');
  });

  it('signs with the issuer and a GB/T 成文日期', () => {
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts.slice(-2)).toEqual(['太原市小店区应急管理局', '2025年1月8日']);
    expectFonts(parts);
  });
});

// ---- 整改清单 -------------------------------------------------------------------------------------------

describe('exportImprovementListDocx', () => {
  let parts: DocxParts;
  const item = (code: string, over: Partial<ImprovementItem>): ImprovementItem => ({
    id: code,
    code,
    findingId: null,
    drillId: 'drill-1',
    description: '',
    measure: '',
    category: '预案',
    unit: '区应急管理局',
    owner: '',
    deadline: '2025-06-30',
    needsPlanChange: false,
    clauses: [],
    status: 'open',
    evidence: '',
    statusDate: null,
    createdAt: '2025-04-10T08:00:00.000Z',
    updatedAt: '2025-04-10T08:00:00.000Z',
    overdue: false,
    request: null,
    ...over,
  });
  beforeAll(async () => {
    const items = [
      item('ZG-2025-002', { description: '前线指挥部与后方指挥中心图像传输中断约10分钟', measure: '配备卫星便携站，每季度开展一次联通测试', category: '装备物资', unit: '区应急管理局', owner: '王磊', deadline: '2025-07-31', status: 'doing', overdue: true }),
      item('ZG-2025-001', { description: '预案未明确孙家寨乡扑火队伍集结地点', measure: '修订预案4.2条，明确集结地点和带队人员', unit: '孙家寨乡人民政府', owner: '刘强', needsPlanChange: true, status: 'done' }),
    ];
    parts = await exportAndSave('improvement-list', () =>
      exportImprovementListDocx({ title: '小店区2025年森林火灾综合应急演练整改清单', items, drillsById: { 'drill-1': drill() }, date: '2025-04-15', issuer: '太原市小店区应急管理局' }),
    );
  });

  it('lists the items by code in a landscape table with the ledger columns', () => {
    expectGbtPages(parts, ['landscape']);
    const [tbl] = elements(parts.document, 'w:tbl');
    expectGbtTable(tbl!, 12756, ['问题编号', '问题描述', '整改措施', '类别', '责任单位', '责任人', '完成时限', '状态', '是否修订预案']);
    const rows = elements(tbl!, 'w:tr').slice(1).map((r) => elements(r, 'w:tc').map(textOf));
    expect(rows.map((r) => r[0])).toEqual(['ZG-2025-001', 'ZG-2025-002']);
    expect(rows[0]![1]).toBe('预案未明确孙家寨乡扑火队伍集结地点（来源：2025年4月8日小店区2025年森林火灾综合应急演练）');
    expect(rows[0]!.slice(6)).toEqual(['2025年6月30日', '已完成', '是']);
    expect(rows[1]!.slice(7)).toEqual(['整改中（已逾期）', '否']);
    expect(paragraphs(parts.document).at(-1)!.text).toBe('2025年4月15日');
    expectFonts(parts);
  });
});

// ---- 修订对照表 ---------------------------------------------------------------------------------------

describe('exportRevisionTableDocx', () => {
  let parts: DocxParts;
  let changed: { id: string; title: string };
  beforeAll(async () => {
    const before = forestFirePlan().doc;
    const after: PlanDocument = structuredClone(before);
    const target = after.sections.find((s) => s.title === '编制目的')!;
    target.body = [paragraph([text('为有效应对小店区森林火灾，最大程度减少人员伤亡和财产损失，制定本预案。')])];
    changed = { id: target.id, title: target.title };
    const removedAt = after.sections.findIndex((s) => s.title === '工作原则');
    after.sections.splice(removedAt, 1);
    after.sections.splice(removedAt, 0, { id: 'sec-new', level: 2, kind: 'body', title: '风险评估', body: [paragraph([text('区规划和自然资源局每年汛前组织开展森林火灾风险评估。')])] });
    const changes = compareDocuments(before, after).changes;
    parts = await exportAndSave('revision-table', () =>
      exportRevisionTableDocx({ planTitle: '小店区森林火灾应急预案', fromLabel: '2022版', toLabel: '2025版（送审稿）', changes, reasons: { [changed.id]: '落实《突发事件应急预案管理办法》第十条' } }),
    );
  });

  it('writes one row per changed, added or removed section: 原文, 修订后, 修订理由', () => {
    expectGbtPages(parts, ['portrait']);
    const ps = paragraphs(parts.document);
    expect(ps[0]!.text).toBe('小店区森林火灾应急预案修订对照表');
    expect(ps[1]!.text).toBe('（2022版与2025版（送审稿）对照）');
    const [tbl] = elements(parts.document, 'w:tbl');
    expectGbtTable(tbl!, 8845, ['原文', '修订后', '修订理由']);
    const rows = elements(tbl!, 'w:tr').slice(1);
    const cells = rows.map((r) => elements(r, 'w:tc'));
    const texts = cells.map((c) => c.map(textOf));
    const purpose = texts.find((t) => t[0]!.startsWith('（一）编制目的'))!;
    expect(purpose[1]).toContain('最大程度减少人员伤亡');
    expect(purpose[2]).toBe('落实《突发事件应急预案管理办法》第十条');
    expect(texts.find((t) => t[0] === ADDED)![1]).toMatch(/^（.）风险评估区规划和自然资源局/);
    expect(texts.find((t) => t[1] === REMOVED)![0]).toMatch(/^（.）工作原则/);
    // Number and title bold at the top of each cell.
    const firstRun = element(element(cells[texts.indexOf(purpose)]![1]!, 'w:p')!, 'w:r')!;
    expect(firstRun).toContain('<w:b/>');
    expect(textOf(firstRun)).toBe('（一）编制目的');
    expectFonts(parts);
  });
});
