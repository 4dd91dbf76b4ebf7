// The 演练工作方案 in GB/T 9704 layout, built from the forest-fire drill and its script and checked in the unzipped XML.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Script } from '../../electron/shared/schemas/drill';
import { exportWorkPlanDocx, workPlanTitle } from '../../electron/core/export/workplan-docx';
import { workPlanInput } from '../fixtures/document-inputs';
import { ROSTER, forestFireDrill } from '../fixtures/forest-fire-drill';
import { eastAsiaFont, elements, paragraphs, saveExport, unzipDocx, type DocxParts } from '../helpers/docx';
import { expectGbt9704Layout, expectGbtTable } from '../helpers/gbt9704-layout';

const texts = (parts: DocxParts) => paragraphs(parts.document).map((p) => p.text);
const headings = (parts: DocxParts, style: string) => paragraphs(parts.document).filter((p) => p.style === style).map((p) => p.text);

/** The paragraphs between two level-1 headings. */
function chapter(parts: DocxParts, from: string, to: string): string[] {
  const all = texts(parts);
  return all.slice(all.indexOf(from) + 1, all.indexOf(to));
}

describe('exportWorkPlanDocx', () => {
  let parts: DocxParts;
  let script: Script;
  beforeAll(async () => {
    const input = workPlanInput();
    script = input.script;
    parts = await saveExport('workplan', await exportWorkPlanDocx(input));
  });

  it('is an A4 GB/T 9704 document: page, grid, fonts per level, page numbers', () => {
    expectGbt9704Layout(parts, ['portrait']);
    const first = paragraphs(parts.document)[0]!;
    expect(first.style).toBe('Title');
    expect(first.text).toBe('小店区2025年森林火灾综合应急演练工作方案');
  });

  it('has the chapters of a 工作方案 in order, numbered 一、 to 九、', () => {
    expect(headings(parts, 'Heading1')).toEqual([
      '一、演练目的',
      '二、编制依据',
      '三、组织机构及职责',
      '四、演练时间和地点',
      '五、参演单位',
      '六、演练科目及内容',
      '七、准备工作与进度安排',
      '八、保障措施',
      '九、评估与总结',
    ]);
    const purpose = chapter(parts, '一、演练目的', '二、编制依据');
    expect(purpose).toContain('1.检验森林火灾信息报告和预警发布流程。');
    expect(purpose.at(-1)).toBe('演练重点检验《小店区森林火灾应急预案》中“信息报告”“Ⅳ级响应”等条款。');
    expect(chapter(parts, '二、编制依据', '三、组织机构及职责')).toContain('4.《小店区森林火灾应急预案》');
    expect(chapter(parts, '四、演练时间和地点', '五、参演单位')).toContain('演练时间：2025年4月8日 9:00—11:30');
    expect(chapter(parts, '五、参演单位', '六、演练科目及内容')).toEqual(['区应急管理局、区规划和自然资源局、区消防救援大队、孙家寨乡人民政府、区卫生健康局，共5个单位。', '观摩人员：陈静（太原市应急管理局）。']);
  });

  it('builds the organisation from the roster: 领导小组, 导演组, each further group, and the units', () => {
    const org = chapter(parts, '三、组织机构及职责', '四、演练时间和地点');
    expect(org.filter((t) => /^（.）/.test(t))).toEqual(['（一）演练领导小组', '（二）导演组', '（三）评估组', '（四）参演单位']);
    expect(org).toContain('组长（总指挥）：张建国（太原市小店区人民政府）');
    expect(org).toContain('组长（总导演）：李娜（太原市小店区应急管理局）');
    expect(org).toContain('导调控制人员：王磊（太原市小店区应急管理局）');
    expect(org).toContain('成员：赵敏（太原市应急管理局）、孙伟（区消防救援大队）');
    expect(org).toContain('联络人员：刘强（孙家寨乡人民政府）');
    expect(org.filter((t) => t.startsWith('职责：'))).toHaveLength(4);
  });

  it('sums up the script: each phase with its time span, one numbered line per inject', () => {
    const subjects = chapter(parts, '六、演练科目及内容', '七、准备工作与进度安排');
    expect(subjects[0]).toBe(`本次演练以森林火灾为背景，设置5个阶段、${script.injects.length}个情景，按照“预警—响应启动—处置—扩大响应—响应结束”的顺序推进。具体科目如下：`);
    // The injects six minutes apart, the last (11:06) before the drill ends at 11:30.
    expect(subjects.filter((t) => /^（.）/.test(t))).toEqual(['（一）预警（9:00—9:06）', '（二）响应启动（9:18—9:24）', '（三）处置（9:36—10:24）', '（四）扩大响应（10:36—10:54）', '（五）响应结束（11:06）']);
    expect(subjects.filter((t) => /^\d+\./.test(t))).toHaveLength(script.injects.length);
    expect(subjects).toContain('1.预警发布：监测会商显示风险上升，已达到预警发布条件。区森林草原防灭火指挥部办公室：蓝色、黄色预警由区森林草原防灭火指挥部办公室会同区气象局、区自然资源局会商后制作，报常务副指挥长批准后发布。');
  });

  it('dates the preparation back from the drill day in a table, and names the support and the reports', () => {
    const tables = elements(parts.document, 'w:tbl');
    expect(tables).toHaveLength(2);
    const rows = expectGbtTable(tables[0]!, 'portrait', ['序号', '工作内容', '完成时限', '责任单位']);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual(['1', '成立演练组织机构，印发演练工作方案', '2025年3月9日', '太原市小店区应急管理局']);
    expect(rows.find((r) => r[1]!.startsWith('组织实施演练'))![2]).toBe('2025年4月8日');
    expect(headings(parts, 'Heading2').slice(-3)).toEqual(['（一）安全保障', '（二）通信保障', '（三）后勤保障']);
    const all = texts(parts);
    expect(all).toContain('演练过程中发生真实突发事件或出现危及人员安全的情况时，由总指挥（张建国）宣布中止演练，参演单位立即转入实际处置。');
    expect(all.some((t) => t.startsWith('评估组（赵敏、孙伟）') && t.includes('2025年4月15日前形成书面评估报告'))).toBe(true);
  });

  it('closes with the 附件说明, 署名 and 成文日期, then the roster as the annex on a new page', () => {
    const ps = paragraphs(parts.document);
    const note = ps.findIndex((p) => p.text === '附件：演练人员名单');
    expect(ps[note]!.style).toBe('AttachmentNote');
    expect(ps.slice(note + 1, note + 4).map((p) => p.text)).toEqual(['', '太原市小店区应急管理局', '2025年3月1日']);
    // The last paragraph of the body, the 附件说明 and the blank line before the 署名 keep with what follows:
    // the 署名 never stands alone on the last page.
    for (const p of ps.slice(note - 2, note + 2)) expect(p.xml).toContain('<w:keepNext/>');
    const label = ps.findIndex((p) => p.style === 'AnnexLabel');
    expect(label).toBeGreaterThan(note);
    expect(ps[label]!.text).toBe('附件');
    expect(ps[label]!.xml).toContain('<w:pageBreakBefore/>');
    expect(ps[label + 1]).toMatchObject({ style: 'AnnexTitle', text: '演练人员名单' });
    const roster = expectGbtTable(elements(parts.document, 'w:tbl')[1]!, 'portrait', ['角色', '姓名', '单位', '联系方式']);
    expect(roster.map((r) => r[1])).toEqual(ROSTER.map((r) => r.name));
    expect(eastAsiaFont(parts.styles, 'AttachmentNote')).toBe('仿宋_GB2312');
  });
});

describe('exportWorkPlanDocx for a drill close to the document date', () => {
  /** The 进度安排 table's rows, read from the .docx, and its dates as YYYY-MM-DD. */
  async function scheduleOf(date: string, name: string) {
    const parts = await saveExport(name, await exportWorkPlanDocx({ ...workPlanInput(), date }));
    const rows = expectGbtTable(elements(parts.document, 'w:tbl')[0]!, 'portrait', ['序号', '工作内容', '完成时限', '责任单位']);
    const iso = (text: string) => text.replace(/^(\d{4})年(\d{1,2})月(\d{1,2})日$/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
    return { rows, dates: rows.map((r) => iso(r[2]!)), parts };
  }

  it('compresses the preparation between the document date and the drill, in date order', async () => {
    const { rows, dates, parts } = await scheduleOf('2025-03-30', 'workplan-close');
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(dates).toEqual(['2025-03-30', '2025-04-02', '2025-04-03', '2025-04-05', '2025-04-07', '2025-04-08', '2025-04-15', '2025-04-23']);
    expect(rows[0]![1]).toBe('成立演练组织机构，印发演练工作方案');
    // The first step is the issuing of this very document, on its 成文日期.
    const all = texts(parts);
    expect(all[all.indexOf('附件：演练人员名单') + 3]).toBe('2025年3月30日');
  });

  it('merges the steps that fall on one day when the drill is the day after next', async () => {
    const { rows, dates } = await scheduleOf('2025-04-06', 'workplan-two-days');
    expect(dates).toEqual(['2025-04-06', '2025-04-07', '2025-04-08', '2025-04-15', '2025-04-23']);
    expect(dates.every((d) => d >= '2025-04-06')).toBe(true);
    expect(rows[0]!.slice(1)).toEqual(['成立演练组织机构，印发演练工作方案；编制演练脚本、评估方案和安全保障方案', '2025年4月6日', '太原市小店区应急管理局、导演组']);
    expect(rows[1]![1]!.split('；')).toHaveLength(3);
  });

  it('writes 演练前 for the preparation of a drill already past', async () => {
    const { rows } = await scheduleOf('2025-04-20', 'workplan-after');
    expect(rows.map((r) => r[2])).toEqual(['演练前', '演练前', '演练前', '演练前', '演练前', '2025年4月8日', '2025年4月15日', '2025年4月23日']);
  });
});

describe('exportWorkPlanDocx for a drill planned but not yet scripted', () => {
  it('still reads as a 工作方案: placeholders for the subjects and leaders, no annex', async () => {
    const drill = forestFireDrill({ name: '小店区防汛抢险桌面推演工作方案', form: 'tabletop', organizer: '', objectives: [], planLinks: [], participants: [] });
    const parts = await unzipDocx(await exportWorkPlanDocx({ drill, script: { phases: [], injects: [], roster: [] }, plans: [], issuer: '', date: '2025-05-06' }));
    expectGbt9704Layout(parts, ['portrait']);
    const all = texts(parts);
    expect(all[0]).toBe('小店区防汛抢险桌面推演工作方案');
    expect(workPlanTitle(drill.name)).toBe(drill.name);
    expect(all).toContain('组长（总指挥）：演练组织单位主要负责同志');
    expect(all).toContain('1.检验应急预案的实用性和可操作性。');
    expect(all).toContain('演练科目和情景由导演组在演练脚本中确定。');
    expect(all).toContain('参演单位由演练领导小组另行确定。');
    expect(all).toContain('演练场所保持疏散通道畅通，参演人员服从现场工作人员指挥。');
    expect(all.at(-1)).toBe('2025年5月6日');
    expect(paragraphs(parts.document).some((p) => p.style === 'AnnexLabel' || p.style === 'AttachmentNote')).toBe(false);
  });
});

describe('exportWorkPlanDocx with groups the roster names itself', () => {
  it('gives a group of any role its own heading and duty, and leaves people without a role to the annex', async () => {
    const roster = [
      { id: 'r1', role: '保障组', name: '周涛', unit: '区应急管理局', contact: '' },
      { id: 'r2', role: '通信组', name: '吴刚', unit: '区融媒体中心', contact: '' },
      { id: 'r3', role: '', name: '郑红', unit: '区卫生健康局', contact: '' },
    ];
    const parts = await unzipDocx(await exportWorkPlanDocx({ drill: forestFireDrill(), script: { phases: [], injects: [], roster }, plans: [], issuer: '', date: '2025-05-06' }));
    const org = chapter(parts, '三、组织机构及职责', '四、演练时间和地点');
    expect(org[0]).toBe('本次演练由太原市小店区应急管理局组织实施，成立演练领导小组和导演组，下设保障组、通信组。');
    expect(org.filter((t) => /^（.）/.test(t))).toEqual(['（一）演练领导小组', '（二）导演组', '（三）保障组', '（四）通信组', '（五）参演单位']);
    expect(org).toContain('职责：负责演练场地、物资装备、车辆、通信、医疗和安全保障，保障演练顺利进行。');
    expect(org).toContain('职责：按照本方案和演练脚本完成本组承担的各项任务。');
    expect(org.join('')).not.toContain('郑红');
    const annex = expectGbtTable(elements(parts.document, 'w:tbl').at(-1)!, 'portrait', ['角色', '姓名', '单位', '联系方式']);
    expect(annex.map((r) => r[1])).toEqual(['周涛', '吴刚', '郑红']);
  });
});
