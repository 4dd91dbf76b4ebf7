// The 年度演练计划 as a Word file: title, a short preamble, the programme table (landscape), 署名 and 成文日期.
import type { Drill } from '../../shared/schemas/drill';
import { DRILL_FORMS, DRILL_SCOPES } from '../../shared/vocabulary';
import { bodyText, dataTable, orientationFor, packDocument, pushRun, type Column, type PageRun } from './document-kit-docx';
import { formatChineseDate, signatureParagraphs, titleParagraph } from './official-parts-docx';

export interface ProgrammeExportInput {
  year: number;
  drills: Drill[];
  issuer: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  /** Titles of the plans drills test, by plan id; without one the drill's hazard stands in. */
  planTitles?: Record<string, string>;
}

export const PROGRAMME_COLUMNS: Column[] = [
  { header: '序号', chars: 2 },
  { header: '演练名称', chars: 10 },
  { header: '形式', chars: 4 },
  { header: '范围', chars: 2.5 },
  { header: '检验预案', chars: 10 },
  { header: '时间', chars: 6 },
  { header: '地点', chars: 7 },
  { header: '组织单位', chars: 8 },
  { header: '参演单位', chars: 12 },
];

function preamble(year: number, drills: Drill[]): string {
  const comprehensive = drills.filter((d) => d.scope === 'comprehensive').length;
  return (
    '为贯彻落实《中华人民共和国突发事件应对法》《突发事件应急预案管理办法》，检验应急预案的实用性和可操作性，' +
    `锻炼应急队伍，提高突发事件应急处置能力，结合本区实际，制定${year}年度应急演练计划。` +
    `全年计划组织应急演练${drills.length}次，其中综合演练${comprehensive}次，具体安排如下。`
  );
}

export async function exportProgrammeDocx({ year, drills, issuer, date, planTitles = {} }: ProgrammeExportInput): Promise<Buffer> {
  const ordered = [...drills].sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  const rows = ordered.map((d, i) => {
    const plans = d.planLinks.map((l) => planTitles[l.planId]).filter((t): t is string => Boolean(t));
    return [
      String(i + 1),
      d.name,
      DRILL_FORMS[d.form],
      DRILL_SCOPES[d.scope],
      plans.length ? plans.map((t) => `《${t}》`).join('\n') : d.hazard ? `${d.hazard}应急预案` : '—',
      formatChineseDate(d.date),
      d.place || '—',
      d.organizer || '—',
      d.participants.join('、') || '—',
    ];
  });
  const title = `${year}年度应急演练计划`;
  const orientation = orientationFor(PROGRAMME_COLUMNS.length);
  const runs: PageRun[] = [];
  // Title, preamble and table share the page: a programme reads as one sheet.
  pushRun(runs, orientation, titleParagraph(title), bodyText(preamble(year, ordered)), dataTable(PROGRAMME_COLUMNS, rows, orientation, 'compact'), ...signatureParagraphs(issuer, date));
  return packDocument(runs, { title, creator: issuer });
}
