// “从预案生成”: a first draft of a drill script built from a plan's warning and response sections.
//
// Sections are found by template lineage (clause ids such as response.level-4) and, for plans written
// or imported without lineage, by heading text. The draft is meant to be edited: each inject links the
// clauses it came from, so the planner can check it against the plan.
import { blocksText, type PlanDocument, type PlanSection } from '../../../shared/doc-model';
import { clockAt, shortClock, windowSec, type DrillTiming } from '../../../shared/drill-window';
import { AppError } from '../../../shared/errors';
import type { Inject, Script } from '../../../shared/schemas/drill';
import { plainTitle, subtreeEnd } from '../checks/outline';
import { labelledText, leadStatements, leadUnit, shorten, summary } from './plan-text';

const PHASES = ['预警', '响应启动', '处置', '扩大响应', '响应结束'] as const;
type PhaseName = (typeof PHASES)[number];

const DEFAULTS = { sender: '导演组', receiver: '区应急管理局', method: '电话' } as const;
/**
 * The gap between injects of a phase (one step); from the last of one phase to the first of the next
 * it is two steps. A drill without an end time gets the usual step; one with an end time gets the step
 * that spreads the injects over its window, within these bounds: closer than two minutes the players
 * cannot act on an inject before the next arrives, further than a quarter of an hour they sit idle.
 */
const STEP_SEC = 10 * 60;
const MIN_STEP_SEC = 2 * 60;
const MAX_STEP_SEC = 15 * 60;

interface Step {
  phase: PhaseName;
  scene: string;
  info: string;
  expectedAction: string;
  receiver: string;
  sectionIds: string[];
}

const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];
const LATIN = ['I', 'II', 'III', 'IV'];
const CHINESE = ['一', '二', '三', '四'];
// “IV级” must not count as “V级”, nor “十一级” as “一级” (the same tokens as the plan checks use).
const levelToken = (n: number) => new RegExp(`(?:${ROMAN[n - 1]}|(?<![A-Z])${LATIN[n - 1]}(?![A-Z])|(?<![一二三四五六七八九十])${CHINESE[n - 1]})级`, 'i');

const PART_TITLES = {
  trigger: /启动条件|启动标准|响应条件|启动情形/,
  procedure: /启动程序|响应程序/,
  measures: /响应措施|处置措施|应对措施|应急措施|响应行动/,
} as const;
type Part = keyof typeof PART_TITLES;
const ALL_PART_TITLES = Object.values(PART_TITLES).map((r) => r.source).join('|');

/** The plan read as a tree, with placeholder values filled into its text. */
class Outline {
  readonly sections: readonly PlanSection[];
  private readonly fill: (key: string) => string | undefined;
  readonly response: { from: number; to: number } | null;
  levels: { n: number; index: number }[] = [];

  constructor(doc: PlanDocument) {
    this.sections = doc.sections;
    const values = new Map(doc.placeholders.filter((p) => p.value).map((p) => [p.key, p.value]));
    this.fill = (key) => values.get(key);
    let r = this.sections.findIndex((s) => s.lineage?.clauseId === 'response');
    if (r < 0) r = this.sections.findIndex((s) => s.kind === 'body' && s.level === 1 && /应急响应|应急处置/.test(plainTitle(s.title)));
    this.response = r < 0 ? null : { from: r, to: subtreeEnd(this.sections, r) };
    this.levels = [4, 3, 2, 1].flatMap((n) => {
      const index = this.findLevel(n);
      return index < 0 ? [] : [{ n, index }];
    });
  }

  text(i: number): string {
    return blocksText(this.sections[i]?.body ?? [], this.fill);
  }

  /** Text of a section and everything under it. */
  subtreeText(i: number): string {
    const parts: string[] = [];
    for (let j = i; j < subtreeEnd(this.sections, i); j++) parts.push(this.text(j));
    return parts.join('\n');
  }

  inResponse = (i: number) => !!this.response && i > this.response.from && i < this.response.to;
  private inLevel = (i: number) => this.levels.some((l) => i >= l.index && i < subtreeEnd(this.sections, l.index));

  /** A section by lineage, else the first body heading below chapter level whose title matches. */
  find(clauseId: string, title: RegExp, where: (i: number) => boolean = () => true): number {
    const byLineage = this.sections.findIndex((s) => s.lineage?.clauseId === clauseId);
    if (byLineage >= 0) return byLineage;
    return this.sections.findIndex((s, i) => s.kind === 'body' && s.level > 1 && title.test(plainTitle(s.title)) && !this.inLevel(i) && where(i));
  }

  private findLevel(n: number): number {
    const byLineage = this.sections.findIndex((s) => s.lineage?.clauseId === `response.level-${n}`);
    if (byLineage >= 0) return byLineage;
    const token = levelToken(n);
    return this.sections.findIndex((s, i) => {
      const t = plainTitle(s.title);
      // 预警 levels use the same numerals (四级预警): a bare “Ⅳ级” heading counts only inside 应急响应.
      return s.kind === 'body' && s.level > 1 && token.test(t) && !t.includes('预警') && (t.includes('响应') || this.inResponse(i));
    });
  }

  /** The trigger / procedure / measures child of a level, by lineage suffix or heading. */
  part(levelIndex: number, part: Part): number {
    for (let j = levelIndex + 1; j < subtreeEnd(this.sections, levelIndex); j++) {
      const s = this.sections[j]!;
      if (s.lineage?.clauseId.endsWith(`.${part}`) || PART_TITLES[part].test(plainTitle(s.title))) return j;
    }
    return -1;
  }

  /** Direct children of a section. */
  children(i: number): number[] {
    const level = this.sections[i]?.level ?? 0;
    const out: number[] = [];
    for (let j = i + 1; j < subtreeEnd(this.sections, i); j++) if (this.sections[j]!.level === level + 1) out.push(j);
    return out;
  }
}

/** A step drawn from one section: its text gives the expected action and, when plain, the receiver. */
function sectionStep(o: Outline, i: number, phase: PhaseName, scene: string, info: string): Step {
  const body = o.subtreeText(i);
  const section = o.sections[i]!;
  return {
    phase,
    scene,
    info,
    expectedAction: leadStatements(body, 3) || `按预案“${plainTitle(section.title)}”的规定处置。`,
    receiver: leadUnit(body) ?? DEFAULTS.receiver,
    sectionIds: [section.id],
  };
}

function levelStep(o: Outline, level: { n: number; index: number }, first: boolean): Step {
  const label = `${ROMAN[level.n - 1]}级`;
  const own = o.text(level.index);
  const links = new Set<number>();
  // A part is a child heading, or else a labelled paragraph in the level's own body (Word imports).
  const read = (part: Part): string => {
    const child = o.part(level.index, part);
    if (child >= 0) {
      links.add(child);
      return o.subtreeText(child);
    }
    const labelled = labelledText(own, PART_TITLES[part].source, ALL_PART_TITLES);
    if (labelled) links.add(level.index);
    return labelled;
  };
  const [trigger, procedure, measures] = [read('trigger'), read('procedure'), read('measures')];
  const condition = summary(trigger, 120);
  const action = [leadStatements(procedure, 1), leadStatements(measures, 3)].filter(Boolean).join('\n');
  if (!links.size) links.add(level.index);
  return {
    phase: first ? '响应启动' : '扩大响应',
    scene: first ? `${label}响应启动` : `升级为${label}响应`,
    info: condition ? `${first ? '事态发展' : '事态升级'}：${condition}` : `事态达到${label}响应启动条件。`,
    expectedAction: action || leadStatements(o.subtreeText(level.index), 3) || `按预案启动${label}响应。`,
    receiver: leadUnit(procedure) ?? leadUnit(measures) ?? leadUnit(own) ?? DEFAULTS.receiver,
    sectionIds: [...links].sort((a, b) => a - b).map((j) => o.sections[j]!.id),
  };
}

/** The response steps of a plan, in phase order and, within a phase, as the plan has them. */
function steps(o: Outline): Step[] {
  const out: Step[] = [];
  const add = (i: number, phase: PhaseName, scene: string, info: string) => i >= 0 && out.push(sectionStep(o, i, phase, scene, info));
  const inResponse = (i: number) => !o.response || o.inResponse(i);

  add(o.find('warning.release', /预警(?:信息)?(?:的)?发布|发布预警/), '预警', '预警发布', '监测会商显示风险上升，已达到预警发布条件。');
  add(o.find('warning.callback', /叫应/), '预警', '预警叫应', '临灾预警已发布，需逐级叫应责任人。');
  add(o.find('warning.measures', /预警(?:响应)?(?:措施|行动)|预警响应/), '预警', '预警响应', '预警信息已发布，需落实预警响应措施。');

  add(o.find('reporting.time', /报告时限|信息报告|报告程序/), '响应启动', '信息报告', '接到突发事件报告：事发地发生险情，现场情况正在核实。');
  const [lowest, ...higher] = o.levels;
  if (lowest) out.push(levelStep(o, lowest, true));

  add(o.find('response.initial', /先期处置/, inResponse), '处置', '先期处置', '事发地报告：事件已发生，需立即开展先期处置。');
  const onsite = o.find('response.onsite', /^现场处置|^应急处置措施|^处置措施$/, inResponse);
  const tasks = onsite >= 0 ? o.children(onsite) : [];
  for (const i of tasks.length ? tasks : [onsite]) {
    const title = plainTitle(o.sections[i]?.title ?? '');
    add(i, '处置', title, `现场指挥部报告：现场需要开展“${title}”工作。`);
  }
  add(o.find('response.publicity', /信息发布|舆论引导|新闻发布/, inResponse), '处置', '信息发布', '网络出现相关舆情，媒体来电询问事件情况。');

  for (const level of higher) out.push(levelStep(o, level, false));
  add(o.find('response.expand', /扩大响应|响应升级/, inResponse), '扩大响应', '扩大响应', '现有力量难以有效控制事态，需请求上级增援。');

  add(o.find('response.termination', /响应终止|应急结束|响应结束|终止响应/, inResponse), '响应结束', '响应终止', '现场报告：险情已消除，达到响应终止条件。');
  return out;
}

/**
 * T+ offsets for steps in order: whole minutes, one step apart within a phase and two between phases.
 * With an end time the last inject comes at least one step before it; a window too short for the
 * smallest step is refused with the end time that would do.
 */
export function spreadOffsets(phases: readonly string[], drill: DrillTiming | null): number[] {
  const units: number[] = [];
  phases.forEach((phase, k) => units.push(k === 0 ? 0 : units[k - 1]! + (phase === phases[k - 1] ? 1 : 2)));
  const window = drill ? windowSec(drill) : null;
  if (!units.length || window === null) return units.map((u) => u * STEP_SEC);
  // The units up to the last inject, and one more after it for the players to act on it.
  const span = units[units.length - 1]! + 1;
  const step = Math.min(MAX_STEP_SEC, Math.floor(window / span / 60) * 60);
  if (step < MIN_STEP_SEC) {
    const need = span * MIN_STEP_SEC;
    throw new AppError(
      'INVALID_INPUT',
      `演练时间 ${shortClock(drill!.startTime)}—${shortClock(drill!.endTime!)} 只有 ${Math.floor(window / 60)} 分钟，排不下从预案生成的 ${phases.length} 条注入` +
        `（每条至少间隔 ${MIN_STEP_SEC / 60} 分钟，阶段之间 ${(2 * MIN_STEP_SEC) / 60} 分钟，最后一条之后留出 ${MIN_STEP_SEC / 60} 分钟，共需 ${need / 60} 分钟）。` +
        `请在演练信息中把结束时间改到 ${clockAt(drill!.startTime, need)} 或更晚，再从预案生成。`,
    );
  }
  return units.map((u) => u * step);
}

/** The draft script; `drill` gives the window its injects are spread over (none: the usual ten-minute steps). */
export function generateScript(doc: PlanDocument, planId: string, newId: () => string, drill: DrillTiming | null = null): Script {
  const found = steps(new Outline(doc));
  const phases = PHASES.filter((name) => found.some((s) => s.phase === name)).map((name) => ({ id: newId(), name }));
  const phaseId = new Map(phases.map((p) => [p.name as PhaseName, p.id]));
  const ordered = PHASES.flatMap((name) => found.filter((s) => s.phase === name));
  const offsets = spreadOffsets(ordered.map((s) => s.phase), drill);
  const injects = ordered.map((s, k): Inject => {
    return {
      id: newId(),
      phaseId: phaseId.get(s.phase)!,
      time: { mode: 'relative', offsetSec: offsets[k]! },
      scene: shorten(s.scene, 200),
      info: shorten(s.info, 5000),
      sender: DEFAULTS.sender,
      receiver: shorten(s.receiver, 120),
      method: DEFAULTS.method,
      expectedAction: shorten(s.expectedAction, 5000),
      clauseLinks: s.sectionIds.map((sectionId) => ({ planId, sectionId })),
      controller: '',
      narration: '',
    };
  });
  return { phases, injects, roster: [] };
}
