// A drill's 演练工作方案 (domain.md §3.5) as a GB/T 9704 Word file, built from the drill and its script: purpose,
// basis, organisation and duties from the roster, time and place, units, subjects from the script's phases,
// preparation schedule, support, evaluation and summary, and the roster as the annex.
import type { Paragraph, Table } from 'docx';
import { chineseNumeral } from '../../shared/numbering';
import { addDays } from '../clock';
import { preparationSchedule } from '../domain/drills/preparation-schedule';
import type { Drill, Inject, RosterEntry, Script } from '../../shared/schemas/drill';
import { drillFormText } from '../../shared/vocabulary';
import { bodyText, bodyTextKeptWithNext, dataTable, factParagraph, heading, packDocument, pushRun, type Column, type PageRun } from './document-kit-docx';
import { ATTACHMENT_NOTE_STYLE, annexHeading, attachmentNote, formatChineseDate, signatureParagraphs, titleParagraph } from './official-parts-docx';
import { ROSTER_COLUMNS, drillWhen, plannedClockTime } from './script-docx';

/** A plan the drill tests, with the titles of the clauses (sections) it names. */
export interface TestedPlan {
  title: string;
  clauses: string[];
}

export interface WorkPlanExportInput {
  drill: Drill;
  script: Script;
  plans: TestedPlan[];
  /** 署名: the organising unit. */
  issuer: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
}

type Block = Paragraph | Table;

/** Widths in 四号 characters: a full date (2025年12月25日, with the spaces around its digits) needs about nine. */
export const SCHEDULE_COLUMNS: Column[] = [
  { header: '序号', chars: 2 },
  { header: '工作内容', chars: 13 },
  { header: '完成时限', chars: 9.5 },
  { header: '责任单位', chars: 7 },
];

/** 「{演练名称}工作方案」, not doubled when the name already ends in 方案. */
export function workPlanTitle(drillName: string): string {
  return drillName.endsWith('方案') ? drillName : `${drillName}工作方案`;
}

/** 一、… and （一）…: numbers written as text, as in every other export; level 2 counts again under each level 1. */
function outline() {
  let one = 0;
  let two = 0;
  return {
    h1: (title: string) => ((two = 0), heading(1, `${chineseNumeral(++one)}、${title}`)),
    h2: (title: string) => heading(2, `（${chineseNumeral(++two)}）${title}`),
  };
}

const ROLE = { commander: '总指挥', director: '导演', control: '控制组', unit: '参演单位', observer: '观摩' } as const;

/** Roles with a duty of their own in the 工作方案; any other role the roster names is a working group with the default duty. */
const GROUP_DUTIES: Record<string, string> = {
  评估组: '负责制定演练评估方案，在演练中观察记录关键行动和时间节点，演练结束后进行现场点评，形成书面评估报告。',
  保障组: '负责演练场地、物资装备、车辆、通信、医疗和安全保障，保障演练顺利进行。',
  宣传组: '负责演练的宣传报道和信息发布，做好社会公众的告知工作。',
  安全组: '负责演练现场的安全警戒和安全检查，发现安全隐患及时报告并处置。',
};
const DEFAULT_DUTY = '按照本方案和演练脚本完成本组承担的各项任务。';

const PURPOSE_PHRASE: Record<Drill['purpose'], string> = {
  test: '查找应急准备中的薄弱环节，提高各参演单位的协同处置能力',
  demo: '示范应急处置的规范流程，提高公众的应急意识',
  research: '探索应急处置的新方法、新机制',
};

/** What a drill checks when its coordinators wrote no objectives: the 2009 指南's purposes (§1.2). */
const DEFAULT_OBJECTIVES = ['检验应急预案的实用性和可操作性', '检验应急队伍、物资装备和技术支撑的准备情况', '磨合各参演单位之间的指挥协调和联动机制'];

const people = (entries: RosterEntry[]): string => entries.map((r) => (r.unit ? `${r.name}（${r.unit}）` : r.name)).join('、');
const unpunctuated = (s: string): string => s.trim().replace(/[。；，、.;,]+$/, '');

/** The first sentence (or clause before a ；) of a long text, for a summary line; past `max` characters, cut at its last comma. */
function firstSentence(text: string, max = 60): string {
  const first = unpunctuated(text.split(/[。！？；\n]/)[0] ?? '');
  if (first.length <= max) return first;
  const comma = first.lastIndexOf('，', max);
  return unpunctuated(comma > max / 2 ? first.slice(0, comma) : first.slice(0, max));
}

function purpose(drill: Drill, plans: TestedPlan[]): Block[] {
  const planNames = plans.map((p) => `《${p.title}》`).join('');
  const place = drill.place ? `在${drill.place}` : '';
  const objectives = drill.objectives.map(unpunctuated).filter(Boolean);
  const clauses = plans.filter((p) => p.clauses.length).map((p) => `《${p.title}》中${p.clauses.slice(0, 8).map((c) => `“${c}”`).join('')}${p.clauses.length > 8 ? `等${p.clauses.length}处` : ''}`);
  return [
    bodyText(
      `为${planNames ? `检验${planNames}的实用性和可操作性，` : ''}${PURPOSE_PHRASE[drill.purpose]}，` +
        `${drill.organizer || '本单位'}定于${formatChineseDate(drill.date)}${place}组织开展${drill.name}。本次演练的目的是：`,
    ),
    ...(objectives.length ? objectives : DEFAULT_OBJECTIVES).map((o, i) => bodyText(`${i + 1}.${o}。`)),
    ...(clauses.length ? [bodyText(`演练重点检验${clauses.join('；')}等条款。`)] : []),
  ];
}

function basis(drill: Drill, plans: TestedPlan[]): Block[] {
  const documents = [
    '《中华人民共和国突发事件应对法》',
    '《突发事件应急预案管理办法》（国办发〔2024〕5号）',
    '《突发事件应急演练指南》（应急办函〔2009〕62号）',
    ...(drill.keyIndustry ? ['《生产安全事故应急演练基本规范》（AQ/T 9007—2019）'] : []),
    ...plans.map((p) => `《${p.title}》`),
  ];
  return documents.map((d, i) => bodyText(`${i + 1}.${d}`));
}

/** 领导小组, 导演组 and each further group the roster names, with members and duties. */
function organisation(drill: Drill, roster: RosterEntry[], h2: (t: string) => Paragraph): Block[] {
  const byRole = new Map<string, RosterEntry[]>();
  // People without a role belong to no group here; the annex still lists them.
  for (const r of roster) if (r.name.trim() && r.role.trim()) byRole.set(r.role.trim(), [...(byRole.get(r.role.trim()) ?? []), r]);
  const organizer = drill.organizer || '演练组织单位';
  const named: string[] = Object.values(ROLE);
  const groups = [...byRole.keys()].filter((role) => !named.includes(role));
  const commanders = byRole.get(ROLE.commander) ?? [];
  const directors = byRole.get(ROLE.director) ?? [];
  const controllers = byRole.get(ROLE.control) ?? [];
  const units = byRole.get(ROLE.unit) ?? [];
  return [
    bodyText(`本次演练由${organizer}组织实施，成立演练领导小组和导演组${groups.length ? `，下设${groups.join('、')}` : ''}。`),
    h2('演练领导小组'),
    bodyText(`组长（总指挥）：${commanders.length ? people(commanders) : `${organizer}主要负责同志`}`),
    bodyText('成员：各参演单位分管负责同志。'),
    bodyText('职责：负责演练的组织领导，审定演练工作方案和脚本，宣布演练开始和结束，决定演练中的重大事项；出现真实突发事件或危及人员安全的情况时，决定中止演练。'),
    h2('导演组'),
    bodyText(`组长（总导演）：${directors.length ? people(directors) : `${organizer}分管负责同志`}`),
    ...(controllers.length ? [bodyText(`导调控制人员：${people(controllers)}`)] : []),
    bodyText('职责：负责演练的策划和组织协调，编写演练脚本，按照脚本向参演单位下达情景信息，控制演练进程，确保演练按计划进行。'),
    ...groups.flatMap((role) => [h2(role), bodyText(`成员：${people(byRole.get(role)!)}`), bodyText(`职责：${GROUP_DUTIES[role] ?? DEFAULT_DUTY}`)]),
    h2('参演单位'),
    ...(units.length ? [bodyText(`联络人员：${people(units)}`)] : []),
    bodyText('职责：按照预案职责和演练脚本，接收情景信息后开展处置行动，如实反映本单位的应急准备情况。'),
  ];
}

function timePlace(drill: Drill): Block[] {
  return [
    factParagraph('演练时间', drillWhen(drill)),
    factParagraph('演练地点', drill.place || '另行通知'),
    factParagraph('演练形式', drillFormText(drill)),
  ];
}

function participants(drill: Drill, roster: RosterEntry[]): Block[] {
  const observers = roster.filter((r) => r.role === ROLE.observer && r.name.trim());
  return [
    bodyText(drill.participants.length ? `${drill.participants.join('、')}，共${drill.participants.length}个单位。` : '参演单位由演练领导小组另行确定。'),
    ...(observers.length ? [bodyText(`观摩人员：${people(observers)}。`)] : []),
  ];
}

/** One line an inject: the scene, what the players are told, and what the receiving unit is expected to do. */
function injectLine(inject: Inject, n: number): Paragraph {
  const scene = unpunctuated(inject.scene);
  const info = firstSentence(inject.info);
  const action = firstSentence(inject.expectedAction);
  const told = [scene, info].filter(Boolean).join('：');
  return bodyText(`${n}.${told || '情景'}。${action ? `${inject.receiver ? `${unpunctuated(inject.receiver)}：` : ''}${action}。` : ''}`);
}

/** 演练科目: the script's phases in order, each with its time span and its injects summed up one a line. */
function subjects(drill: Drill, script: Script, h2: (t: string) => Paragraph): Block[] {
  if (!script.injects.length) return [bodyText('演练科目和情景由导演组在演练脚本中确定。')];
  const phases = [...script.phases, { id: '', name: '其他' }]
    .map((p) => ({ name: p.name, injects: script.injects.filter((i) => (p.id ? i.phaseId === p.id : !script.phases.some((q) => q.id === i.phaseId))) }))
    .filter((p) => p.injects.length);
  const when = (i: Inject) => plannedClockTime(i, drill.startTime);
  return [
    bodyText(
      `本次演练${drill.hazard ? `以${drill.hazard}为背景，` : ''}设置${phases.length}个阶段、${script.injects.length}个情景，` +
        `按照“${phases.map((p) => p.name).join('—')}”的顺序推进。具体科目如下：`,
    ),
    ...phases.flatMap((p) => {
      const span = [when(p.injects[0]!), when(p.injects[p.injects.length - 1]!)];
      return [h2(`${p.name}（${span[0] === span[1] ? span[0] : span.join('—')}）`), ...p.injects.map((i, k) => injectLine(i, k + 1))];
    }),
    bodyText('各情景的时间节点、信息传递方式和预期行动以演练脚本为准。'),
  ];
}

/** 进度安排: the run-up dated from the document date to the drill day (see preparation-schedule), then the reports. */
function schedule(drill: Drill, documentDate: string): Block[] {
  const rows = preparationSchedule(drill, documentDate).map((r, i) => [String(i + 1), r.task, r.date ? formatChineseDate(r.date) : '演练前', r.who]);
  return [bodyText('演练准备和总结工作按以下进度推进：'), dataTable(SCHEDULE_COLUMNS, rows, 'portrait')];
}

function support(drill: Drill, script: Script, roster: RosterEntry[], h2: (t: string) => Paragraph): Block[] {
  const live = drill.form !== 'tabletop';
  const commander = roster.find((r) => r.role === ROLE.commander && r.name.trim());
  const methods = [...new Set(script.injects.map((i) => i.method.trim()).filter(Boolean))];
  return [
    h2('安全保障'),
    bodyText(
      live
        ? '演练现场划定警戒区域，设置安全员，参演人员按规定配备个人防护装备；演练所用车辆、装备提前检查，严禁使用明火和危险物品开展非必要演示。'
        : '演练场所保持疏散通道畅通，参演人员服从现场工作人员指挥。',
    ),
    bodyText(`演练过程中发生真实突发事件或出现危及人员安全的情况时，由总指挥${commander ? `（${commander.name}）` : ''}宣布中止演练，参演单位立即转入实际处置。`),
    h2('通信保障'),
    bodyText(
      `演练采用${methods.length ? methods.join('、') : '电话、对讲'}等方式传递情景信息，导演组与各参演单位保持通信畅通；` +
        `${roster.length ? '演练人员联系方式见附件。' : '各参演单位确定一名联络人，演练前报导演组。'}所有演练信息开头注明“演练”字样，防止误传误报。`,
    ),
    h2('后勤保障'),
    bodyText(`${drill.organizer || '演练组织单位'}负责演练场地布置、车辆调度和参演人员就餐等后勤保障${live ? '，安排医疗救护人员和车辆现场待命' : ''}；演练所需经费按规定列支。`),
  ];
}

function evaluation(drill: Drill, roster: RosterEntry[]): Block[] {
  const evaluators = roster.filter((r) => r.role === '评估组' && r.name.trim());
  return [
    bodyText(
      `评估组${evaluators.length ? `（${evaluators.map((r) => r.name).join('、')}）` : ''}按照演练评估方案，对演练准备、指挥协调和各参演单位的处置行动进行观察记录和评估，` +
        `演练结束后进行现场点评，于${formatChineseDate(addDays(drill.date, 7))}前形成书面评估报告。`,
    ),
    // The 方案's last paragraph goes with the 附件说明 and 署名 that follow: a page holding only the 署名 reads as cut off.
    bodyTextKeptWithNext(
      `${drill.organizer || '演练组织单位'}于${formatChineseDate(addDays(drill.date, 15))}前完成演练总结报告，` +
        '对演练暴露的问题建立整改清单，明确责任单位、整改措施和完成时限，跟踪整改落实；需要修订预案的，及时启动修订程序。',
    ),
  ];
}

export async function exportWorkPlanDocx({ drill, script, plans, issuer, date }: WorkPlanExportInput): Promise<Buffer> {
  const title = workPlanTitle(drill.name);
  const roster = script.roster.filter((r) => r.name.trim() || r.unit.trim());
  const { h1, h2 } = outline();
  const body: Block[] = [
    h1('演练目的'),
    ...purpose(drill, plans),
    h1('编制依据'),
    ...basis(drill, plans),
    h1('组织机构及职责'),
    ...organisation(drill, roster, h2),
    h1('演练时间和地点'),
    ...timePlace(drill),
    h1('参演单位'),
    ...participants(drill, roster),
    h1('演练科目及内容'),
    ...subjects(drill, script, h2),
    h1('准备工作与进度安排'),
    ...schedule(drill, date),
    h1('保障措施'),
    ...support(drill, script, roster, h2),
    h1('评估与总结'),
    ...evaluation(drill, roster),
  ];
  const annex = '演练人员名单';
  const runs: PageRun[] = [];
  pushRun(runs, 'portrait', titleParagraph(title), ...body, ...(roster.length ? attachmentNote([annex]) : []), ...signatureParagraphs(issuer || undefined, date));
  if (roster.length) {
    pushRun(runs, 'portrait', ...annexHeading('附件', annex), dataTable(ROSTER_COLUMNS, roster.map((r) => [r.role, r.name, r.unit, r.contact]), 'portrait'));
  }
  return packDocument(runs, { title, ...(issuer ? { creator: issuer } : {}), extraStyles: [ATTACHMENT_NOTE_STYLE] });
}
