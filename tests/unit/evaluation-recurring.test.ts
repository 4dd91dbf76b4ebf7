// Recurring problems: similar wording, same unit with looser wording, shared plan clauses; other drills only; newest first.
import { describe, expect, it } from 'vitest';
import { findRecurring, type EarlierProblem, type ProblemRef } from '../../electron/core/domain/evaluation/recurring';
import { similarity } from '../../electron/core/domain/revisions/inline-diff';

const current: ProblemRef = {
  id: 'f-now',
  drillId: 'd2025',
  title: '信息报告不及时',
  detail: '区应急管理局接报后超过30分钟才向区政府报告，续报内容缺少伤亡人数。',
  unit: '区应急管理局',
  clauses: [{ planId: 'flood', sectionId: 'report' }],
};

function earlier(id: string, patch: Partial<EarlierProblem>): EarlierProblem {
  return { id, drillId: `d-${id}`, drillName: `演练${id}`, date: '2023-06-01', title: '', detail: '', unit: '', clauses: [], ...patch };
}

const ids = (list: ReturnType<typeof findRecurring>) => list.map((r) => r.findingId);

describe('findRecurring', () => {
  it('matches similar wording from another drill', () => {
    const e = earlier('a', { title: '信息报告不及时。', detail: '区应急管理局接报后超过40分钟才向区政府报告，续报缺少伤亡人数。', date: '2024-05-20', drillName: '2024年防汛演练' });
    expect(findRecurring(current, [e])).toEqual([{ findingId: 'a', drillId: 'd-a', drillName: '2024年防汛演练', date: '2024-05-20', title: '信息报告不及时。' }]);
  });

  it('needs the same unit for loosely similar wording', () => {
    // Similarity between 0.3 and 0.5: recurs only when the same unit is concerned.
    const loose = { title: '信息报告延迟', detail: '接报后向区政府报告超过规定时限，续报不完整。' };
    const strip = (t: string) => t.replace(/[\s\p{P}]+/gu, '');
    const score = similarity(strip(current.title + current.detail), strip(loose.title + loose.detail));
    expect(score).toBeGreaterThanOrEqual(0.3);
    expect(score).toBeLessThan(0.5);
    const sameUnit = earlier('same', { ...loose, unit: ' 区应急管理局 ' });
    const otherUnit = earlier('other', { ...loose, unit: '区水务局' });
    const noUnit = earlier('none', loose);
    expect(ids(findRecurring(current, [sameUnit, otherUnit, noUnit]))).toEqual(['same']);
    // An empty unit on both sides is not "the same unit".
    expect(findRecurring({ ...current, unit: '' }, [noUnit])).toEqual([]);
  });

  it('matches any shared plan clause whatever the wording', () => {
    const e = earlier('c', { title: '物资台账与实物不符', clauses: [{ planId: 'other', sectionId: 'x' }, { planId: 'flood', sectionId: 'report' }] });
    const samePlanOtherClause = earlier('d', { title: '物资台账与实物不符', clauses: [{ planId: 'flood', sectionId: 'supplies' }] });
    expect(ids(findRecurring(current, [e, samePlanOtherClause]))).toEqual(['c']);
  });

  it('ignores problems of the same drill and unrelated problems', () => {
    const sibling = earlier('s', { drillId: 'd2025', title: current.title, detail: current.detail });
    const unrelated = earlier('u', { title: '警戒区域未设置标志', detail: '现场未拉设警戒带，无关人员进入处置区域。', unit: '区应急管理局' });
    expect(findRecurring(current, [sibling, unrelated])).toEqual([]);
  });

  it('does not take two empty texts for the same problem', () => {
    const blank = { ...current, title: '', detail: '', unit: '', clauses: [] };
    expect(findRecurring(blank, [earlier('e', { title: ' ', detail: '' })])).toEqual([]);
  });

  it('lists matches newest first', () => {
    const same = { title: current.title, detail: current.detail };
    const list = [earlier('2022', { ...same, date: '2022-09-01' }), earlier('2024', { ...same, date: '2024-04-10' }), earlier('2023', { ...same, date: '2023-11-30' })];
    expect(ids(findRecurring(current, list))).toEqual(['2024', '2023', '2022']);
    expect(findRecurring(current, [])).toEqual([]);
  });
});
