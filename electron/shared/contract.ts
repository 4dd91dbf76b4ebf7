// The one IPC contract: every channel's input schema and result type, and every pushed event.
import { z } from 'zod';
import type { ChannelName, EventName } from './channels';
import { noInput } from './schemas/common';
import { backupNameSchema, openFileSchema, saveFileSchema, type AppStatus, type BackupInfo, type OpenedFile } from './schemas/app';
import { profileSchema, type DistrictProfile } from './schemas/profile';
import type { HomeSummary } from './schemas/home';
import {
  fillPlaceholderSchema,
  planArchiveSchema,
  planCreateSchema,
  planIdSchema,
  planListSchema,
  planMetaSchema,
  moveSectionSchema,
  planSaveSchema,
  templateRefSchema,
  type PlanDetail,
  type PlanSummary,
} from './schemas/plan';
import type { TemplateProblem, TemplateRevision, TemplateSummary } from './schemas/template';

export interface TemplateList {
  templates: TemplateSummary[];
  problems: TemplateProblem[];
}

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
} satisfies Record<ChannelName, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
/** What a caller may pass. */
export type Input<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a handler receives after validation. */
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type Output<C extends ChannelName> = Contract[C]['output'];

export type MenuCommand = 'navigate:home' | 'navigate:settings' | 'about';

export interface EventPayloads {
  'menu.command': { command: MenuCommand };
  'data.changed': { area: string };
}

export type EventPayload<E extends EventName> = EventPayloads[E];
