// Plan checks on real plans built from the shipped forest-fire templates, then broken one rule at a time.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITATION_RULES, checkCitations, type CitationRule } from '../../electron/core/domain/checks/citations';
import { checkPlan, locateFindings } from '../../electron/core/domain/checks/plan-checks';
import { createPlanFromTemplate } from '../../electron/core/domain/plans/create-plan';
import { findTemplate, loadTemplates } from '../../electron/core/templates/load-templates';
import { list, paragraph, table, text, type BlockJSON, type PlanDocument, type PlanSection } from '../../electron/shared/doc-model';
import { groupFindings } from '../../electron/shared/check-groups';
import type { CheckFinding, PlanCheckInput } from '../../electron/shared/schemas/checks';
import type { DistrictProfile } from '../../electron/shared/schemas/profile';

const { templates, problems } = loadTemplates(path.resolve(import.meta.dirname, '..', '..', 'templates'));

const FULL: DistrictProfile = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '小店区应急管理局', departments: [] };
const EMPTY: DistrictProfile = { districtName: '', governmentName: '', emergencyBureau: '', departments: [] };
const TODAY = '2025-06-01';

function plan(revision: '2019' | '2024', profile: DistrictProfile = FULL): PlanDocument {
  const t = findTemplate(templates, 'forest-fire', revision);
  if (!t) throw new Error(`forest-fire ${revision} not loaded: ${JSON.stringify(problems)}`);
  let n = 0;
  return createPlanFromTemplate(t, profile, 'decimal', () => `s${++n}`).doc;
}

const check = (doc: PlanDocument, more: Partial<PlanCheckInput> = {}) => checkPlan({ doc, today: TODAY, nextReviewDate: null, ...more });

// ---- building variants -----------------------------------------------------------------------

const indexOf = (doc: PlanDocument, clauseId: string) => {
  const i = doc.sections.findIndex((s) => s.lineage?.clauseId === clauseId);
  if (i < 0) throw new Error(`no clause ${clauseId}`);
  return i;
};
const idOf = (doc: PlanDocument, clauseId: string) => doc.sections[indexOf(doc, clauseId)]!.id;

/** The ids of a clause's section and its descendants. */
function subtreeIds(doc: PlanDocument, clauseId: string): Set<string> {
  const i = indexOf(doc, clauseId);
  const level = doc.sections[i]!.level;
  let end = i + 1;
  while (end < doc.sections.length && doc.sections[end]!.level > level) end++;
  return new Set(doc.sections.slice(i, end).map((s) => s.id));
}

const mapSections = (doc: PlanDocument, f: (s: PlanSection) => PlanSection | null): PlanDocument => ({
  ...doc,
  sections: doc.sections.flatMap((s) => f(s) ?? []),
});
const remove = (doc: PlanDocument, clauseId: string) => {
  const ids = subtreeIds(doc, clauseId);
  return mapSections(doc, (s) => (ids.has(s.id) ? null : s));
};
const empty = (doc: PlanDocument, clauseId: string) => {
  const ids = subtreeIds(doc, clauseId);
  return mapSections(doc, (s) => (ids.has(s.id) ? { ...s, body: [] } : s));
};
const setBody = (doc: PlanDocument, clauseId: string, body: BlockJSON[]) => mapSections(doc, (s) => (s.lineage?.clauseId === clauseId ? { ...s, body } : s));
const retitle = (doc: PlanDocument, titles: Record<string, string>) => mapSections(doc, (s) => ({ ...s, title: titles[s.lineage?.clauseId ?? ''] ?? s.title }));
const stripLineage = (doc: PlanDocument) => mapSections(doc, ({ lineage: _lineage, ...s }) => s);

const cells = (...values: string[]) => values.map((v) => [text(v)]);
const CONTACT_HEADER = cells('单位', '联系人', '职务', '办公电话', '手机');
const filledContacts = table([CONTACT_HEADER, cells('区应急管理局', '张三', '科长', '0351-1234567', '13800000000'), cells('区自然资源局', '李四', '科长', '0351-7654321', '13900000000')]);

/** The 2024 plan as a planner finishes it: full profile, contact table filled in. */
const clean2024 = () => setBody(plan('2024'), 'annex-contacts', [filledContacts]);

/** [code, severity, clause id of the section or '-'] for compact exact assertions. */
const brief = (doc: PlanDocument, findings: CheckFinding[]) =>
  findings.map((f) => [f.code, f.severity, f.sectionId === undefined ? '-' : (doc.sections.find((s) => s.id === f.sectionId)?.lineage?.clauseId ?? f.sectionId)]);

// ---- the shipped templates ---------------------------------------------------------------------

describe('shipped templates', () => {
  it('the 2024 plan with a full profile reports only its unfilled contact table', () => {
    const doc = plan('2024');
    expect(check(doc)).toEqual([
      {
        code: 'contact-table-incomplete',
        severity: 'warning',
        message: '联系表中有40个单元格未填写（空白或“（待填）”），请补全联系人和联系电话，并删除不用的空行。',
        sectionId: idOf(doc, 'annex-contacts'),
        detail: '40个未填单元格，涉及10行',
      },
    ]);
  });

  it('the 2024 plan with its contact table filled is clean', () => {
    expect(check(clean2024())).toEqual([]);
  });

  it('the 2019 plan reports its superseded citations and agency names', () => {
    const doc = plan('2019');
    const findings = check(doc);
    expect(brief(doc, findings)).toEqual([
      ['superseded-citation', 'warning', 'general.basis'],
      ['superseded-citation', 'warning', 'general.basis'],
      ['superseded-citation', 'warning', 'general.basis'],
      ['superseded-citation', 'warning', 'general.basis'],
      ['superseded-citation', 'info', 'organization.hq'],
      ['superseded-citation', 'info', 'organization.members'],
      // Same section: the warning sorts before the info.
      ['contact-table-incomplete', 'warning', 'annex-contacts'],
      ['superseded-citation', 'info', 'annex-contacts'],
    ]);
    const basis = findings.filter((f) => f.sectionId === idOf(doc, 'general.basis'));
    // 2007 law, 2006 national plan, 2013 办法, and the 国家森林火灾应急预案 replaced in 2020: the first four rows.
    expect(basis.map((f) => f.message)).toEqual(CITATION_RULES.slice(0, 4).map((r) => r.message));
    expect(basis[0]!.detail).toContain('2007年8月30日');
    expect(basis[1]!.detail).toContain('2006年1月国务院发布');
    expect(basis[2]!.detail).toContain('国办发〔2013〕101号');
    expect(findings.filter((f) => f.severity === 'info').every((f) => f.message.includes('自然资源局'))).toBe(true);
  });
});

// ---- required chapters -----------------------------------------------------------------------

describe('required chapters', () => {
  it('a removed chapter is reported with no section to jump to, ahead of located findings', () => {
    const doc = setBody(remove(clean2024(), 'support'), 'general.basis', [paragraph([text('《中华人民共和国突发事件应对法》（2007年）')])]);
    const findings = check(doc);
    expect(brief(doc, findings)).toEqual([
      ['missing-section', 'error', '-'],
      ['superseded-citation', 'warning', 'general.basis'],
    ]);
    expect(findings[0]).toEqual({ code: 'missing-section', severity: 'error', message: '预案缺少“应急保障”一章，请补充队伍、物资、资金等保障内容。', detail: '应急保障' });
  });

  it('an emptied chapter is reported on that chapter', () => {
    const doc = empty(clean2024(), 'aftermath');
    expect(check(doc)).toEqual([
      {
        code: 'empty-section',
        severity: 'error',
        message: '“后期处置”一章为空，请补充善后处置、调查评估和恢复重建等内容。',
        sectionId: idOf(doc, 'aftermath'),
        detail: '后期处置',
      },
    ]);
  });

  it('信息报告 may be a chapter of its own or sit inside 监测预警', () => {
    const base = clean2024();
    const reportingId = idOf(base, 'reporting');
    // Dropping only the chapter heading leaves its clauses as the last subsections of 监测预警.
    const inWarning = mapSections(base, (s) => (s.id === reportingId ? null : s));
    expect(check(inWarning)).toEqual([]);
    expect(check(stripLineage(inWarning))).toEqual([]);

    const gone = remove(base, 'reporting');
    expect(check(gone)).toEqual([
      {
        code: 'missing-section',
        severity: 'error',
        message: '预案缺少“信息报告”内容，请单设一章或在“监测预警”或“应急响应”中补充信息报告的时限、程序和内容。',
        detail: '信息报告',
      },
    ]);
  });

  it('an empty 应急响应 chapter is one finding, not one per response level', () => {
    const doc = empty(clean2024(), 'response');
    expect(brief(doc, check(doc))).toEqual([['empty-section', 'error', 'response']]);
  });
});

// ---- response levels ----------------------------------------------------------------------------

describe('response levels', () => {
  it('deleting Ⅱ级响应’s measures is reported on Ⅱ级响应', () => {
    const doc = remove(clean2024(), 'response.level-2.measures');
    expect(check(doc)).toEqual([
      {
        code: 'response-level-incomplete',
        severity: 'error',
        message: 'Ⅱ级响应缺少响应措施，请补充该级响应启动后各单位采取的具体措施。',
        sectionId: idOf(doc, 'response.level-2'),
        detail: 'Ⅱ级·响应措施',
      },
    ]);
  });

  it('an emptied start condition is reported on that subsection', () => {
    const doc = empty(clean2024(), 'response.level-3.trigger');
    expect(check(doc)).toEqual([
      {
        code: 'response-level-incomplete',
        severity: 'error',
        message: 'Ⅲ级响应的启动条件为空，请补充启动该级响应的具体条件。',
        sectionId: idOf(doc, 'response.level-3.trigger'),
        detail: 'Ⅲ级·启动条件',
      },
    ]);
  });

  it('a missing level is reported on the 应急响应 chapter', () => {
    const doc = remove(clean2024(), 'response.level-1');
    expect(check(doc)).toEqual([
      {
        code: 'response-level-missing',
        severity: 'error',
        message: '应急响应中没有Ⅰ级响应，请补充该级响应的启动条件、启动程序和响应措施。',
        sectionId: idOf(doc, 'response'),
        detail: 'Ⅰ级',
      },
    ]);
  });

  it('a response chapter without any levels gets one finding', () => {
    let doc = clean2024();
    for (const n of [1, 2, 3, 4]) doc = remove(doc, `response.level-${n}`);
    expect(brief(doc, check(doc))).toEqual([['response-level-missing', 'error', 'response']]);
  });

  it('start conditions and measures written as labelled paragraphs count (Word imports)', () => {
    let doc = stripLineage(remove(remove(remove(clean2024(), 'response.level-4.trigger'), 'response.level-4.procedure'), 'response.level-4.measures'));
    const level4 = doc.sections.find((s) => s.title === 'Ⅳ级响应')!;
    const withBody = (body: BlockJSON[]) => mapSections(doc, (s) => (s.id === level4.id ? { ...s, body } : s));
    doc = withBody([paragraph([text('1. 启动条件：过火面积1公顷以上10公顷以下的森林火灾。')]), paragraph([text('2. 启动程序')]), paragraph([text('指挥部办公室提出建议。')]), paragraph([text('3. 响应措施')]), list('bullet', [[text('调派扑火队伍。')]])]);
    expect(check(doc)).toEqual([]);

    doc = withBody([paragraph([text('1. 启动条件：过火面积1公顷以上。')]), paragraph([text('2. 响应措施：')])]);
    expect(check(doc)).toEqual([
      { code: 'response-level-incomplete', severity: 'error', message: 'Ⅳ级响应的响应措施为空，请补充该级响应启动后各单位采取的具体措施。', sectionId: level4.id, detail: 'Ⅳ级·响应措施' },
    ]);
  });
});

// ---- placeholders, contact tables, citations --------------------------------------------------

describe('content', () => {
  it('an empty profile leaves placeholders, one finding per section naming its keys', () => {
    const doc = setBody(plan('2024', EMPTY), 'annex-contacts', [filledContacts]);
    const findings = check(doc);
    expect(brief(doc, findings)).toEqual([
      ['unfilled-placeholder', 'error', 'general.basis'],
      ['unfilled-placeholder', 'error', 'general.system'],
      ['unfilled-placeholder', 'error', 'organization.hq'],
      ['unfilled-placeholder', 'error', 'organization.members'],
      ['unfilled-placeholder', 'error', 'aftermath.relief'],
      ['unfilled-placeholder', 'error', 'supplementary.effective'],
    ]);
    expect(findings.map((f) => f.detail)).toEqual(['区名', '区名', '人民政府名称、区名', '区名', '应急管理部门', '区名']);
    expect(findings[2]!.message).toBe('有未填写的占位符：{{人民政府名称}}、{{区名}}，请点击占位符填写（全文同名占位符一并替换）或改写正文。');
  });

  it('the same message in several sections is one group naming each section as the plan numbers it', () => {
    const doc = setBody(plan('2024', EMPTY), 'annex-contacts', [filledContacts]);
    const groups = groupFindings(locateFindings(check(doc), doc));
    // Six findings, three messages: 区名 alone, in four sections, is one item with its four places.
    expect(groups.map((g) => [g.message.split('，')[0], g.places.map((p) => p.where)])).toEqual([
      ['有未填写的占位符：{{区名}}', ['1.2 编制依据', '1.7 预案体系与衔接', '2.3 成员单位职责', '9.4 实施时间']],
      ['有未填写的占位符：{{人民政府名称}}、{{区名}}', ['2.1 森林草原防灭火指挥部']],
      ['有未填写的占位符：{{应急管理部门}}', ['6.2 保险与救助']],
    ]);
    expect(groups[0]!.places.map((p) => p.sectionId)).toEqual(['general.basis', 'general.system', 'organization.members', 'supplementary.effective'].map((c) => idOf(doc, c)));
    // The plan's own numbering: official style numbers （二） afresh in every chapter, so each place names its chapter first.
    const official = { ...doc, numbering: 'official' as const };
    expect(groupFindings(locateFindings(check(official), official))[0]!.places.map((p) => p.where)).toEqual([
      '一、总则 （二）编制依据',
      '一、总则 （七）预案体系与衔接',
      '二、组织指挥体系及职责 （三）成员单位职责',
      '九、附则 （四）实施时间',
    ]);
    // A finding about the whole plan has no place, and stays one group.
    expect(groupFindings([{ code: 'missing-section', severity: 'error', message: 'm' }, { code: 'missing-section', severity: 'error', message: 'm' }])).toEqual([{ code: 'missing-section', severity: 'error', message: 'm', places: [] }]);
  });

  it('counts blank, （待填） and …… cells in any table whose header names contacts', () => {
    const partial = table([CONTACT_HEADER, cells('区应急管理局', '张三', '科长', '（待填）', ''), cells('区气象局', '待填', '……', '0351-1', '139')]);
    // A merged caption row above the header, as Word tables often have.
    const duty = table([cells('值班表', ''), cells('值班岗位', '联系方式'), cells('带班领导', '')]);
    const other = table([cells('等级', '受害森林面积'), cells('一般', '')]);
    let doc = setBody(clean2024(), 'annex-contacts', [partial]);
    doc = setBody(doc, 'support.comms', [paragraph([text('值班表：')]), duty, other]);
    const findings = check(doc);
    expect(brief(doc, findings)).toEqual([
      ['contact-table-incomplete', 'warning', 'support.comms'],
      ['contact-table-incomplete', 'warning', 'annex-contacts'],
    ]);
    expect(findings.map((f) => f.detail)).toEqual(['1个未填单元格，涉及1行', '4个未填单元格，涉及2行']);
  });

  it('a current citation is not flagged, even beside an old one on the same line', () => {
    const doc = setBody(clean2024(), 'general.basis', [
      paragraph([text('《中华人民共和国突发事件应对法》（2007年8月30日通过，2024年6月28日修订）')]),
      paragraph([text('《国家突发事件总体应急预案》（2025年）、《突发事件应急预案管理办法》（国办发〔2024〕5号）')]),
      paragraph([text('区安全生产监督管理局（现区应急管理局）')]),
    ]);
    expect(check(doc)).toEqual([
      { code: 'superseded-citation', severity: 'info', message: CITATION_RULES[4]!.message, sectionId: idOf(doc, 'general.basis'), detail: '区安全生产监督管理局（现区应急管理局）（现行：应急管理局）' },
    ]);
  });

  it('the citation table takes new rows', () => {
    const rule: CitationRule = { cited: '《旧条例》', supersededBy: '《新条例》', find: /《旧条例》/g, severity: 'warning', message: '请改为引用《新条例》。' };
    const doc = setBody(clean2024(), 'general.basis', [paragraph([text('依据《旧条例》')])]);
    expect(checkCitations(doc.sections, [rule])).toEqual([
      { code: 'superseded-citation', severity: 'warning', message: '请改为引用《新条例》。', sectionId: idOf(doc, 'general.basis'), detail: '依据《旧条例》（现行：《新条例》）' },
    ]);
  });
});

// ---- dates and the upstream plan ----------------------------------------------------------------

describe('evaluation and upstream', () => {
  const doc = clean2024();

  it('an evaluation date before today is overdue', () => {
    expect(check(doc, { nextReviewDate: '2025-05-31' })).toEqual([
      { code: 'evaluation-overdue', severity: 'error', message: '预案评估已逾期1天（应于2025-05-31前完成），请尽快组织评估，需要修订的及时启动修订。', detail: '2025-05-31' },
    ]);
  });

  it('an evaluation due within 90 days is a warning; further out is nothing', () => {
    expect(check(doc, { nextReviewDate: '2025-08-30' })).toEqual([
      { code: 'evaluation-due-soon', severity: 'warning', message: '预案评估还有90天到期（2025-08-30），请提前安排评估工作。', detail: '2025-08-30' },
    ]);
    expect(check(doc, { nextReviewDate: TODAY }).map((f) => f.message)).toEqual(['预案评估今天到期（2025-06-01），请提前安排评估工作。']);
    expect(check(doc, { nextReviewDate: '2025-08-31' })).toEqual([]);
  });

  it('a newer upstream revision flags the plan 待修订', () => {
    const upstream = { templateTitle: '市森林火灾应急预案', currentRevision: '2019', newestRevision: '2024' };
    expect(check(doc, { upstream })).toEqual([
      {
        code: 'upstream-revised',
        severity: 'warning',
        message: '上位预案已修订，待修订：《市森林火灾应急预案》已有2024版（本预案依据2019版），请对照新版修订本预案。',
        detail: '2019 → 2024',
      },
    ]);
    expect(check(doc, { upstream: { ...upstream, currentRevision: '2024' } })).toEqual([]);
  });

  it('whole-plan findings lead, in rule order, then findings by position', () => {
    const broken = remove(doc, 'support');
    const findings = check(broken, { nextReviewDate: '2025-01-01', upstream: { templateTitle: '市森林火灾应急预案', currentRevision: '2019', newestRevision: '2024' } });
    expect(findings.map((f) => f.code)).toEqual(['missing-section', 'evaluation-overdue', 'upstream-revised']);
  });
});

// ---- plans without lineage ----------------------------------------------------------------------

describe('plans imported from Word (no lineage)', () => {
  it('are recognised by their titles and report what the lineage plan reports', () => {
    const doc = plan('2024');
    expect(check(stripLineage(doc))).toEqual(check(doc));
    expect(check(stripLineage(doc))).toHaveLength(1);
    expect(check(stripLineage(clean2024()))).toEqual([]);
    // Breaking the plan the same ways gives the same findings, to the same sections.
    for (const broken of [remove(doc, 'support'), empty(doc, 'aftermath'), remove(doc, 'response.level-2.measures'), remove(doc, 'response.level-1')]) {
      expect(check(stripLineage(broken))).toEqual(check(broken));
    }
  });

  it('tolerate other chapter names, numbered titles and other level notations', () => {
    const titles = {
      general: '一、总则',
      organization: '二、组织机构及职责',
      warning: '三、预防与预警',
      reporting: '四、信息报送',
      response: '五、应急处置',
      aftermath: '六、恢复与重建',
      support: '七、保障措施',
      management: '八、监督管理',
      supplementary: '九、附则',
      'response.level-4': '（一）四级应急响应',
      'response.level-3': 'III级响应',
      'response.level-2': '二级响应',
      'response.level-1': 'Ⅰ级',
      'response.level-2.trigger': '1. 响应启动条件',
      'response.level-2.measures': '3. 处置措施',
    };
    const doc = stripLineage(retitle(clean2024(), titles));
    expect(check(doc)).toEqual([]);

    // Without lineage the emptied chapter is found by its name and reported under it.
    const aftermathId = idOf(clean2024(), 'aftermath');
    const emptied = stripLineage(empty(retitle(clean2024(), titles), 'aftermath'));
    expect(check(emptied)).toEqual([
      { code: 'empty-section', severity: 'error', message: '“恢复与重建”一章为空，请补充善后处置、调查评估和恢复重建等内容。', sectionId: aftermathId, detail: '后期处置' },
    ]);

    const noMeasures = stripLineage(remove(retitle(clean2024(), titles), 'response.level-2.measures'));
    expect(check(noMeasures).map((f) => [f.code, f.message])).toEqual([['response-level-incomplete', 'Ⅱ级响应缺少响应措施，请补充该级响应启动后各单位采取的具体措施。']]);

    const noSupport = stripLineage(remove(retitle(clean2024(), titles), 'support'));
    expect(check(noSupport).map((f) => f.message)).toEqual(['预案缺少“应急保障”一章，请补充队伍、物资、资金等保障内容。']);
  });

  it('find 预案管理 inside 附则 in the older layout', () => {
    let doc = stripLineage(clean2024());
    const management = doc.sections.findIndex((s) => s.title === '预案管理');
    // Drop the 预案管理 chapter heading and move its clauses to the end of 附则, one level down as they would be.
    const moved = doc.sections.slice(management + 1, management + 5).map((s) => ({ ...s, level: 2 as const }));
    const rest = doc.sections.filter((s, i) => i < management || i > management + 4);
    const annexStart = rest.findIndex((s) => s.kind === 'annex');
    doc = { ...doc, sections: [...rest.slice(0, annexStart), ...moved, ...rest.slice(annexStart)] };
    expect(doc.sections.filter((s) => s.level === 1 && s.kind === 'body').map((s) => s.title)).not.toContain('预案管理');
    expect(check(doc)).toEqual([]);
  });
});
