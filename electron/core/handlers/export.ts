// Word export channels: documents leave as GB/T 9704 .docx bytes; the shell saves them.
import { localDate } from '../clock';
import { AppError } from '../../shared/errors';
import { normalDocNumber } from '../../shared/doc-number';
import { clauseLabels } from '../../shared/numbering';
import type Database from 'better-sqlite3';
import type { Script } from '../../shared/schemas/drill';
import * as drills from '../db/repos/drill-repo';
import { listItems } from '../db/repos/evaluation-repo';
import { getPlanDocument, getPlanRow, insertPlan, listPlanRows, nextPlanCode } from '../db/repos/plan-repo';
import { getProfile } from '../db/repos/profile-repo';
import { getVersion, listVersions } from '../db/repos/revision-repo';
import { newId } from '../domain/plans/ids';
import { compareDocuments } from '../domain/revisions/compare-docs';
import { revisionRecord } from '../domain/revisions/revision-record';
import { exportImprovementListDocx } from '../export/improvement-docx';
import { exportNoticeDocx } from '../export/notice-docx';
import { exportEvaluationReportDocx, reportTitle } from '../export/report-docx';
import { exportPlanDocx } from '../export/plan-docx';
import { exportProgrammeDocx } from '../export/programme-docx';
import { exportRevisionTableDocx } from '../export/revision-table-docx';
import { exportScriptDocx } from '../export/script-docx';
import { exportWorkPlanDocx, workPlanTitle } from '../export/workplan-docx';
import { docxToPlan } from '../import/docx-to-plan';
import { readDocx } from '../import/read-docx';
import { evaluationReport } from './evaluation';
import type { HandlerContext, Handlers } from './types';

/** File names default to the document title and date; characters Windows refuses are replaced. */
export function exportFileName(title: string, date: string, extension = 'docx'): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  return `${title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}_${date.replaceAll('-', '')}.${extension}`;
}

/**
 * The clauses a script's injects test, by section id, named as their plans now number them (a plan deleted
 * since names none): what the Word script and its Excel sheet print in 对应预案条款.
 */
export function scriptClauseLabels(db: Database.Database, script: Script): Map<string, string> {
  const plans = new Map(listPlanRows(db, true).map((p) => [p.id, p]));
  const labels = [...new Set(script.injects.flatMap((i) => i.clauseLinks.map((l) => l.planId)))].flatMap((planId) => {
    const row = plans.get(planId);
    if (!row) return [];
    const doc = getPlanDocument(db, row);
    return [...clauseLabels(doc.sections, doc.numbering)];
  });
  return new Map(labels);
}

function issuerOf(ctx: HandlerContext): string {
  const p = getProfile(ctx.store.get());
  return p.emergencyBureau || p.governmentName || '';
}

function docxFile(title: string, date: string, bytes: Buffer) {
  return { fileName: exportFileName(title, date), dataBase64: bytes.toString('base64') };
}

export const exportHandlers: Handlers<'plan.export-docx' | 'drill.export-script-docx' | 'drill.export-workplan-docx' | 'drill.export-programme-docx' | 'item.export-docx' | 'plan.export-revision-table' | 'plan.import-docx' | 'eval.export-report' | 'plan.export-notice'> = {
  'plan.export-docx': async (input, ctx) => {
    const db = ctx.store.get();
    const row = getPlanRow(db, input.id);
    const version = input.versionId ? getVersion(db, input.id, input.versionId) : null;
    const doc = version ? version.doc : getPlanDocument(db, row);
    const status = version ? version.info.status : row.status;
    const profile = getProfile(db);
    const date = row.published_date ?? localDate(ctx.clock.now());
    // An earlier version leaves with the revisions made by then, not with the ones that came after it.
    const record = input.revisionRecord === false ? [] : revisionRecord(listVersions(db, input.id), version?.info.seq);
    const bytes = await exportPlanDocx({
      title: version ? version.info.title : row.title,
      doc,
      status,
      issuer: profile.governmentName ? `${profile.governmentName}办公室` : undefined,
      date,
      revisionRecord: record,
      toc: input.toc ?? false,
    });
    return { fileName: exportFileName(row.title, date), dataBase64: bytes.toString('base64') };
  },

  'drill.export-script-docx': async (input, ctx) => {
    const db = ctx.store.get();
    const drill = drills.getDrill(db, input.id);
    const events = drills.listEvents(db, input.id);
    const script = drills.getScript(db, input.id);
    const bytes = await exportScriptDocx({ drill, script, eventsOrNull: events.length ? events : null, clauseLabels: scriptClauseLabels(db, script) });
    return docxFile(`${drill.name}脚本`, drill.date, bytes);
  },

  // The 演练工作方案: the drill and its script, with the plans it tests and the titles of the clauses it names.
  'drill.export-workplan-docx': async (input, ctx) => {
    const db = ctx.store.get();
    const drill = drills.getDrill(db, input.id);
    const rows = new Map(listPlanRows(db, true).map((p) => [p.id, p]));
    const plans = drill.planLinks.flatMap((link) => {
      const row = rows.get(link.planId);
      if (!row) return []; // a plan deleted since the drill was planned
      const wanted = new Set(link.sectionIds);
      return [{ title: row.title, clauses: getPlanDocument(db, row).sections.filter((s) => wanted.has(s.id)).map((s) => s.title) }];
    });
    const bytes = await exportWorkPlanDocx({ drill, script: drills.getScript(db, input.id), plans, issuer: drill.organizer || issuerOf(ctx), date: localDate(ctx.clock.now()) });
    return docxFile(workPlanTitle(drill.name), drill.date, bytes);
  },

  'drill.export-programme-docx': async (input, ctx) => {
    const db = ctx.store.get();
    const date = localDate(ctx.clock.now());
    const planTitles = Object.fromEntries(listPlanRows(db, true).map((p) => [p.id, p.title]));
    const bytes = await exportProgrammeDocx({ year: input.year, drills: drills.listDrills(db, input.year), issuer: issuerOf(ctx), date, planTitles });
    return docxFile(`${input.year}年度应急演练计划`, date, bytes);
  },

  'item.export-docx': async (input, ctx) => {
    const db = ctx.store.get();
    const date = localDate(ctx.clock.now());
    const items = listItems(db, date, input ?? {});
    const drillsById = Object.fromEntries(drills.listDrills(db).map((d) => [d.id, { name: d.name }]));
    const title = '应急演练问题整改清单';
    return docxFile(title, date, await exportImprovementListDocx({ title, items, drillsById, date, issuer: issuerOf(ctx) }));
  },

  'plan.export-revision-table': async (input, ctx) => {
    const db = ctx.store.get();
    const row = getPlanRow(db, input.id);
    const docOf = (ref: string) => (ref === 'draft' ? getPlanDocument(db, row) : getVersion(db, input.id, ref).doc);
    const labelOf = (ref: string) => (ref === 'draft' ? '修订稿' : `V${getVersion(db, input.id, ref).info.seq}`);
    const { changes } = compareDocuments(docOf(input.from), docOf(input.to));
    const bytes = await exportRevisionTableDocx({ planTitle: row.title, fromLabel: labelOf(input.from), toLabel: labelOf(input.to), changes });
    return docxFile(`${row.title}修订对照表`, localDate(ctx.clock.now()), bytes);
  },

  'eval.export-report': async (input, ctx) => {
    const report = evaluationReport(ctx, input.drillId);
    const date = localDate(ctx.clock.now());
    const bytes = await exportEvaluationReportDocx(report, { kind: input.kind, issuer: issuerOf(ctx), supervisor: getProfile(ctx.store.get()).emergencyBureau, date });
    return docxFile(reportTitle(report.drill.name, input.kind), date, bytes);
  },

  // The 印发通知 that issues a plan: 版头, 发文字号, red rule, 主送机关, body, 署名, 成文日期, 版记.
  'plan.export-notice': async (input, ctx) => {
    const db = ctx.store.get();
    const row = getPlanRow(db, input.id);
    const gov = getProfile(db).governmentName || '区人民政府';
    const office = `${gov}办公室`;
    const date = row.published_date ?? localDate(ctx.clock.now());
    const bytes = await exportNoticeDocx({
      issuerMark: `${office}文件`,
      docNumber: normalDocNumber(input.docNumber),
      title: `${office}关于印发${row.title}的通知`,
      recipients: input.recipients,
      body: input.body?.length ? input.body : [`经${gov}同意，现将《${row.title}》印发给你们，请认真贯彻执行。`],
      signer: office,
      date,
      copyTo: input.copyTo,
      printer: office,
      printDate: date,
      attachments: [row.title],
    });
    return docxFile(`关于印发${row.title}的通知`, date, bytes);
  },

  // An existing plan from Word becomes a new plan with no template lineage; a bad file changes nothing.
  'plan.import-docx': async (input, ctx) => {
    const db = ctx.store.get();
    const { title, doc, warnings } = docxToPlan(await readDocx(Buffer.from(input.dataBase64, 'base64')), () => newId('s'));
    if (doc.sections.length === 0) throw new AppError('INVALID_INPUT', '文档中没有识别出章节标题，未导入。');
    const id = newId('p');
    const name = title || input.fileName.replace(/\.docx$/i, '');
    insertPlan(db, { id, code: nextPlanCode(db, ctx.clock.now().getFullYear()), title: name, hazard: '', category: '', leadUnit: '', templateId: null, templateRevision: null, doc }, ctx.clock.now());
    ctx.events.emit('data.changed', { area: 'plans' });
    return { planId: id, title: name, sections: doc.sections.length, warnings };
  },
};
