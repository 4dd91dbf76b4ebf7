// The one IPC contract: every channel's input schema and result type, and every pushed event.
import { z } from 'zod';
import type { ChannelName, EventName } from './channels';
import { noInput } from './schemas/common';
import { backupNameSchema, openFileSchema, saveFileSchema, saveFilesSchema, type AppStatus, type BackupInfo, type OpenedFile } from './schemas/app';
import { profileSchema, type DistrictProfile } from './schemas/profile';
import type { CheckFinding } from './schemas/checks';
import {
  clauseExerciseSchema,
  evalConclusionSchema,
  evalCriteriaSchema,
  evalDeleteFormSchema,
  evalDrillSchema,
  evalFormSchema,
  findingDeleteSchema,
  findingSaveSchema,
  itemListSchema,
  itemSaveSchema,
  itemStatusSchema,
  requestListSchema,
  requestResolveSchema,
  type ClauseExercise,
  type CriteriaSet,
  type EvaluationReport,
  type Finding,
  type ImprovementItem,
  type RevisionRequest,
} from './schemas/evaluation';
import {
  complianceRulesSchema,
  complianceSchema,
  drillIdSchema,
  drillImportSchema,
  scriptImportXlsxSchema,
  type ScriptImport,
  drillInputSchema,
  drillListSchema,
  drillMoveSchema,
  drillStatusSchema,
  drillUpdateSchema,
  runEventInputSchema,
  runStateSchema,
  scriptGenerateSchema,
  scriptSaveSchema,
  type ComplianceReport,
  type ComplianceRule,
  type Drill,
  type DrillDetail,
  type ListedDrill,
  type RunState,
  type RunUpdate,
  type Script,
  type ScriptIssue,
} from './schemas/drill';
import type { HomeSummary } from './schemas/home';
import {
  fillPlaceholderSchema,
  planArchiveSchema,
  planCreateSchema,
  planIdSchema,
  planListSchema,
  planMetaSchema,
  moveSectionSchema,
  planExportSchema,
  planImportDocxSchema,
  noticeExportSchema,
  reportExportSchema,
  programmeExportSchema,
  revisionTableSchema,
  type ExportedFile,
  planSaveSchema,
  templateRefSchema,
  type PlanDetail,
  type PlanSummary,
} from './schemas/plan';
import type { TemplateProblem, TemplateRevision, TemplateSummary } from './schemas/template';
import { templateDocxImportSchema, type ImportProgress, type TemplateDocxPreview, type TemplateDocxSaved } from './schemas/template-import';
import {
  compareSchema,
  mergeApplySchema,
  mergePreviewSchema,
  saveVersionSchema,
  searchSchema,
  statusChangeSchema,
  templateImportSchema,
  upstreamSchema,
  versionRefSchema,
  type ClauseChange,
  type CompareResult,
  type MergeProposal,
  type PlanHistory,
  type SearchHit,
  type VersionDocument,
  type VersionInfo,
} from './schemas/revision';

export interface TemplateList {
  templates: TemplateSummary[];
  problems: TemplateProblem[];
}

const drillIdForPresenter = z.object({ drillId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict();

/** A phantom value that carries an output type through `typeof contract`. */
const out = <T>() => undefined as unknown as T;

export const contract = {
  'app.status': { input: noInput, output: out<AppStatus>() },
  'app.list-backups': { input: noInput, output: out<BackupInfo[]>() },
  'app.restore-backup': { input: backupNameSchema, output: out<AppStatus>() },
  'profile.get': { input: noInput, output: out<DistrictProfile>() },
  'profile.save': { input: profileSchema, output: out<DistrictProfile>() },
  'home.summary': { input: noInput, output: out<HomeSummary>() },
  'dialog.open-file': { input: openFileSchema, output: out<OpenedFile | null>() },
  'dialog.save-file': { input: saveFileSchema, output: out<{ path: string } | null>() },
  'app.open-presenter': { input: drillIdForPresenter, output: out<{ opened: true }>() },
  'dialog.save-files': { input: saveFilesSchema, output: out<{ folder: string; paths: string[] } | null>() },
  'template.list': { input: noInput, output: out<TemplateList>() },
  'template.get': { input: templateRefSchema, output: out<TemplateRevision>() },
  'template.reload': { input: noInput, output: out<TemplateList>() },
  'plan.list': { input: planListSchema, output: out<PlanSummary[]>() },
  'plan.create': { input: planCreateSchema, output: out<PlanSummary>() },
  'plan.get': { input: planIdSchema, output: out<PlanDetail>() },
  'plan.save': { input: planSaveSchema, output: out<PlanSummary>() },
  'plan.move-section': { input: moveSectionSchema, output: out<PlanDetail>() },
  'plan.update-meta': { input: planMetaSchema, output: out<PlanDetail>() },
  'plan.fill-placeholder': { input: fillPlaceholderSchema, output: out<PlanDetail>() },
  'plan.duplicate': { input: planIdSchema, output: out<PlanSummary>() },
  'plan.archive': { input: planArchiveSchema, output: out<PlanSummary>() },
  'plan.history': { input: planIdSchema, output: out<PlanHistory>() },
  'plan.save-version': { input: saveVersionSchema, output: out<VersionInfo>() },
  'plan.get-version': { input: versionRefSchema, output: out<VersionDocument>() },
  'plan.compare': { input: compareSchema, output: out<CompareResult>() },
  'plan.restore-version': { input: versionRefSchema, output: out<PlanDetail>() },
  'plan.set-status': { input: statusChangeSchema, output: out<PlanDetail>() },
  'template.compare': { input: upstreamSchema, output: out<ClauseChange[]>() },
  'plan.merge-preview': { input: mergePreviewSchema, output: out<MergeProposal>() },
  'plan.merge-apply': { input: mergeApplySchema, output: out<PlanDetail>() },
  'template.import': { input: templateImportSchema, output: out<{ id: string; revision: string; title: string; clauseCount: number }>() },
  'template.import-docx-preview': { input: templateDocxImportSchema, output: out<TemplateDocxPreview>() },
  'template.import-docx-apply': { input: templateDocxImportSchema, output: out<TemplateDocxSaved>() },
  'search.query': { input: searchSchema, output: out<SearchHit[]>() },
  'plan.checks': { input: planIdSchema, output: out<CheckFinding[]>() },
  'plan.export-docx': { input: planExportSchema, output: out<ExportedFile>() },
  'drill.export-script-docx': { input: drillIdSchema, output: out<ExportedFile>() },
  'drill.export-workplan-docx': { input: drillIdSchema, output: out<ExportedFile>() },
  'drill.export-programme-docx': { input: programmeExportSchema, output: out<ExportedFile>() },
  'item.export-docx': { input: itemListSchema, output: out<ExportedFile>() },
  'plan.export-revision-table': { input: revisionTableSchema, output: out<ExportedFile>() },
  'eval.export-report': { input: reportExportSchema, output: out<ExportedFile>() },
  'plan.export-notice': { input: noticeExportSchema, output: out<ExportedFile>() },
  'plan.import-docx': { input: planImportDocxSchema, output: out<{ planId: string; title: string; sections: number; warnings: string[] }>() },
  'drill.list': { input: drillListSchema, output: out<ListedDrill[]>() },
  'drill.create': { input: drillInputSchema, output: out<Drill>() },
  'drill.update': { input: drillUpdateSchema, output: out<Drill>() },
  'drill.get': { input: drillIdSchema, output: out<DrillDetail>() },
  'drill.set-status': { input: drillStatusSchema, output: out<Drill>() },
  'drill.move': { input: drillMoveSchema, output: out<Drill>() },
  'script.save': { input: scriptSaveSchema, output: out<{ script: Script; issues: ScriptIssue[]; saveSeq: number }>() },
  'script.generate': { input: scriptGenerateSchema, output: out<Script>() },
  'run.log': { input: runEventInputSchema, output: out<RunUpdate>() },
  'run.state': { input: runStateSchema, output: out<RunState>() },
  'compliance.get': { input: complianceSchema, output: out<ComplianceReport>() },
  'compliance.save-rules': { input: complianceRulesSchema, output: out<ComplianceRule[]>() },
  'compliance.reset-rules': { input: noInput, output: out<ComplianceRule[]>() },
  'drill.export-package': { input: drillIdSchema, output: out<ExportedFile>() },
  'script.export-xlsx': { input: drillIdSchema, output: out<ExportedFile>() },
  'script.import-xlsx': { input: scriptImportXlsxSchema, output: out<ScriptImport>() },
  'drill.import-package': { input: drillImportSchema, output: out<{ drill: Drill; droppedPlanLinks: number; events: number }>() },
  'eval.get': { input: evalDrillSchema, output: out<EvaluationReport>() },
  'eval.criteria-sets': { input: noInput, output: out<CriteriaSet[]>() },
  'eval.set-criteria': { input: evalCriteriaSchema, output: out<EvaluationReport>() },
  'eval.save-form': { input: evalFormSchema, output: out<EvaluationReport>() },
  'eval.delete-form': { input: evalDeleteFormSchema, output: out<EvaluationReport>() },
  'eval.set-conclusion': { input: evalConclusionSchema, output: out<EvaluationReport>() },
  /** A drill's findings, without eval.get's scores and timeline: the script marks the injects they cite. */
  'finding.list': { input: evalDrillSchema, output: out<Finding[]>() },
  'finding.save': { input: findingSaveSchema, output: out<Finding>() },
  'finding.delete': { input: findingDeleteSchema, output: out<null>() },
  'item.list': { input: itemListSchema, output: out<ImprovementItem[]>() },
  'item.save': { input: itemSaveSchema, output: out<ImprovementItem>() },
  'item.set-status': { input: itemStatusSchema, output: out<ImprovementItem>() },
  'request.list': { input: requestListSchema, output: out<RevisionRequest[]>() },
  'request.resolve': { input: requestResolveSchema, output: out<RevisionRequest>() },
  'plan.clause-exercise': { input: clauseExerciseSchema, output: out<ClauseExercise[]>() },
} satisfies Record<ChannelName, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
/** What a caller may pass. */
export type Input<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a handler receives after validation. */
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type Output<C extends ChannelName> = Contract[C]['output'];

export type MenuCommand = 'navigate:home' | 'navigate:settings' | 'export-document' | 'about';

export interface EventPayloads {
  'menu.command': { command: MenuCommand };
  'data.changed': { area: string };
  /** Steps of a long import, for the page that passed this progressId. */
  'import.progress': ImportProgress;
  /** Each event committed to a drill's run log, as run.log answered it: windows other than the console (the presenter) follow the run by it. */
  'run.logged': RunUpdate;
}

export type EventPayload<E extends EventName> = EventPayloads[E];
