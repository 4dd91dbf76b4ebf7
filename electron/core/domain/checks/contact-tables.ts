// Rule: a contact table with blank or “（待填）” cells is useless the night it is needed.
import { inlineText, type PlanSection, type TableJSON, type TableRowJSON } from '../../../shared/doc-model';
import type { CheckFinding } from '../../../shared/schemas/checks';

const CONTACT_HEADER = /联系人|电话|手机|联系方式/;
// Blank, the templates' （待填）, an ellipsis, or a run of ×/X as Word drafts use for “fill in later”.
export const UNFILLED = /^(?:|[（(]?待填[）)]?|[…．.。·]+|[×xX]{2,})$/;

// A placeholder chip in a cell is as unfilled as a blank (the placeholder rule names its key).
export const cellText = (row: TableRowJSON, i: number) =>
  (row.children[i]?.children ?? [])
    .map((p) => inlineText(p.children, () => ''))
    .join('')
    .replace(/\s+/g, '');

const rowText = (row: TableRowJSON) => row.children.map((_, i) => cellText(row, i)).join(' ');

/** Index of the header row: the first row, or the second under a merged caption row (common in Word). */
export function headerRow(t: TableJSON): number {
  return t.children.slice(0, 2).findIndex((row) => CONTACT_HEADER.test(rowText(row)));
}

function unfilledCells(rows: TableRowJSON[]): { cells: number; rows: number } {
  let cells = 0;
  let rowCount = 0;
  for (const row of rows) {
    const empty = row.children.filter((_, i) => UNFILLED.test(cellText(row, i))).length;
    cells += empty;
    if (empty) rowCount++;
  }
  return { cells, rows: rowCount };
}

export function checkContactTables(sections: readonly PlanSection[]): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const s of sections) {
    for (const block of s.body) {
      if (block.type !== 'table') continue;
      const header = headerRow(block);
      if (header < 0) continue;
      const { cells, rows } = unfilledCells(block.children.slice(header + 1));
      if (!cells) continue;
      findings.push({
        code: 'contact-table-incomplete',
        severity: 'warning',
        message: `联系表中有${cells}个单元格未填写（空白或“（待填）”），请补全联系人和联系电话，并删除不用的空行。`,
        sectionId: s.id,
        detail: `${cells}个未填单元格，涉及${rows}行`,
      });
    }
  }
  return findings;
}
