// Contact tables (成员单位通讯录 and the like) filled from the district's department list in 设置:
// a row whose unit names a department gets its contact, title and phone where the cell is still unfilled.
import { paragraph, text, type BlockJSON, type TableCellJSON, type TableJSON } from '../../../shared/doc-model';
import type { Department } from '../../../shared/schemas/profile';
import { cellText, headerRow, UNFILLED } from '../checks/contact-tables';

type Field = 'unit' | 'contact' | 'title' | 'phone' | 'mobile';

const COLUMNS: [Field, RegExp][] = [
  ['mobile', /手机/],
  ['phone', /电话|联系方式/],
  ['contact', /联系人|姓名/],
  ['title', /职务|职位/],
  ['unit', /单位|部门|名称/],
];

// Units match without spaces and without a leading place name: 设置 says 小店区应急管理局 where the
// template's table says 区应急管理局, and a city-level name may lead with 太原市.
const norm = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/^[^区市县]{0,8}?市/, '').replace(/^[^区县]{0,6}?[区县]/, '');
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

function fillTable(t: TableJSON, byName: Map<string, Department>): TableJSON {
  const h = headerRow(t);
  if (h < 0) return t;
  const fields = t.children[h]!.children.map((_, i) => COLUMNS.find(([, re]) => re.test(cellText(t.children[h]!, i)))?.[0]);
  const unitCol = fields.indexOf('unit');
  if (unitCol < 0) return t;
  const rows = t.children.map((row, r) => {
    const dept = r > h ? byName.get(norm(cellText(row, unitCol))) : undefined;
    if (!dept) return row;
    const cells = row.children.map((cell, i) => {
      const f = fields[i];
      const value = f && f !== 'unit' ? valueOf(f, dept) : '';
      return value && UNFILLED.test(cellText(row, i)) ? withText(cell, value) : cell;
    });
    return { ...row, children: cells };
  });
  return { ...t, children: rows };
}

/** The blocks with every contact table's known departments filled in; cells already written are kept. */
export function fillContactTables(blocks: BlockJSON[], departments: readonly Department[]): BlockJSON[] {
  if (!departments.length) return blocks;
  const byName = new Map(departments.map((d) => [norm(d.name), d]));
  return blocks.map((b) => (b.type === 'table' ? fillTable(b, byName) : b));
}
