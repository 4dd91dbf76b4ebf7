// A municipal plan's .docx as a new template revision through the core: preview, the planner's review, saving, the
// merge it then offers, bad files, a new template, and how well matching finds the shipped revisions' own ids.
import fs from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core';
import { docxToTemplateRevision } from '../../electron/core/import/docx-to-template';
import { readDocx } from '../../electron/core/import/read-docx';
import { parseTemplate } from '../../electron/core/templates/parse-template';
import type { PlanDetail, PlanSummary } from '../../electron/shared/schemas/plan';
import type { MergeProposal } from '../../electron/shared/schemas/revision';
import type { TemplateRevision } from '../../electron/shared/schemas/template';
import type { ImportProgress, TemplateDocxPreview, TemplateDocxSaved } from '../../electron/shared/schemas/template-import';
import { data, makeCore } from '../helpers/core';
import { forestFire2026Docx, municipalDocx, REVISION_2026, shippedTemplate, templateSections } from '../fixtures/municipal-docx';

const profile = { districtName: '小店区', governmentName: '太原市小店区人民政府', emergencyBureau: '太原市小店区应急管理局', departments: [] };
const b64 = (bytes: Buffer) => bytes.toString('base64');

async function preview(core: Core, bytes: Buffer, extra: Record<string, unknown> = {}): Promise<TemplateDocxPreview> {
  return data<TemplateDocxPreview>(core.call('template.import-docx-preview', { fileName: '市森林火灾应急预案.docx', dataBase64: b64(bytes), ...extra }));
}

/** Everything the library is made of: the listed revisions, the imported files, their records. */
async function library(core: Core): Promise<string> {
  const list = await data<{ templates: { id: string; revision: string }[] }>(core.call('template.list', {}));
  const dir = core.context.templates.importedDir!;
  const files = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : [];
  const rows = core.context.store.get().prepare('SELECT * FROM imported_templates').all();
  return JSON.stringify({ revisions: list.templates.map((t) => `${t.id}@${t.revision}`), files, rows });
}

const byTitle = (p: TemplateDocxPreview, title: string) => p.clauses.find((c) => c.title === title)!;

describe('template.import-docx-preview', () => {
  it('guesses the template, carries ids over by heading and by similarity, proposes new ids, lists removed clauses, writes nothing', async () => {
    const core = await makeCore();
    const before = await library(core);
    const r = REVISION_2026;
    const p = await preview(core, await forestFire2026Docx());

    expect(p).toMatchObject({ templateId: 'forest-fire', guessed: true, previousRevision: '2024', blocker: null });
    expect(p.meta).toMatchObject({ id: 'forest-fire', revision: '2026', supersedes: '2024', revisionYear: 2026, title: '市森林火灾应急预案', modelText: false });
    expect(byTitle(p, '事件分级')).toMatchObject({ clauseId: r.threshold.clauseId, matchedFrom: r.threshold.clauseId, by: 'id', changed: true });
    expect(byTitle(p, r.reworded.title)).toMatchObject({ clauseId: r.reworded.clauseId, matchedTitle: '预警发布、调整与解除', by: 'similarity', changed: true });
    expect(byTitle(p, r.reworded.title).score).toBeGreaterThan(0.9);
    expect(byTitle(p, r.rewritten.title)).toMatchObject({ clauseId: 'reporting.new-1', matchedFrom: null, by: 'new', score: null });
    expect(byTitle(p, r.added.title)).toMatchObject({ clauseId: 'support.new-1', by: 'new', excerpt: expect.stringContaining('无人机巡查力量') });
    expect(p.removed.map((c) => c.id)).toEqual([r.rewritten.clauseId, r.dropped]);

    // Every clause the city left alone keeps its id, in order, and reads as unchanged.
    const previous = shippedTemplate('forest-fire', '2024');
    const expectedIds = previous.clauses
      .filter((c) => c.id !== r.dropped)
      .flatMap((c) => (c.id === r.added.after ? [c.id, 'support.new-1'] : [c.id === r.rewritten.clauseId ? 'reporting.new-1' : c.id]));
    expect(p.clauses.map((c) => c.clauseId)).toEqual(expectedIds);
    const untouched = p.clauses.filter((c) => c.clauseId !== r.threshold.clauseId && c.clauseId !== r.reworded.clauseId && c.matchedFrom);
    expect(untouched.length).toBe(previous.clauses.length - 4);
    for (const c of untouched) expect(c, c.clauseId).toMatchObject({ by: 'id', changed: false, score: 1 });
    expect(p.previousClauses).toHaveLength(previous.clauses.length);
    expect(p.warnings.join('\n')).toContain('待填写占位符：区名');
    expect(await library(core)).toBe(before);
  });

  it('reports its steps as events for the page that asked', async () => {
    const core = await makeCore();
    const seen: ImportProgress[] = [];
    core.events.on('import.progress', (e) => seen.push(e));
    await preview(core, await forestFire2026Docx(), { progressId: 'imp-1' });
    expect(seen.map((e) => e.phase)).toEqual(['read', 'match']);
    expect(seen.every((e) => e.progressId === 'imp-1')).toBe(true);
    expect(seen[1]!.count).toBeGreaterThan(200);
  });

  it('shows what the planner’s decisions do: a chosen previous clause is released from the clause it was proposed for', async () => {
    const core = await makeCore();
    const bytes = await forestFire2026Docx();
    const first = await preview(core, bytes);
    const added = byTitle(first, REVISION_2026.added.title).index;
    const p = await preview(core, bytes, { templateId: 'forest-fire', decisions: [{ index: added, match: 'support.tech' }] });
    expect(p.clauses[added]).toMatchObject({ clauseId: 'support.tech', by: 'manual', matchedTitle: '技术保障' });
    expect(byTitle(p, '技术保障')).toMatchObject({ clauseId: 'support.new-1', by: 'new' });
  });
});

describe('template.import-docx-apply', () => {
  it('saves the reviewed revision as a template file, reloads the library, and offers the merge to plans from 2024', async () => {
    const core = await makeCore();
    await data(core.call('profile.save', profile));
    const plan = await data<PlanSummary>(core.call('plan.create', { templateId: 'forest-fire', revision: '2024' }));
    expect((await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).upstreamRevision).toBeNull();
    const bytes = await forestFire2026Docx();
    const r = REVISION_2026;
    const p = await preview(core, bytes);
    const rewritten = byTitle(p, r.rewritten.title).index;
    const reworded = byTitle(p, r.reworded.title).index;
    const input = { fileName: '市森林火灾应急预案（2026年修订）.docx', dataBase64: b64(bytes), templateId: 'forest-fire', revision: '2026', revisionYear: 2026, issuer: '市人民政府办公室' };

    const saved = await data<TemplateDocxSaved>(
      core.call('template.import-docx-apply', { ...input, decisions: [{ index: rewritten, match: r.rewritten.clauseId }, { index: reworded, match: null }] }),
    );
    expect(saved).toEqual({ id: 'forest-fire', revision: '2026', title: '市森林火灾应急预案', clauseCount: p.clauses.length, carried: p.clauses.length - 2, added: 2, removed: 2, affectedPlans: 1 });

    // The file is in the documented format, official text, superseding 2024, and reads back as what was reviewed.
    const file = path.join(core.context.templates.importedDir!, 'plans', 'forest-fire', '2026.md');
    const source = fs.readFileSync(file, 'utf8');
    expect(source).toMatch(/^---\nkind: plan-template\nid: forest-fire\nrevision: "2026"\nsupersedes: "2024"\n/);
    expect(source).toContain('modelText: false');
    expect(source).toContain(`## ${r.rewritten.title} {#${r.rewritten.clauseId}}`);
    const written = parseTemplate(source, 'plans/forest-fire/2026.md').template!;
    const listed = await data<TemplateRevision>(core.call('template.get', { id: 'forest-fire', revision: '2026' }));
    expect(listed.clauses).toEqual(written.clauses);
    expect(listed.file).toBe('imported/plans/forest-fire/2026.md');
    expect(listed.clauses.map((c) => c.title)).toEqual(p.clauses.map((c) => c.title));
    expect(listed.clauses[reworded]!.id).toBe('warning.new-1');
    expect(listed.clauses.find((c) => c.id === 'general.grading')!.body.map((b) => JSON.stringify(b)).join('')).toContain(r.threshold.to);
    expect(core.context.store.get().prepare('SELECT template_id, revision, file_name, source FROM imported_templates').all()).toEqual([{ template_id: 'forest-fire', revision: '2026', file_name: input.fileName, source: 'docx' }]);

    // The plan made from 2024 is now behind, and the merge works clause by clause on the carried ids.
    expect((await data<PlanDetail>(core.call('plan.get', { id: plan.id }))).upstreamRevision).toBe('2026');
    const merge = await data<MergeProposal>(core.call('plan.merge-preview', { id: plan.id, toRevision: '2026' }));
    expect(merge.upstream.filter((c) => !c.kinds.includes('same')).map((c) => [c.oldId ?? null, c.newId ?? null, c.kinds])).toEqual([
      ['general.grading', 'general.grading', ['reworded']],
      ['warning.release', 'warning.new-1', ['reworded']],
      [r.rewritten.clauseId, r.rewritten.clauseId, ['reworded']],
      [null, 'support.new-1', ['added']],
      [r.dropped, null, ['removed']],
    ]);
    expect(merge.items.map((i) => [i.clauseId, i.kind])).toEqual([
      ['general.grading', 'auto-updated'],
      ['warning.release', 'auto-updated'],
      [r.rewritten.clauseId, 'auto-updated'],
      [r.dropped, 'removed-upstream'],
      ['support.new-1', 'added-upstream'],
    ]);

    // The same revision again is refused and changes nothing.
    const before = await library(core);
    expect(await core.call('template.import-docx-apply', input)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('2026') } });
    expect(await library(core)).toBe(before);
  });

  it('refuses a review that uses one previous clause twice or names one that does not exist, and writes nothing', async () => {
    const core = await makeCore();
    const bytes = await forestFire2026Docx();
    const p = await preview(core, bytes);
    const before = await library(core);
    const base = { fileName: 'x.docx', dataBase64: b64(bytes), templateId: 'forest-fire' };
    const twice = await core.call('template.import-docx-apply', { ...base, decisions: [{ index: 0, match: 'general.purpose' }, { index: 1, match: 'general.purpose' }] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^原条款“编制目的”同时对应了“.+”和“.+”，每条原条款只能对应一条新条款。$/) } });
    const unknown = await core.call('template.import-docx-apply', { ...base, decisions: [{ index: 0, match: 'no.such-clause' }] });
    expect(unknown).toMatchObject({ ok: false, error: { message: '原修订版本中没有条款“no.such-clause”。' } });
    const outOfRange = await core.call('template.import-docx-apply', { ...base, decisions: [{ index: p.clauses.length, match: null }] });
    expect(outOfRange).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await library(core)).toBe(before);
  });

  it('refuses files that are not a .docx, encrypted, corrupt, empty or without headings, in Chinese, with the library unchanged', async () => {
    const core = await makeCore();
    const before = await library(core);
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const truncated = (await forestFire2026Docx()).subarray(0, 4000);
    const noHeadings = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('本预案适用于全市范围内的森林火灾应对工作。'), new Paragraph('各区应当参照执行。')] }] }));
    const cases: [string, Buffer, string][] = [
      ['text file', Buffer.from('这不是 Word 文档', 'utf8'), '文件不是 Word（.docx）文档，请在 Word/WPS 中另存为 .docx 格式后再导入。'],
      ['encrypted', Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(2048)]), '文档已加密，请在 Word/WPS 中取消密码后再导入。'],
      ['zip that is not Word', await zip.generateAsync({ type: 'nodebuffer' }), '文件不是 Word（.docx）文档，请在 Word/WPS 中另存为 .docx 格式后再导入。'],
      ['truncated', truncated, '文件已损坏或不完整，无法读取。请确认文件已完整下载或复制，或在 Word/WPS 中打开修复并另存为 .docx 后再导入。'],
      ['empty', await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })), '文档是空的。'],
      ['no headings', noHeadings, '文档中没有识别出章节标题（如“一、总则”或标题样式），无法作为模板导入。'],
    ];
    for (const [label, bytes, message] of cases) {
      const input = { fileName: `${label}.docx`, dataBase64: b64(bytes), templateId: 'forest-fire', issuer: '市人民政府办公室' };
      expect(await core.call('template.import-docx-apply', input), label).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } });
      if (label !== 'no headings') expect(await core.call('template.import-docx-preview', input), label).toMatchObject({ ok: false, error: { message } });
    }
    expect(await library(core)).toBe(before);
  });

  it('makes a new template from a plan that revises none: its own id, every clause new, the issuer asked for', async () => {
    const core = await makeCore();
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.TITLE, text: '市城市供水突发事件应急预案' }),
              new Paragraph({ heading: HeadingLevel.HEADING_1, text: '总则' }),
              new Paragraph({ heading: HeadingLevel.HEADING_2, text: '适用范围' }),
              new Paragraph('本预案适用于全市城市公共供水突发事件的应对工作。'),
              new Paragraph({ heading: HeadingLevel.HEADING_1, text: '应急响应' }),
              new Paragraph('- 供水中断超过24小时的，启动Ⅲ级响应。'),
            ],
          },
        ],
      }),
    );
    const p = await preview(core, bytes, { revisionYear: 2025 });
    expect(p).toMatchObject({ templateId: null, guessed: true, previousRevision: null, previousClauses: [], removed: [], blocker: '请填写发布机关。' });
    expect(p.meta).toMatchObject({ id: 'imported-1', revision: '2025', supersedes: null, hazard: '城市供水突发事件', category: '事故灾难', districtTitle: '{{区名}}城市供水突发事件应急预案', modelText: false });
    expect(p.clauses.map((c) => [c.clauseId, c.by])).toEqual([
      ['new-1', 'new'],
      ['new-1.new-1', 'new'],
      ['new-2', 'new'],
    ]);
    expect(await core.call('template.import-docx-apply', { fileName: 'w.docx', dataBase64: b64(bytes), templateId: null, revisionYear: 2025 })).toMatchObject({ ok: false, error: { message: '请填写发布机关。' } });
    const saved = await data<TemplateDocxSaved>(core.call('template.import-docx-apply', { fileName: 'w.docx', dataBase64: b64(bytes), templateId: null, revisionYear: 2025, issuer: '市人民政府' }));
    expect(saved).toMatchObject({ id: 'imported-1', revision: '2025', added: 3, carried: 0, affectedPlans: 0 });
    const t = await data<TemplateRevision>(core.call('template.get', { id: 'imported-1', revision: '2025' }));
    expect(t.placeholders).toEqual([{ key: '区名', label: '区名', profile: 'districtName' }]);
    // A paragraph that starts like a list item is still a paragraph after the text round trip.
    expect(t.clauses[2]!.body).toMatchObject([{ type: 'paragraph', children: [{ text: '- 供水中断超过24小时的，启动Ⅲ级响应。' }] }]);
    const plan = await data<PlanSummary>(core.call('plan.create', { templateId: 'imported-1', revision: '2025' }));
    expect(plan.title).toContain('城市供水突发事件应急预案');
  });
});

describe('template.import (text file)', () => {
  it('refuses a revision label that would write outside the template folder', async () => {
    const core = await makeCore();
    const before = await library(core);
    const src = fs.readFileSync(path.join(core.context.templatesDir, 'plans', 'earthquake', '2022.md'), 'utf8');
    const escaping = src.replace('revision: "2022"', 'revision: "../../escaped"').replace(/supersedes:.*\n/, '');
    expect(await core.call('template.import', { fileName: 'x.md', content: escaping })).toMatchObject({ ok: false, error: { code: 'TEMPLATE_INVALID' } });
    expect(fs.existsSync(path.join(core.context.templates.importedDir!, 'escaped.md'))).toBe(false);
    expect(await library(core)).toBe(before);
  });
});

describe('matching against the shipped revisions (their ids are the truth)', () => {
  for (const [id, from, to] of [
    ['forest-fire', '2019', '2024'],
    ['flood-drought', '2020', '2025'],
  ] as const) {
    it(`finds the ids of ${id} ${to} from its Word export against ${from}`, async () => {
      const previous = shippedTemplate(id, from);
      const next = shippedTemplate(id, to);
      const body = await readDocx(await municipalDocx(next.meta.title, templateSections(next)));
      const started = performance.now();
      const { matches } = docxToTemplateRevision(body, { previous, meta: {} });
      const ms = performance.now() - started;
      const known = new Set(previous.clauses.map((c) => c.id));
      const right = matches.filter((m, i) => (known.has(next.clauses[i]!.id) ? m.clauseId === next.clauses[i]!.id : m.matchedFrom === null));
      const wrong = matches.filter((m, i) => m.matchedFrom !== null && m.matchedFrom !== next.clauses[i]!.id);
      console.log(`[import-template-docx] ${id} ${from}→${to}: ${right.length}/${matches.length} ids right, ${wrong.length} carried to the wrong clause, ${ms.toFixed(0)} ms`);
      expect(matches).toHaveLength(next.clauses.length);
      // A wrong carry-over would merge the district's text into the wrong clause; a miss only asks the planner to re-match.
      expect(wrong).toEqual([]);
      expect(right.length).toBeGreaterThanOrEqual(matches.length - 2);
    });
  }
});
