// The 整改清单 (improvement ledger) as a Word file: title, the item table on landscape pages, 成文日期.
import type { Drill } from '../../shared/schemas/drill';
import type { ImprovementItem } from '../../shared/schemas/evaluation';
import { ITEM_STATUSES } from '../../shared/vocabulary';
import { dataTable, packDocument, pushRun, type Column, type PageRun } from './document-kit-docx';
import { formatChineseDate, signatureParagraphs, titleParagraph } from './official-parts-docx';

export interface ImprovementListExportInput {
  title: string;
  items: ImprovementItem[];
  /** The drills items came from: the description says which drill exposed the problem (dated by the item's drillHeldOn). */
  drillsById: Record<string, Pick<Drill, 'name'>>;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  issuer?: string;
}

export const IMPROVEMENT_COLUMNS: Column[] = [
  { header: '问题编号', chars: 6 },
  { header: '问题描述', chars: 13 },
  { header: '整改措施', chars: 13 },
  { header: '类别', chars: 4 },
  { header: '责任单位', chars: 8 },
  { header: '责任人', chars: 3.5 },
  { header: '完成时限', chars: 6 },
  // 待整改（已逾期）in two lines, not one character a line.
  { header: '状态', chars: 5 },
  { header: '是否修订预案', chars: 3.5 },
];

function itemRow(item: ImprovementItem, drillsById: ImprovementListExportInput['drillsById']): string[] {
  const drill = item.drillId ? drillsById[item.drillId] : undefined;
  // The source line lets a reader of the printed ledger go back to the drill's evaluation report.
  const source = drill ? `\n（来源：${item.drillHeldOn ? formatChineseDate(item.drillHeldOn) : ''}${drill.name}）` : '';
  const status = `${ITEM_STATUSES[item.status]}${item.overdue && item.status !== 'done' && item.status !== 'closed' ? '\n（已逾期）' : ''}`;
  const plan = item.needsPlanChange ? (item.request?.status === 'resolved' ? `是\n（已修订${item.request.resolvedVersionLabel ? `：${item.request.resolvedVersionLabel}` : ''}）` : '是') : '否';
  return [item.code, `${item.description}${source}`, item.measure || '—', item.category || '—', item.unit, item.owner || '—', formatChineseDate(item.deadline), status, plan];
}

export async function exportImprovementListDocx({ title, items, drillsById, date, issuer }: ImprovementListExportInput): Promise<Buffer> {
  const ordered = [...items].sort((a, b) => a.code.localeCompare(b.code, 'zh'));
  const runs: PageRun[] = [];
  // Nine columns: only a landscape page gives 问题描述 and 整改措施 room to read.
  pushRun(runs, 'landscape', titleParagraph(title), dataTable(IMPROVEMENT_COLUMNS, ordered.map((i) => itemRow(i, drillsById)), 'landscape', 'compact'), ...signatureParagraphs(issuer, date));
  return packDocument(runs, { title, ...(issuer ? { creator: issuer } : {}) });
}
