// Check locations name a clause so it can be found: official numbers and annex numbers repeat, so their chapter leads.
import { describe, expect, it } from 'vitest';
import { clausePaths } from '../../electron/shared/numbering';
import type { SectionKind, SectionLevel } from '../../electron/shared/doc-model';

const h = (id: string, level: SectionLevel, title: string, kind: SectionKind = 'body') => ({ id, level, title, kind });
const headings = [
  h('a', 1, '总则'),
  h('b', 2, '编制依据'),
  h('c', 1, '应急响应'),
  h('d', 2, '分级响应'),
  h('e', 3, 'Ⅰ级响应'),
  h('f', 1, '通讯录', 'annex'),
  h('g', 2, '区级'),
];

describe('clausePaths', () => {
  it('official: every heading below a chapter names its chapter and parents (（二） alone is in every chapter)', () => {
    expect([...clausePaths(headings, 'official').values()]).toEqual([
      '一、总则',
      '一、总则 （一）编制依据',
      '二、应急响应',
      '二、应急响应 （一）分级响应',
      '二、应急响应 （一）分级响应 1. Ⅰ级响应',
      '附件1 通讯录',
      '附件1 通讯录 （一）区级',
    ]);
  });

  it('decimal: the number says where by itself, except inside an annex, which numbers afresh', () => {
    expect([...clausePaths(headings, 'decimal').values()]).toEqual(['1 总则', '1.1 编制依据', '2 应急响应', '2.1 分级响应', '2.1.1 Ⅰ级响应', '附件1 通讯录', '附件1 通讯录 1 区级']);
  });
});
