// The 工作方案's 进度安排: never a preparation date before the document date, whatever the drill's distance.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../electron/core/clock';
import { preparationSchedule, type ScheduleRow } from '../../electron/core/domain/drills/preparation-schedule';

const DRILL = { date: '2025-04-08', form: 'combined' as const, organizer: '太原市小店区应急管理局' };
const PREPARATION = ['成立演练组织机构，印发演练工作方案', '编制演练脚本、评估方案和安全保障方案', '召开协调会，落实参演队伍、物资装备和演练场地', '组织参演人员培训和预演', '检查演练场地、通信设备和安全措施'];
const AFTER: ScheduleRow[] = [
  { task: '组织实施演练，现场点评', date: '2025-04-08', who: '演练领导小组' },
  { task: '形成书面评估报告', date: '2025-04-15', who: '评估组' },
  { task: '完成演练总结报告，建立问题整改清单', date: '2025-04-23', who: '太原市小店区应急管理局' },
];
const preparation = (rows: ScheduleRow[]) => rows.slice(0, rows.length - AFTER.length);
const row = (date: string, ...tasks: number[]) => ({ date, task: tasks.map((k) => PREPARATION[k]).join('；') });

describe('preparationSchedule', () => {
  it('dates the usual steps back from the drill day when the document leaves a month or more', () => {
    const rows = preparationSchedule(DRILL, '2025-03-01');
    expect(rows.map((r) => [r.task, r.date])).toEqual([
      [PREPARATION[0], '2025-03-09'],
      [PREPARATION[1], '2025-03-19'],
      [PREPARATION[2], '2025-03-25'],
      [PREPARATION[3], '2025-04-01'],
      [PREPARATION[4], '2025-04-07'],
      ...AFTER.map((r) => [r.task, r.date]),
    ]);
    expect(preparationSchedule(DRILL, '2025-03-09')).toEqual(rows);
  });

  it('compresses the steps between the document date and the eve of a drill nine days off', () => {
    const rows = preparationSchedule(DRILL, '2025-03-30');
    expect(preparation(rows).map(({ date, task }) => ({ date, task }))).toEqual([
      row('2025-03-30', 0),
      row('2025-04-02', 1),
      row('2025-04-03', 2),
      row('2025-04-05', 3),
      row('2025-04-07', 4),
    ]);
    expect(rows.slice(-3)).toEqual(AFTER);
  });

  it('merges the steps that land on one day, naming each responsible unit once', () => {
    expect(preparation(preparationSchedule(DRILL, '2025-04-06'))).toEqual([
      { ...row('2025-04-06', 0, 1), who: '太原市小店区应急管理局、导演组' },
      { ...row('2025-04-07', 2, 3, 4), who: '导演组、各参演单位' },
    ]);
    // The eve, and the drill day itself, hold everything.
    expect(preparation(preparationSchedule(DRILL, '2025-04-07'))).toEqual([{ ...row('2025-04-07', 0, 1, 2, 3, 4), who: '太原市小店区应急管理局、导演组、各参演单位' }]);
    expect(preparationSchedule(DRILL, '2025-04-08').map((r) => r.date)).toEqual(['2025-04-08', '2025-04-08', '2025-04-15', '2025-04-23']);
  });

  it('never dates a step before the document or after the drill, keeps them in order and drops none, at any distance', () => {
    for (let lead = 0; lead <= 40; lead++) {
      const documentDate = addDays(DRILL.date, -lead);
      const rows = preparationSchedule(DRILL, documentDate);
      const prep = preparation(rows);
      const dates = prep.map((r) => r.date!);
      expect(dates.every((d) => d >= documentDate && d <= DRILL.date), `lead ${lead}`).toBe(true);
      expect([...dates].sort(), `lead ${lead}`).toEqual(dates);
      expect(new Set(dates).size, `lead ${lead}`).toBe(dates.length);
      expect(prep.flatMap((r) => r.task.split('；')), `lead ${lead}`).toEqual(PREPARATION);
      if (lead <= 30) expect(dates[0], `lead ${lead}`).toBe(documentDate);
      if (lead >= 1) expect(dates.at(-1), `lead ${lead}`).toBe(addDays(DRILL.date, -1));
      expect(rows.slice(-3)).toEqual(AFTER);
    }
  });

  it('leaves the preparation of a drill already past undated, and a tabletop drill trains on the script', () => {
    const rows = preparationSchedule({ ...DRILL, form: 'tabletop', organizer: '' }, '2025-05-06');
    expect(preparation(rows).map((r) => r.date)).toEqual([null, null, null, null, null]);
    expect(rows[3]!.task).toBe('组织参演人员熟悉演练脚本和桌面推演规则');
    expect(rows[0]!.who).toBe('演练组织单位');
    expect(rows.slice(-3).map((r) => r.date)).toEqual(AFTER.map((r) => r.date));
  });
});
