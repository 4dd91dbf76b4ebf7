// Core operations at two sizes: version compare, upstream merge, full-text search, timeline analysis, an autosave.
import fs from 'node:fs';
import { paragraph, text, type PlanDocument } from '../../electron/shared/doc-model';
import type { RunEvent, Script } from '../../electron/shared/schemas/drill';
import type { TemplateRevision } from '../../electron/shared/schemas/template';
import { createCore } from '../../electron/core/create-core';
import { insertPlan } from '../../electron/core/db/repos/plan-repo';
import { search } from '../../electron/core/db/repos/search-repo';
import { analyseTimeline } from '../../electron/core/domain/evaluation/timeline';
import { createPlanFromTemplate } from '../../electron/core/domain/plans/create-plan';
import { compareDocuments } from '../../electron/core/domain/revisions/compare-docs';
import { applyMerge, proposeMerge } from '../../electron/core/domain/revisions/three-way-merge';
import { freshDataDir } from '../e2e/fixtures';
import { generatePlan } from './generate-plan';
import { median, type Figures } from './report';

function time(runs: number, fn: () => void): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/** A revised copy: every 20th section reworded, two moved, three removed, three added. */
function revise(doc: PlanDocument): PlanDocument {
  const s = doc.sections.map((x, i) => (i % 20 === 5 ? { ...x, body: [...x.body, paragraph([text('根据演练评估意见补充本条款的具体要求。')])] } : x));
  const moved = s.splice(30, 2);
  s.splice(60, 0, ...moved);
  const kept = s.filter((x, i) => !(x.level > 2 && [100, 200, 300].includes(i)));
  kept.splice(50, 0, ...[1, 2, 3].map((k) => ({ id: `s-added${k}`, level: 3 as const, kind: 'body' as const, title: `新增条款${k}`, body: [paragraph([text('新增的具体要求。')])] })));
  return { ...doc, sections: kept };
}

function templateOf(doc: PlanDocument, revision: string): TemplateRevision {
  return {
    meta: { id: 'bench', revision, supersedes: null, title: '市基准预案', districtTitle: '区基准预案', issuer: '市政府', revisionYear: 2020, hazard: '综合', category: '自然灾害', modelText: true, leadDepartment: '区应急管理局' },
    placeholders: [],
    clauses: doc.sections.map((s, i) => ({ id: `c${i}`, level: s.level, kind: s.kind, title: s.title, body: s.body, line: i + 1 })),
    file: `plans/bench/${revision}.md`,
  };
}

function merge(clauses: number): number {
  const g = generatePlan({ chars: clauses * 200, headingsPerK: 5, tables: 4 });
  const sections = g.doc.sections.slice(0, clauses);
  const old = templateOf({ ...g.doc, sections }, '2020');
  const next: TemplateRevision = {
    ...old,
    meta: { ...old.meta, revision: '2024', supersedes: '2020' },
    clauses: old.clauses
      .filter((_, i) => i % 60 !== 7)
      .map((c, i) => (i % 10 === 3 ? { ...c, body: [...c.body, paragraph([text('上位新增要求。')])] } : c))
      .flatMap((c, i) => (i % 50 === 9 && c.level > 1 ? [c, { ...c, id: `${c.id}-new`, title: `新增${i}`, body: [paragraph([text('新条款。')])] }] : [c])),
  };
  let n = 0;
  const plan = createPlanFromTemplate(old, { districtName: '', governmentName: '', emergencyBureau: '', departments: [] }, 'decimal', () => `s-${++n}`).doc;
  const ours = { ...plan, sections: plan.sections.map((s, i) => (i % 10 === 3 || i % 13 === 0 ? { ...s, body: [...s.body, paragraph([text('本区补充。')])] } : s)) };
  return time(5, () => {
    const items = proposeMerge({ doc: ours, oldRev: old, newRev: next });
    const resolutions = items.filter((i) => i.kind === 'conflict').map((i) => ({ key: i.key, choice: 'ours' as const }));
    applyMerge({ doc: ours, oldRev: old, newRev: next }, resolutions, () => `m-${++n}`);
  });
}

async function searchPlans(count: number): Promise<number> {
  const dataDir = freshDataDir();
  const core = await createCore({ dataDir, templatesDir: 'templates', shell: 'browser', version: 'bench' });
  const db = core.context.store.get();
  for (let i = 0; i < count; i++) {
    const g = generatePlan({ chars: 10_000, tables: 3, seed: 1000 + i });
    insertPlan(db, { id: `p-bench${i}`, code: `B-${i}`, title: `基准预案${i}`, hazard: '综合', category: '自然灾害', leadUnit: '', templateId: null, templateRevision: null, doc: g.doc }, new Date());
  }
  const queries = ['应急管理局', '信息报告', '先期处置', '避难场所', '物资储备', '指挥部办公室', '汛', '演练'];
  const xs: number[] = [];
  for (let r = 0; r < 5; r++) for (const q of queries) {
    const t = performance.now();
    search(db, q, { includeVersions: false, includeArchived: false, limit: 50 });
    xs.push(performance.now() - t);
  }
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return median(xs);
}

/** One autosave as the editor sends it while typing: a section edited in place, in the middle of the plan. */
async function autosave(chars: number): Promise<number> {
  const dataDir = freshDataDir();
  const core = await createCore({ dataDir, templatesDir: 'templates', shell: 'browser', version: 'bench' });
  const { doc } = generatePlan({ chars });
  insertPlan(core.context.store.get(), { id: 'p-save', code: 'B-save', title: '基准预案', hazard: '综合', category: '自然灾害', leadUnit: '', templateId: null, templateRevision: null, doc }, new Date());
  const order = doc.sections.filter((s) => s.level === 1).map((s) => s.id);
  const at = doc.sections.findIndex((s, i) => i > doc.sections.length / 2 && s.level > 1);
  const chapterId = doc.sections.slice(0, at + 1).findLast((s) => s.level === 1)!.id;
  const target = doc.sections[at]!;
  const xs: number[] = [];
  for (let i = 0; i < 40; i++) {
    const section = { ...target, body: [...target.body, paragraph([text('补充的文字'.repeat(i + 1))])] };
    const t = performance.now();
    const r = await core.call('plan.save', { id: 'p-save', chapters: [], chapterOrder: order, sections: [{ chapterId, section }], cursorSectionId: target.id });
    xs.push(performance.now() - t);
    if (!r.ok) throw new Error(r.error.message);
  }
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return median(xs);
}

function timeline(events: number): number {
  const injects = Array.from({ length: 300 }, (_, i) => ({ id: `i${i}`, phaseId: 'p', time: { mode: 'relative' as const, offsetSec: i * 30 }, scene: `场景${i}`, info: '', sender: '', receiver: '区应急管理局', method: '电话', expectedAction: '处置', clauseLinks: [], controller: '', narration: '' }));
  const script: Script = { phases: [{ id: 'p', name: '处置' }], injects, roster: [] };
  const t0 = Date.parse('2026-03-10T01:00:00Z');
  const log: RunEvent[] = [{ id: 'e0', drillId: 'd', seq: 1, type: 'clock.start', at: new Date(t0).toISOString(), injectId: null, text: '', tags: [], actor: '', delaySec: null }];
  for (let k = 1; k < events; k++) {
    const type = k % 3 === 0 ? 'inject.delivered' : k % 3 === 1 ? 'action' : 'observation';
    log.push({ id: `e${k}`, drillId: 'd', seq: k + 1, type, at: new Date(t0 + k * 4000).toISOString(), injectId: `i${Math.floor(k / 7) % 300}`, text: '记录', tags: [], actor: '', delaySec: null });
  }
  return time(10, () => analyseTimeline(script, log, '2026-03-10', '09:00'));
}

export async function benchCoreOps(): Promise<Figures> {
  const g100 = generatePlan({ chars: 100_000 });
  const g25 = generatePlan({ chars: 25_000 });
  const r100 = revise(g100.doc);
  const r25 = revise(g25.doc);
  return {
    'compare.versions.25k': { value: time(10, () => compareDocuments(g25.doc, r25)), unit: 'ms', target: 200 },
    'compare.versions.100k': { value: time(10, () => compareDocuments(g100.doc, r100)), unit: 'ms', target: 200 },
    'merge.upstream.100-clauses': { value: merge(100), unit: 'ms', target: 500 },
    'merge.upstream.300-clauses': { value: merge(300), unit: 'ms', target: 500 },
    'search.median.100-plans': { value: await searchPlans(100), unit: 'ms', target: 50 },
    'search.median.300-plans': { value: await searchPlans(300), unit: 'ms', target: 50 },
    'timeline.analysis.500-events': { value: timeline(500), unit: 'ms', target: 100 },
    'timeline.analysis.2000-events': { value: timeline(2000), unit: 'ms', target: 100 },
    // The core's share of an autosave (the editor's share is editor.autosave): taken from the CPU the editor types on.
    'core.autosave.25k': { value: await autosave(25_000), unit: 'ms' },
    'core.autosave.100k': { value: await autosave(100_000), unit: 'ms' },
  };
}
