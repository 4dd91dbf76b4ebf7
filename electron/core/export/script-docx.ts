// The 演练脚本 as a Word file: drill facts on a portrait page, the inject table on landscape pages, then the roster.
import { Paragraph } from 'docx';
import { formatOffset, pad } from '../../shared/drill-clock';
import { clockAt, shortClock } from '../../shared/drill-window';
import { formatDelay } from '../../shared/run-rules';
import type { Drill, Inject, RunEvent, Script } from '../../shared/schemas/drill';
import { drillFormText } from '../../shared/vocabulary';
import { bodyText, dataTable, factParagraph, packDocument, pushRun, type Column, type PageRun } from './document-kit-docx';
import { formatChineseDate, labelParagraph, titleParagraph } from './official-parts-docx';
import { analyseTimeline } from '../domain/evaluation/timeline';

export interface ScriptExportInput {
  drill: Drill;
  script: Script;
  /** The run log: when given, the time column shows when each inject was actually delivered. */
  eventsOrNull?: RunEvent[] | null;
  /** Each linked plan clause as people name it ("5.1 先期处置"), by section id: the 对应预案条款 column. */
  clauseLabels?: ReadonlyMap<string, string>;
}

/** domain.md §3.6, limited to what a Script holds; widths in 四号 characters, scaled to the landscape 版心. */
export const SCRIPT_COLUMNS: Column[] = [
  { header: '序号', chars: 2 },
  // 实际：9:00:40 and T+2:06:00 on one line each.
  { header: '时间', chars: 6.5 },
  { header: '阶段/场景', chars: 5 },
  { header: '情景信息', chars: 8 },
  { header: '发送方→接收方', chars: 6 },
  { header: '方式', chars: 2 },
  { header: '预期行动', chars: 11 },
  { header: '对应预案条款', chars: 5 },
  { header: '责任控制员', chars: 3 },
  { header: '解说词', chars: 6 },
];

export const ROSTER_COLUMNS: Column[] = [
  { header: '角色', chars: 5 },
  { header: '姓名', chars: 5 },
  { header: '单位', chars: 14 },
  { header: '联系方式', chars: 8 },
];


/** The time of day an inject is planned for: its own clock time, or the drill's start plus its offset. */
export function plannedClockTime(inject: Inject, start: string): string {
  return inject.time.mode === 'clock' ? shortClock(inject.time.clock) : clockAt(start, inject.time.offsetSec);
}

function plannedTime(inject: Inject, start: string): string {
  if (inject.time.mode === 'clock') return plannedClockTime(inject, start);
  return `${formatOffset(inject.time.offsetSec)}\n${plannedClockTime(inject, start)}`;
}

/**
 * What the run log says happened to each inject: the last delivery or skip wins (a retry after a skip is a delivery).
 * 延迟 or 提前 and by how much as the timeline analysis has them (the report's rule, one tolerance either way).
 */
function actualTimes(drill: Drill, script: Script, events: RunEvent[]): Map<string, string> {
  const off = new Map(analyseTimeline(script, events, drill.date, drill.startTime).injects.flatMap((t) => (t.status === 'late' || t.status === 'early' ? [[t.injectId, t] as const] : [])));
  const out = new Map<string, string>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (!e.injectId) continue;
    if (e.type === 'inject.skipped') out.set(e.injectId, '未发送');
    if (e.type === 'inject.delivered' || e.type === 'inject.late') {
      const at = new Date(e.at);
      const t = off.get(e.injectId);
      const by = t?.delayMs != null ? ` ${formatDelay(Math.abs(t.delayMs) / 1000)}` : '';
      out.set(e.injectId, `${at.getHours()}:${pad(at.getMinutes())}:${pad(at.getSeconds())}${t ? `\n（${t.status === 'early' ? '提前' : '延迟'}${by}）` : ''}`);
    }
  }
  return out;
}

/** 2025年6月18日 9:00—11:30 */
export function drillWhen(drill: Drill): string {
  return `${formatChineseDate(drill.date)} ${shortClock(drill.startTime)}${drill.endTime ? `—${shortClock(drill.endTime)}` : ''}`;
}

export function drillFacts(drill: Drill): Paragraph[] {
  const facts: [string, string][] = [
    ['演练名称', drill.name],
    ['演练时间', drillWhen(drill)],
    ['演练地点', drill.place || '—'],
    ['组织单位', drill.organizer || '—'],
    ['演练形式', drillFormText(drill)],
    ['参演单位', drill.participants.join('、') || '—'],
  ];
  const objectives = drill.objectives.filter((o) => o.trim());
  return [
    ...facts.map(([label, value]) => factParagraph(label, value)),
    ...(objectives.length ? [factParagraph('演练目标', ''), ...objectives.map((o, i) => bodyText(`${i + 1}.${o}`))] : []),
  ];
}

export async function exportScriptDocx({ drill, script, eventsOrNull, clauseLabels }: ScriptExportInput): Promise<Buffer> {
  const phaseName = new Map(script.phases.map((p) => [p.id, p.name]));
  const actual = eventsOrNull ? actualTimes(drill, script, eventsOrNull) : null;
  const rows = script.injects.map((inj, i) => {
    const planned = plannedTime(inj, drill.startTime);
    const time = actual ? `${planned}\n实际：${actual.get(inj.id) ?? '—'}` : planned;
    const phase = phaseName.get(inj.phaseId) ?? '';
    return [
      String(i + 1),
      time,
      [phase, inj.scene].filter(Boolean).join('\n'),
      inj.info,
      `${inj.sender || '—'}→${inj.receiver || '—'}`,
      inj.method,
      inj.expectedAction,
      inj.clauseLinks.map((l) => clauseLabels?.get(l.sectionId) ?? '').filter(Boolean).join('\n'),
      inj.controller,
      inj.narration,
    ];
  });

  const title = drill.name.endsWith('脚本') ? drill.name : `${drill.name}脚本`;
  const runs: PageRun[] = [];
  pushRun(runs, 'portrait', titleParagraph(title), ...drillFacts(drill));
  // The inject table is wider than any portrait page allows: GB/T 9704 横排表格 on landscape pages.
  pushRun(runs, 'landscape', labelParagraph('演练进程与情景'), dataTable(SCRIPT_COLUMNS, rows, 'landscape', 'compact'));
  if (script.roster.length) {
    const roster = script.roster.map((r) => [r.role, r.name, r.unit, r.contact]);
    pushRun(runs, 'portrait', labelParagraph('参演人员'), dataTable(ROSTER_COLUMNS, roster, 'portrait'));
  }
  return packDocument(runs, { title, ...(drill.organizer ? { creator: drill.organizer } : {}) });
}
