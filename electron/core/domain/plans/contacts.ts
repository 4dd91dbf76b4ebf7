// Contact tables (成员单位通讯录 and the like) filled from the district's department list in 设置:
// a row whose unit names a department gets its contact, title and phone where the cell is still unfilled, and the
// plan's address book lists the departments no template row names (区水利局 where the template says 区水务局).
import { paragraph, text, type BlockJSON, type TableCellJSON, type TableJSON, type TableRowJSON } from '../../../shared/doc-model';
import type { Department } from '../../../shared/schemas/profile';
import { cellText, headerRow, UNFILLED } from '../checks/contact-tables';
import { unitKey } from './unit-names';

type Field = 'unit' | 'contact' | 'title' | 'phone' | 'mobile';

const COLUMNS: [Field, RegExp][] = [
  ['mobile', /手机/],
  ['phone', /电话|联系方式/],
  ['contact', /联系人|姓名/],
  ['title', /职务|职位/],
  ['unit', /单位|部门|名称/],
];

const MOBILE = /^1[3-9]\d{9}$/;

function valueOf(field: Field, d: Department): string {
  if (field === 'contact') return d.contact;
  if (field === 'title') return d.title;
  if (field === 'phone') return d.phone;
  if (field === 'mobile') return MOBILE.test(d.phone.replace(/[\s-]/g, '')) ? d.phone : '';
  return '';
}

function withText(cell: TableCellJSON, value: string): TableCellJSON {
  return { ...cell, children: [{ ...(cell.children[0] ?? paragraph([])), children: [text(value)] }] };
}

/** A section that is the plan's address book (成员单位通讯录, 联系表): it lists every department of 设置. */
export const ADDRESS_BOOK_TITLE = /通讯录|联系表|联络表/;

// A catch-all row (各街道办事处, 各乡镇) stays last: departments added from 设置 go above it.
const CATCH_ALL = /^各/;

/** A new row for `dept` shaped like the table's body rows: its unit, its contacts, （待填） where 设置 has none. */
function rowFor(t: TableJSON, h: number, fields: (Field | undefined)[], dept: Department): TableRowJSON {
  const model = [...t.children.slice(h + 1)].reverse().find((r) => r.children.length === fields.length && r.children.every((c) => c.colSpan === 1 && c.rowSpan === 1));
  const cells = model?.children ?? t.children[h]!.children.map((c) => ({ ...c, headerState: 0, colSpan: 1, rowSpan: 1 }));
  return {
    ...(model ?? t.children[h]!),
    children: cells.map((cell, i) => {
      const f = fields[i];
      return withText(cell, (f === 'unit' ? dept.name : f ? valueOf(f, dept) : '') || '（待填）');
    }),
  };
}

interface Columns {
  /** The header row's index. */
  h: number;
  fields: (Field | undefined)[];
  unitCol: number;
}

/** A contact table's columns: null for a table without a header row naming its units. */
function columnsOf(t: TableJSON): Columns | null {
  const h = headerRow(t);
  if (h < 0) return null;
  const fields = t.children[h]!.children.map((_, i) => COLUMNS.find(([, re]) => re.test(cellText(t.children[h]!, i)))?.[0]);
  const unitCol = fields.indexOf('unit');
  return unitCol < 0 ? null : { h, fields, unitCol };
}

/** `t` with its rows' contacts filled, and a row added for each department of `listAlso` that no row names. */
function fillTable(t: TableJSON, { h, fields, unitCol }: Columns, byName: Map<string, Department>, listAlso: readonly Department[]): TableJSON {
  // Units match as unitKey says: 设置's 小店区应急管理局 is the table's 区应急管理局.
  const seen = new Set<string>();
  const rows = t.children.map((row, r) => {
    const name = r > h ? unitKey(cellText(row, unitCol)) : '';
    const dept = byName.get(name);
    if (!dept) return row;
    seen.add(name);
    const cells = row.children.map((cell, i) => {
      const f = fields[i];
      const value = f && f !== 'unit' ? valueOf(f, dept) : '';
      return value && UNFILLED.test(cellText(row, i)) ? withText(cell, value) : cell;
    });
    return { ...row, children: cells };
  });
  const added = listAlso.filter((d) => !seen.has(unitKey(d.name))).map((d) => rowFor(t, h, fields, d));
  if (!added.length) return { ...t, children: rows };
  let at = rows.length;
  while (at > h + 1 && CATCH_ALL.test(cellText(rows[at - 1]!, unitCol))) at--;
  return { ...t, children: [...rows.slice(0, at), ...added, ...rows.slice(at)] };
}

/**
 * The blocks with every contact table's known departments filled in; cells already written are kept. With
 * `listAll` (the plan's address book), the first contact table also gets a row for each department of 设置 that
 * no row names, so the address book lists every department 设置 holds.
 */
export function fillContactTables(blocks: BlockJSON[], departments: readonly Department[], listAll = false): BlockJSON[] {
  if (!departments.length) return blocks;
  const byName = new Map(departments.map((d) => [unitKey(d.name), d]));
  let toList = listAll;
  return blocks.map((b) => {
    const columns = b.type === 'table' ? columnsOf(b) : null;
    if (b.type !== 'table' || !columns) return b;
    // Only the first contact table lists the other departments: a second one does not repeat them.
    const filled = fillTable(b, columns, byName, toList ? departments : []);
    toList = false;
    return filled;
  });
}
