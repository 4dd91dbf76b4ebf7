// The upstream merge on real templates, and its properties under random district and municipal edits.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksText, paragraph, text, type PlanDocument } from '../../electron/shared/doc-model';
import type { TemplateRevision } from '../../electron/shared/schemas/template';
import { createPlanFromTemplate } from '../../electron/core/domain/plans/create-plan';
import { moveSection } from '../../electron/core/domain/plans/move-section';
import { asPlanReads, fillBlocks } from '../../electron/core/domain/plans/placeholders';
import { distinctLabels, mergeNote, summarise } from '../../electron/core/domain/revisions/merge-note';
import { applyMerge, proposeMerge, unresolved } from '../../electron/core/domain/revisions/three-way-merge';
import { compareRevisions } from '../../electron/core/domain/revisions/upstream-diff';
import { findTemplate, loadTemplates } from '../../electron/core/templates/load-templates';

const { templates } = loadTemplates(path.resolve(import.meta.dirname, '..', '..', 'templates'));
const old2019 = findTemplate(templates, 'forest-fire', '2019')!;
const new2024 = findTemplate(templates, 'forest-fire', '2024')!;
const profile = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [] };

function counter(prefix = 's') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

function planFrom(t: TemplateRevision): PlanDocument {
  return createPlanFromTemplate(t, profile, 'decimal', counter()).doc;
}

const strip = (d: PlanDocument) => d.sections.map((s) => ({ id: s.id, level: s.level, title: s.title, text: blocksText(s.body) }));

/** The district edits some sections: appends a sentence. */
function districtEdit(doc: PlanDocument, indices: number[]): PlanDocument {
  const set = new Set(indices.map((i) => i % doc.sections.length));
  return { ...doc, sections: doc.sections.map((s, i) => (set.has(i) ? { ...s, body: [...s.body, paragraph([text(`本区补充规定${i}。`)])] } : s)) };
}

/** The city rewords, removes and adds clauses, as a new revision of the same template. */
function upstreamEdit(t: TemplateRevision, reword: number[], remove: number[], add: number[]): TemplateRevision {
  const n = t.clauses.length;
  const rewordSet = new Set(reword.map((i) => i % n));
  // Never remove level-1 chapters: their children would change chapter.
  const removeSet = new Set(remove.map((i) => i % n).filter((i) => t.clauses[i]!.level > 1 && !rewordSet.has(i)));
  const clauses = t.clauses.flatMap((c, i) => {
    if (removeSet.has(i)) return [];
    const kept = rewordSet.has(i) ? { ...c, body: [...c.body, paragraph([text(`市级新增要求${i}。`)])] } : c;
    const extra = add.map((a) => a % n).includes(i) && c.level > 1 ? [{ ...c, id: `${c.id}.new-${i}`, title: `新增条款${i}`, body: [paragraph([text(`新增条款内容${i}，与原有内容完全不同的要求。`)])] }] : [];
    return [kept, ...extra];
  });
  return { ...t, meta: { ...t.meta, revision: `${t.meta.revision}-next`, supersedes: t.meta.revision }, clauses };
}

describe('upstream changes between the shipped forest-fire revisions', () => {
  const changes = compareRevisions(old2019, new2024);
  it('finds added, removed, reworded and moved clauses', () => {
    const kinds = (k: string) => changes.filter((c) => c.kinds.includes(k as never));
    expect(kinds('added').map((c) => c.newId)).toEqual(expect.arrayContaining(['general.risk', 'warning.patrol', 'response.onsite.aviation']));
    expect(kinds('removed').map((c) => c.oldId)).toEqual(expect.arrayContaining(['support.weather', 'management.rewards']));
    expect(kinds('moved').map((c) => c.newId)).toContain('warning.fire-check');
    expect(kinds('reworded').length).toBeGreaterThan(20);
    expect(kinds('same').length).toBeGreaterThan(10);
    for (const c of kinds('reworded')) expect(c.diff!.some((p) => p.op !== 'same')).toBe(true);
  });

  it('reads both sides with the plan\'s names, an unfilled one as its label in 【】, never as {{区名}}', () => {
    const raw = JSON.stringify(changes.map((c) => c.diff));
    expect(raw).toContain('{{区名}}');
    const values = planFrom(old2019).placeholders.map((v) => (v.key === '牵头单位' ? { ...v, value: '' } : v));
    const read = compareRevisions(old2019, new2024, asPlanReads(values, new2024.placeholders));
    const texts = read.flatMap((c) => [c.oldTitle ?? '', c.newTitle ?? '', ...(c.diff ?? []).map((p) => p.text)]).join('\n');
    expect(texts).not.toContain('{{');
    expect(texts).toContain('小店区');
    expect(texts).toContain('【牵头单位（指挥部办公室所在单位）】');
    // A clause that only names the district reads the same on both sides.
    expect(read.map((c) => c.kinds)).toEqual(changes.map((c) => c.kinds));
  });

  it('pairs a clause whose id changed by text similarity', () => {
    const renamed = { ...new2024, clauses: new2024.clauses.map((c) => (c.id === 'general.purpose' ? { ...c, id: 'general.aim' } : c)) };
    const c = compareRevisions(old2019, renamed).find((x) => x.newId === 'general.aim')!;
    expect(c.oldId).toBe('general.purpose');
    expect(c.matchedBy).toBe('similarity');
  });
});

describe('merging forest-fire 2019 into 2024', () => {
  it('takes untouched clauses, flags conflicts, inserts new clauses in place and proposes removals', () => {
    const ours = districtEdit(planFrom(old2019), []);
    const edited = { ...ours, sections: ours.sections.map((s) => (s.lineage!.clauseId === 'reporting.time' ? { ...s, body: [paragraph([text('本区规定：事发后15分钟内电话报告。')])] } : s)) };
    const items = proposeMerge({ doc: edited, oldRev: old2019, newRev: new2024 });
    const conflict = items.find((i) => i.clauseId === 'reporting.time')!;
    expect(conflict.kind).toBe('conflict');
    expect(unresolved(items, [])).toEqual([conflict]);
    expect(items.filter((i) => i.kind === 'added-upstream').map((i) => i.clauseId)).toEqual(expect.arrayContaining(['general.risk', 'warning.patrol']));
    expect(items.filter((i) => i.kind === 'removed-upstream').map((i) => i.clauseId)).toEqual(expect.arrayContaining(['management.rewards']));
    expect(() => applyMerge({ doc: edited, oldRev: old2019, newRev: new2024 }, [], counter('n'))).toThrow();

    const resolutions = [{ key: conflict.key, choice: 'ours' as const }];
    const merged = applyMerge({ doc: edited, oldRev: old2019, newRev: new2024 }, resolutions, counter('n'));
    const byClause = new Map(merged.sections.map((s) => [s.lineage?.clauseId, s]));
    expect(blocksText(byClause.get('reporting.time')!.body)).toBe('本区规定：事发后15分钟内电话报告。');
    expect(byClause.has('management.rewards')).toBe(false);
    expect(merged.sections.every((s) => !s.lineage || s.lineage.revision === '2024')).toBe(true);
    // 风险分析 lands inside 总则, right where 2024 puts it.
    const risk = merged.sections.findIndex((s) => s.lineage?.clauseId === 'general.risk');
    const chapterStart = merged.sections.findIndex((s) => s.lineage?.clauseId === 'general');
    const nextChapter = merged.sections.findIndex((s, i) => i > chapterStart && s.level === 1);
    expect(risk).toBeGreaterThan(chapterStart);
    expect(risk).toBeLessThan(nextChapter);
    const note = mergeNote(new2024.meta.title, '2019', '2024', summarise({ doc: edited, oldRev: old2019, newRev: new2024 }, items, resolutions, merged));
    expect(note).toContain('2024年修订');
    expect(note).toContain('报告时限');
  });
});

describe('the 修订说明 a merge writes', () => {
  it('names a repeated title by the shortest tail of its path that is unique', () => {
    const outline = [
      { title: '应急响应', level: 1 },
      { title: 'Ⅱ级响应', level: 2 },
      { title: '启动条件', level: 3 },
      { title: 'Ⅰ级响应', level: 2 },
      { title: '启动条件', level: 3 },
      { title: '附则', level: 1 },
      { title: '附则', level: 2 },
    ];
    expect(distinctLabels(outline)).toEqual(['应急响应', 'Ⅱ级响应', 'Ⅱ级响应 › 启动条件', 'Ⅰ级响应', 'Ⅰ级响应 › 启动条件', '附则', '附则 › 附则']);
  });

  it('on a fresh forest-fire 2019 plan merged into 2024, says which level each clause is of and what moved where', () => {
    const input = { doc: planFrom(old2019), oldRev: old2019, newRev: new2024 };
    const items = proposeMerge(input);
    const merged = applyMerge(input, [], counter('n'));
    const note = mergeNote(new2024.meta.title, '2019', '2024', summarise(input, items, [], merged));
    const taken = note.split('\n').find((l) => l.startsWith('采用上位修改'))!;
    const names = taken.replace(/^[^：]*：/, '').replace(/。$/, '').split('、');
    expect(names).toContain('Ⅱ级响应 › 启动条件');
    expect(names).toContain('Ⅳ级响应 › 响应措施');
    expect(names).not.toContain('启动条件');
    expect(new Set(names).size).toBe(names.length);
    const moved = note.split('\n').find((l) => l.startsWith('调整位置'))!;
    expect(moved).toContain('火情核查（由“监测预警”移至“信息报告”）');
    expect(moved).toMatch(/保险与救助|火灾调查与评估/);
  });
});

describe('sections the city moved', () => {
  const order = (d: PlanDocument) => d.sections.map((s) => s.lineage?.clauseId ?? s.title);
  // Defaults everywhere; a conflict keeps the district's text.
  const mergeDefaults = (doc: PlanDocument) => {
    const items = proposeMerge({ doc, oldRev: old2019, newRev: new2024 });
    const ours = items.filter((i) => i.kind === 'conflict').map((i) => ({ key: i.key, choice: 'ours' as const }));
    return applyMerge({ doc, oldRev: old2019, newRev: new2024 }, ours, counter('n'));
  };

  it('move with their content to where 2024 puts them when the district left them in place', () => {
    const base = planFrom(old2019);
    const check = base.sections.find((s) => s.lineage!.clauseId === 'warning.fire-check')!;
    const ours = { ...base, sections: base.sections.map((s) => (s.id === check.id ? { ...s, body: [...s.body, paragraph([text('本区由林业站核查。')])] } : s)) };
    const merged = mergeDefaults(ours);
    const o = order(merged);
    expect(o.indexOf('warning.fire-check')).toBe(o.indexOf('reporting') + 1);
    expect(o.indexOf('aftermath.relief')).toBeLessThan(o.indexOf('aftermath.investigation'));
    expect(o.indexOf('aftermath.investigation')).toBe(o.indexOf('aftermath.reconstruction') - 1);
    const moved = merged.sections.find((s) => s.id === check.id)!;
    expect(blocksText(moved.body)).toContain('本区由林业站核查。');
    // Every clause of 2024 the plan holds is now in 2024's order.
    const newOrder = new2024.clauses.map((c) => c.id).filter((id) => o.includes(id));
    expect(o.filter((id) => newOrder.includes(id))).toEqual(newOrder);
  });

  it('stay where the district moved them', () => {
    const base = planFrom(old2019);
    const check = base.sections.find((s) => s.lineage!.clauseId === 'warning.fire-check')!;
    const measures = base.sections.find((s) => s.lineage!.clauseId === 'warning.measures')!;
    // The district put 火情核查 last in 监测预警.
    const ours = { ...base, sections: moveSection(base.sections, check.id, base.sections[base.sections.indexOf(measures) + 1]!.id) };
    const o = order(mergeDefaults(ours));
    expect(o.indexOf('warning.fire-check')).toBe(o.indexOf('warning.measures') + 1);
    expect(o.indexOf('warning.fire-check')).toBeLessThan(o.indexOf('reporting'));
    // The city's other move still arrives.
    expect(o.indexOf('aftermath.relief')).toBeLessThan(o.indexOf('aftermath.investigation'));
  });
});

describe('merge properties (random district and municipal edits)', () => {
  const base = planFrom(old2019);
  const idx = fc.array(fc.nat(500), { maxLength: 12 });
  const merge = (doc: PlanDocument, oldRev: TemplateRevision, newRev: TemplateRevision) => {
    const items = proposeMerge({ doc, oldRev, newRev });
    // Conflicts are settled by keeping the district text; everything else takes its default.
    const resolutions = items.filter((i) => i.kind === 'conflict').map((i) => ({ key: i.key, choice: 'ours' as const }));
    return applyMerge({ doc, oldRev, newRev }, resolutions, counter('m'));
  };

  it('a no-op upstream revision leaves the plan unchanged', () => {
    fc.assert(
      fc.property(idx, (edits) => {
        const ours = districtEdit(base, edits);
        const noop = { ...old2019, meta: { ...old2019.meta, revision: '2019b' } };
        expect(proposeMerge({ doc: ours, oldRev: old2019, newRev: noop })).toEqual([]);
        expect(strip(merge(ours, old2019, noop))).toEqual(strip(ours));
      }),
      { numRuns: 30 },
    );
  });

  it('district-only edits always survive and upstream-only edits always arrive', () => {
    fc.assert(
      fc.property(idx, idx, idx, idx, (edits, reword, remove, add) => {
        const ours = districtEdit(base, edits);
        const next = upstreamEdit(old2019, reword, remove, add);
        const merged = merge(ours, old2019, next);
        const mergedByClause = new Map(merged.sections.map((s) => [s.lineage?.clauseId, s]));
        const nextById = new Map(next.clauses.map((c) => [c.id, c]));
        ours.sections.forEach((s, i) => {
          const clauseId = base.sections[i]!.lineage!.clauseId;
          const districtChanged = s.body !== base.sections[i]!.body;
          const theirs = nextById.get(clauseId);
          const upstreamChanged = theirs !== undefined && theirs !== old2019.clauses.find((c) => c.id === clauseId);
          const got = mergedByClause.get(clauseId);
          if (districtChanged && !upstreamChanged && theirs) expect(blocksText(got!.body)).toBe(blocksText(s.body));
          if (!districtChanged && upstreamChanged) expect(blocksText(got!.body)).toBe(blocksText(fillBlocks(theirs.body, base.placeholders)));
        });
        for (const c of next.clauses) if (c.id.includes('.new-')) expect(mergedByClause.has(c.id)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('merging twice is the same as merging once', () => {
    fc.assert(
      fc.property(idx, idx, idx, idx, (edits, reword, remove, add) => {
        const next = upstreamEdit(old2019, reword, remove, add);
        const once = merge(districtEdit(base, edits), old2019, next);
        expect(proposeMerge({ doc: once, oldRev: next, newRev: next })).toEqual([]);
        expect(merge(once, next, next)).toEqual(once);
      }),
      { numRuns: 40 },
    );
  });
});
