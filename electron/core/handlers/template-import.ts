// New template revisions from files: a template text file, or a municipal plan's .docx matched clause by clause and reviewed.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import type { TemplateMeta, TemplateRevision } from '../../shared/schemas/template';
import type { ImportPhase, TemplateDocxPreview, TemplateDocxSaved } from '../../shared/schemas/template-import';
import { localDate } from '../clock';
import { planIdsByTemplate } from '../db/repos/plan-repo';
import { buildOutline, PREAMBLE_TITLE } from '../import/docx-outline';
import { templateFromOutline, type ImportedTemplate } from '../import/docx-to-template';
import { categoryOf, cleanTitle, guessTemplate, guessYear, hazardOf } from '../import/guess-template';
import { readDocx } from '../import/read-docx';
import { parseTemplate } from '../templates/parse-template';
import { serialiseTemplate } from '../templates/serialise-template';
import type { HandlerContext, Handlers } from './types';

type DocxInput = ParsedInput<'template.import-docx-preview'>;

// The revision label becomes a file name: nothing that walks out of plans/<id>/.
// eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
const SAFE_LABEL = /^[^\\/:*?"<>|\u0000-\u001f.][^\\/:*?"<>|\u0000-\u001f]*$/;

/**
 * Writes a template file into the imported folder, records it and reloads the catalog. On any failure —
 * a bad file, a clash, a write error, a file the loader then refuses — nothing stays written.
 */
export function saveImportedTemplate(ctx: HandlerContext, content: string, fileName: string, source: 'file' | 'docx'): TemplateRevision {
  const { template, problems } = parseTemplate(content, fileName);
  if (!template) throw new AppError('TEMPLATE_INVALID', `模板文件“${fileName}”有误，未导入。`, problems.map((p) => p.message));
  const { id, revision, supersedes } = template.meta;
  if (!SAFE_LABEL.test(revision)) throw new AppError('TEMPLATE_INVALID', `修订版本“${revision}”含有不能用于文件名的字符，未导入。`);
  if (ctx.templates.find(id, revision)) throw new AppError('CONFLICT', `模板 ${id} 的修订版本“${revision}”已存在，未导入。`);
  if (supersedes && !ctx.templates.find(id, supersedes)) throw new AppError('TEMPLATE_INVALID', `该修订版本声明替代“${supersedes}”，但模板库中没有模板 ${id} 的该修订版本。`);
  const folder = path.join(ctx.templates.importedDir!, 'plans', id);
  const file = path.join(folder, `${revision}.md`);
  const db = ctx.store.get();
  const createdDir = fs.mkdirSync(folder, { recursive: true });
  const undo = () => {
    fs.rmSync(file, { force: true });
    if (createdDir) fs.rmSync(createdDir, { recursive: true, force: true });
  };
  try {
    db.transaction(() => {
      db.prepare('INSERT OR REPLACE INTO imported_templates (template_id, revision, file_name, source, imported_at) VALUES (?, ?, ?, ?, ?)').run(id, revision, fileName, source, ctx.clock.now().toISOString());
      fs.writeFileSync(`${file}.partial`, content);
      fs.renameSync(`${file}.partial`, file);
    })();
  } catch (e) {
    fs.rmSync(`${file}.partial`, { force: true });
    undo();
    throw e;
  }
  ctx.templates.reload();
  const loaded = ctx.templates.find(id, revision);
  if (!loaded) {
    // The loader checks files against each other too; what it refused is taken back out so the library is as it was.
    const refused = ctx.templates.all().problems.filter((p) => p.file.endsWith(`plans/${id}/${revision}.md`));
    db.prepare('DELETE FROM imported_templates WHERE template_id = ? AND revision = ?').run(id, revision);
    undo();
    ctx.templates.reload();
    throw new AppError('TEMPLATE_INVALID', `模板文件“${fileName}”未能载入，未导入。`, refused.map((p) => p.message));
  }
  ctx.events.emit('data.changed', { area: 'templates' });
  return loaded;
}

/** Lets the transport deliver a progress event before the next synchronous step (the core runs in one process). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function heads(ctx: HandlerContext): TemplateRevision[] {
  const ids = [...new Set(ctx.templates.all().templates.map((t) => t.meta.id))];
  return ids.flatMap((id) => ctx.templates.newest(id) ?? []);
}

function previousOf(ctx: HandlerContext, templateId: string | null, revision: string | undefined): TemplateRevision | undefined {
  if (templateId === null) return undefined;
  if (revision) return ctx.templates.get(templateId, revision);
  const newest = ctx.templates.newest(templateId);
  if (!newest) throw new AppError('NOT_FOUND', `模板库中没有模板“${templateId}”。`);
  return newest;
}

/** A fresh id for a template that revises nothing in the library. */
function newTemplateId(ctx: HandlerContext): string {
  const taken = new Set(ctx.templates.all().templates.map((t) => t.meta.id));
  let k = 1;
  while (taken.has(`imported-${k}`)) k++;
  return `imported-${k}`;
}

function metaFor(ctx: HandlerContext, input: DocxInput, documentTitle: string, previous: TemplateRevision | undefined): Partial<TemplateMeta> {
  const revisionYear = input.revisionYear ?? guessYear(documentTitle, ctx.clock.now().getFullYear());
  const title = input.title || cleanTitle(documentTitle) || previous?.meta.title || '未命名预案';
  const base = { title, revisionYear, revision: input.revision ?? String(revisionYear), issuer: input.issuer ?? previous?.meta.issuer ?? '', modelText: false };
  if (previous) return { ...base, id: previous.meta.id, supersedes: previous.meta.revision };
  const hazard = hazardOf(title);
  return { ...base, id: newTemplateId(ctx), supersedes: null, hazard, category: categoryOf(title), districtTitle: `{{区名}}${hazard}应急预案`, leadDepartment: '区应急管理局' };
}

/** Reads the file and matches it; the same input always gives the same revision, so apply re-runs what preview showed. */
async function importDocx(ctx: HandlerContext, input: DocxInput) {
  const progress = async (phase: ImportPhase, count?: number) => {
    if (!input.progressId) return;
    ctx.events.emit('import.progress', { progressId: input.progressId, phase, ...(count !== undefined ? { count } : {}) });
    await nextTurn();
  };
  await progress('read');
  const body = await readDocx(Buffer.from(input.dataBase64, 'base64'));
  await progress('match', body.items.length);
  const outline = buildOutline(body);
  const guessed = input.templateId === undefined;
  const templateId = input.templateId === undefined ? guessTemplate(outline.title, heads(ctx)) : input.templateId;
  const previous = previousOf(ctx, templateId, input.previousRevision);
  const decisions = input.decisions && new Map(input.decisions.map((d) => [d.index, d.match]));
  const imported = templateFromOutline(outline, { previous, meta: metaFor(ctx, input, outline.title, previous), decisions });
  return { imported, templateId, guessed, previous, progress };
}

/** Why saving would be refused, or null. */
function blockerOf(ctx: HandlerContext, { template }: ImportedTemplate): AppError | null {
  const { meta, clauses } = template;
  if (clauses.length === 1 && clauses[0]!.title === PREAMBLE_TITLE) return new AppError('INVALID_INPUT', '文档中没有识别出章节标题（如“一、总则”或标题样式），无法作为模板导入。');
  if (ctx.templates.find(meta.id, meta.revision)) return new AppError('CONFLICT', `《${meta.title}》已有“${meta.revision}”修订版本，请修改修订版本或修订年份。`);
  if (!meta.issuer.trim()) return new AppError('INVALID_INPUT', '请填写发布机关。');
  if (!meta.title.trim()) return new AppError('INVALID_INPUT', '请填写预案标题。');
  return null;
}

const withoutLines = (t: TemplateRevision) => t.clauses.map((c) => ({ ...c, line: 0 }));

export const templateImportHandlers: Handlers<'template.import' | 'template.import-docx-preview' | 'template.import-docx-apply'> = {
  'template.import': (input, ctx) => {
    const t = saveImportedTemplate(ctx, input.content, input.fileName, 'file');
    return { id: t.meta.id, revision: t.meta.revision, title: t.meta.title, clauseCount: t.clauses.length };
  },

  'template.import-docx-preview': async (input, ctx): Promise<TemplateDocxPreview> => {
    const { imported, templateId, guessed, previous } = await importDocx(ctx, input);
    return {
      templateId,
      guessed,
      previousRevision: previous?.meta.revision ?? null,
      meta: imported.template.meta,
      clauses: imported.matches.map((m, index) => ({ index, ...m })),
      previousClauses: (previous?.clauses ?? []).map(({ id, title, level, kind }) => ({ id, title, level, kind })),
      removed: imported.removed,
      warnings: imported.warnings,
      blocker: blockerOf(ctx, imported)?.message ?? null,
    };
  },

  'template.import-docx-apply': async (input, ctx): Promise<TemplateDocxSaved> => {
    const { imported, previous, progress } = await importDocx(ctx, input);
    const blocker = blockerOf(ctx, imported);
    if (blocker) throw blocker;
    const { template, matches, removed } = imported;
    await progress('write', template.clauses.length);
    const from = previous ? `，条款编号与 ${previous.meta.revision} 修订版对应` : '';
    const content = serialiseTemplate(template, `由 Word 文件“${input.fileName}”导入（${localDate(ctx.clock.now())}）${from}`);
    // What is written must be what the planner reviewed: a difference here is a bug, never saved quietly.
    const reread = parseTemplate(content, template.file).template;
    if (!reread || !isDeepStrictEqual(withoutLines(reread), withoutLines(template))) throw new AppError('INTERNAL', '模板文本转换前后不一致，未导入。');
    const saved = saveImportedTemplate(ctx, content, input.fileName, 'docx');
    const { id, revision } = saved.meta;
    const isNewest = ctx.templates.newest(id)?.meta.revision === revision;
    const affectedPlans = isNewest ? planIdsByTemplate(ctx.store.get()).filter((p) => p.template_id === id && p.template_revision !== revision).length : 0;
    return {
      id,
      revision,
      title: saved.meta.title,
      clauseCount: saved.clauses.length,
      carried: matches.filter((m) => m.matchedFrom !== null).length,
      added: matches.filter((m) => m.matchedFrom === null).length,
      removed: removed.length,
      affectedPlans,
    };
  },
};
