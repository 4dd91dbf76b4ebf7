// The 修订记录's rule: the revisions it lists are numbered 1, 2, 3… whatever versions the app kept between them.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VersionInfo } from '../../electron/shared/schemas/revision';
import { isRevision, revisionRecord } from '../../electron/core/domain/revisions/revision-record';

function version(seq: number, kind: VersionInfo['kind'], note: string, internal = false, createdAt = `2026-03-0${seq}T09:00:00+08:00`, restoredFrom: number | null = null): VersionInfo {
  return { id: `v${seq}`, seq, kind, internal, note, author: '', status: 'draft', templateId: null, templateRevision: null, title: '小店区森林火灾应急预案', charCount: 0, createdAt, restoredFrom };
}

let tz: string | undefined;
beforeEach(() => {
  tz = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai'; // the bureau's clock; Node reads TZ again when it is set
});
afterEach(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('revisionRecord', () => {
  // V1 初稿, V2 the copy before a merge, V3 the merge, V4 a restore of V3, V5 the revision saved after it.
  const history = [
    version(1, 'manual', '初稿'),
    version(2, 'manual', '合并上位修订（2024）前的自动备份', true),
    version(3, 'merge', '依据市2024年示范文本修订'),
    version(4, 'restore', '恢复自 V3（依据市2024年示范文本修订）', false, undefined, 3),
    version(5, 'published', '发布'),
  ];

  it('numbers the revisions it lists 1, 2, 3…, oldest first, leaving out internal copies and restores', () => {
    const rows = revisionRecord([...history].reverse()); // the history lists newest first
    expect(rows.map((r) => [r.no, r.version, r.note])).toEqual([
      [1, 'V1', '初稿'],
      [2, 'V3', '依据市2024年示范文本修订'],
      [3, 'V5', '发布'],
    ]);
    expect(rows.map((r) => r.versionId)).toEqual(['v1', 'v3', 'v5']);
  });

  it('leaves out the revisions a restore undid: back to V1, the revision made in V2 is not in the text', () => {
    const undone = [version(1, 'manual', '初稿'), version(2, 'manual', '第二稿：改写编制目的'), version(3, 'restore', '恢复自 V1（初稿）', false, undefined, 1)];
    expect(revisionRecord(undone).map((r) => [r.no, r.version, r.note])).toEqual([[1, 'V1', '初稿']]);
    // A revision saved after the restore is listed after V1; the export of V2 itself still lists V2.
    expect(revisionRecord([...undone, version(4, 'manual', '第三稿')]).map((r) => r.version)).toEqual(['V1', 'V4']);
    expect(revisionRecord(undone, 2).map((r) => r.version)).toEqual(['V1', 'V2']);
    // A restore saved before the app recorded what it restored keeps the old rule: nothing is left out.
    expect(revisionRecord([...undone.slice(0, 2), version(3, 'restore', '恢复自 V1（初稿）')]).map((r) => r.version)).toEqual(['V1', 'V2']);
  });

  it('stops at the version being exported: an earlier version does not list what came after it', () => {
    expect(revisionRecord(history, 3).map((r) => [r.no, r.version])).toEqual([[1, 'V1'], [2, 'V3']]);
    expect(revisionRecord(history, 2).map((r) => [r.no, r.version])).toEqual([[1, 'V1']]);
  });

  it('dates each row by the local calendar: a version saved at 01:30 in Beijing is that day, not the day before in UTC', () => {
    const [row] = revisionRecord([version(1, 'manual', '初稿', false, '2026-03-07T17:30:00.000Z')]);
    expect(row!.date).toBe('2026-03-08');
  });

  it('counts without gaps whatever mix of versions the app kept', () => {
    const kinds = fc.record({ kind: fc.constantFrom<VersionInfo['kind']>('manual', 'published', 'merge', 'restore'), internal: fc.boolean() });
    fc.assert(
      fc.property(fc.array(kinds, { maxLength: 30 }), (made) => {
        const versions = made.map((m, i) => version(i + 1, m.kind, `第${i + 1}个版本`, m.internal, '2026-03-02T09:00:00+08:00'));
        const rows = revisionRecord(versions);
        expect(rows.map((r) => r.no)).toEqual(rows.map((_, i) => i + 1));
        expect(rows.map((r) => r.versionId)).toEqual(versions.filter(isRevision).map((v) => v.id));
      }),
    );
  });
});
