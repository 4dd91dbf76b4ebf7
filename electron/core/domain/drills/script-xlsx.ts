// The script's injects as a spreadsheet and back (coordinators draft scripts in Excel/WPS), with a per-row error report.
import ExcelJS from 'exceljs';
import { formatOffset, parseOffset } from '../../../shared/drill-clock';
import type { Inject, Script } from '../../../shared/schemas/drill';

/** The columns import reads, by title; the header row must carry these titles (extra columns are ignored). */
export const COLUMNS = ['序号', '阶段', '时间', '场景', '情景信息', '发送方', '接收方', '方式', '预期行动', '责任控制员', '解说词'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * The clauses each inject tests, named as the plan numbers them (as the Word script does). Export only: import
 * ignores it, since a label cannot say which plan's clause it was; the links stay as stored.
 */
export const CLAUSE_COLUMN = '对应预案条款';

/** Column order of the exported sheet: the Word script's, with the clauses after the expected action. */
const EXPORT_COLUMNS = [...COLUMNS.slice(0, COLUMNS.indexOf('预期行动') + 1), CLAUSE_COLUMN, ...COLUMNS.slice(COLUMNS.indexOf('预期行动') + 1)];
const WIDE = new Set<string>(['情景信息', '预期行动', '解说词']);

export interface RowError {
  row: number;
  message: string;
}

/** `clauseLabels`: section id -> "5.1 先期处置" for the plans the injects link to (a clause no longer in one names none). */
export async function scriptToXlsx(script: Script, title: string, clauseLabels: ReadonlyMap<string, string> = new Map()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('演练脚本', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c, key: c, width: WIDE.has(c) ? 40 : c === CLAUSE_COLUMN ? 24 : c === '序号' ? 6 : 14 }));
  const phase = new Map(script.phases.map((p) => [p.id, p.name]));
  script.injects.forEach((i, n) =>
    ws.addRow({
      序号: n + 1,
      阶段: phase.get(i.phaseId) ?? '',
      时间: i.time.mode === 'relative' ? formatOffset(i.time.offsetSec) : i.time.clock,
      场景: i.scene,
      情景信息: i.info,
      发送方: i.sender,
      接收方: i.receiver,
      方式: i.method,
      预期行动: i.expectedAction,
      [CLAUSE_COLUMN]: i.clauseLinks.map((l) => clauseLabels.get(l.sectionId) ?? '').filter(Boolean).join('\n'),
      责任控制员: i.controller,
      解说词: i.narration,
    }),
  );
  ws.getRow(1).font = { bold: true };
  ws.eachRow((r) => (r.alignment = { wrapText: true, vertical: 'top' }));
  wb.title = title;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** "T+05:30" (or "1:02:03") is drill time; a bare "HH:mm" is a clock time, as the export writes them. */
export function parseTime(t: string): Inject['time'] | null {
  const clock = /^([01]?\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/.exec(t);
  if (clock && !t.startsWith('T')) return { mode: 'clock', clock: `${clock[1]!.padStart(2, '0')}:${clock[2]}${clock[3] ?? ''}` };
  const sec = parseOffset(t);
  return sec === null ? null : { mode: 'relative', offsetSec: sec };
}

function cellText(v: ExcelJS.CellValue): string {
  // A time typed into Excel arrives as a fraction of a day.
  if (typeof v === 'number' && v > 0 && v < 1) {
    const m = Math.round(v * 24 * 60);
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  }
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
    if (v instanceof Date) return `${String(v.getUTCHours()).padStart(2, '0')}:${String(v.getUTCMinutes()).padStart(2, '0')}`;
  }
  return String(v).trim();
}

/**
 * Reads injects from the first sheet. Phases are matched by name (new names become new phases); existing
 * injects keep their ids and plan links when their 序号 and 场景 still match. Rows with errors are reported, not imported.
 */
export async function xlsxToScript(bytes: Buffer, current: Script, newId: () => string): Promise<{ script: Script; errors: RowError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { script: current, errors: [{ row: 0, message: '文件不是有效的 Excel（.xlsx）文件。' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { script: current, errors: [{ row: 0, message: '文件中没有工作表。' }] };
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
  const col = new Map<Column, number>();
  for (const c of COLUMNS) {
    const at = header.indexOf(c);
    if (at > 0) col.set(c, at);
  }
  const missing = (['阶段', '时间', '接收方', '预期行动'] as Column[]).filter((c) => !col.has(c));
  if (missing.length) return { script: current, errors: [{ row: 1, message: `表头缺少列：${missing.join('、')}（第一行应为：${COLUMNS.join('、')}）` }] };

  const phases = [...current.phases];
  const phaseId = (name: string) => {
    const found = phases.find((p) => p.name === name);
    if (found) return found.id;
    const p = { id: newId(), name };
    phases.push(p);
    return p.id;
  };
  const injects: Inject[] = [];
  const errors: RowError[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const get = (c: Column) => (col.has(c) ? cellText(row.getCell(col.get(c)!).value) : '');
    if (COLUMNS.every((c) => get(c) === '')) return;
    const problems: string[] = [];
    const phaseName = get('阶段');
    if (!phaseName) problems.push('“阶段”为空');
    const t = get('时间');
    const time = parseTime(t);
    if (!time) problems.push(`“时间”无法识别（${t || '空'}），应为 T+mm:ss 或 HH:mm`);
    if (problems.length) {
      errors.push({ row: n, message: problems.join('；') });
      return;
    }
    const scene = get('场景');
    const seq = Number(get('序号'));
    const prior = current.injects[seq - 1];
    injects.push({
      id: prior && prior.scene === scene ? prior.id : newId(),
      phaseId: phaseId(phaseName),
      time: time!,
      scene,
      info: get('情景信息'),
      sender: get('发送方'),
      receiver: get('接收方'),
      method: get('方式') || '电话',
      expectedAction: get('预期行动'),
      clauseLinks: prior && prior.scene === scene ? prior.clauseLinks : [],
      controller: get('责任控制员'),
      narration: get('解说词'),
    });
  });
  return { script: { ...current, phases, injects }, errors };
}
