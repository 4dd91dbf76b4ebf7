// Shapes of version history, comparisons, upstream (municipal) changes and the guided merge.
import { z } from 'zod';
import type { BlockJSON, PlanDocument, SectionLevel } from '../doc-model';
import { idSchema, isoDate, requiredText, text } from './common';
import type { PlanStatus } from './plan';

export interface DiffPart {
  op: 'same' | 'add' | 'del';
  text: string;
}

export type SectionChangeKind = 'added' | 'removed' | 'moved' | 'changed' | 'same';

export interface SectionChange {
  id: string;
  kinds: SectionChangeKind[];
  level: SectionLevel;
  oldTitle?: string;
  newTitle?: string;
  oldNumber?: string;
  newNumber?: string;
  /** Character-level diff of title + body text, only for changed sections. */
  diff?: DiffPart[];
}

export interface CompareResult {
  changes: SectionChange[];
  stats: { added: number; removed: number; moved: number; changed: number; same: number };
}

export interface VersionInfo {
  id: string;
  seq: number;
  kind: 'manual' | 'published' | 'merge' | 'restore';
  /** Made by the app for safety (the copy before a merge): listed in the history, not in the 修订记录 (nor are restores). */
  internal: boolean;
  note: string;
  author: string;
  status: PlanStatus;
  templateId: string | null;
  templateRevision: string | null;
  title: string;
  charCount: number;
  createdAt: string;
  /** A restore: the seq of the version whose text it brought back (null for older restores and other versions). */
  restoredFrom: number | null;
}

export interface StatusEvent {
  from: PlanStatus;
  to: PlanStatus;
  date: string;
  actor: string;
  department: string;
  note: string;
  versionId: string | null;
}

/** One row of the 修订记录 (domain/revisions/revision-record.ts has the rule). */
export interface RevisionRecordRow {
  /** 序号: the row's place in the record, 1, 2, 3… with no gaps; what the exported plan prints. */
  no: number;
  versionId: string;
  /** The version's own label (V3), shown in the app next to 序号, never printed. */
  version: string;
  /** YYYY-MM-DD, local time. */
  date: string;
  note: string;
}

export interface PlanHistory {
  versions: VersionInfo[];
  statusEvents: StatusEvent[];
  revisionRecord: RevisionRecordRow[];
}

// ---- upstream ----------------------------------------------------------------------------------

export type ClauseChangeKind = 'added' | 'removed' | 'reworded' | 'moved' | 'renumbered' | 'same';

export interface ClauseChange {
  kinds: ClauseChangeKind[];
  oldId?: string;
  newId?: string;
  /** How an old clause was paired with a new one when their ids differ. */
  matchedBy?: 'id' | 'similarity';
  oldTitle?: string;
  newTitle?: string;
  oldNumber?: string;
  newNumber?: string;
  diff?: DiffPart[];
}

export type MergeItemKind = 'auto-updated' | 'conflict' | 'added-upstream' | 'removed-upstream' | 'removed-upstream-edited';
export type MergeChoice = 'ours' | 'theirs' | 'edit' | 'insert' | 'skip' | 'remove' | 'keep';

export interface MergeItem {
  key: string;
  kind: MergeItemKind;
  sectionId?: string;
  clauseId: string;
  title: string;
  base?: BlockJSON[];
  ours?: BlockJSON[];
  theirs?: BlockJSON[];
  baseTitle?: string;
  oursTitle?: string;
  theirsTitle?: string;
  /** Choices the planner may make; the first is the default (conflicts have none until chosen). */
  choices: MergeChoice[];
  defaultChoice: MergeChoice | null;
}

/** A name the new revision changes (see placeholder-changes.ts); `adopt` as the proposal applies it. */
export interface PlaceholderChange {
  key: string;
  label: string;
  /** The plan's value; null for a placeholder the revision adds. */
  current: string | null;
  proposed: string;
  adopt: boolean;
  /** The new name already occurs in the plan (often as another unit): replacing would duplicate it, so not adopted by default. */
  collides: boolean;
}

export interface MergeProposal {
  planId: string;
  templateId: string;
  fromRevision: string;
  toRevision: string;
  placeholders: PlaceholderChange[];
  items: MergeItem[];
  upstream: ClauseChange[];
}

export const mergeResolutionSchema = z
  .object({
    key: z.string().min(1).max(200),
    choice: z.enum(['ours', 'theirs', 'edit', 'insert', 'skip', 'remove', 'keep']),
    /** For 'edit': the planner's own text, one paragraph per line. */
    text: text(50_000).optional(),
  })
  .strict();

export type MergeResolution = z.output<typeof mergeResolutionSchema>;

/** The planner's choice per renamed name, over the proposal's default (adopt unless the new name is already in the plan). */
const nameChoicesSchema = z.array(z.object({ key: z.string().min(1).max(40), adopt: z.boolean() }).strict()).max(100).optional();

export const mergeApplySchema = z
  .object({ id: idSchema, toRevision: z.string().min(1).max(40), resolutions: z.array(mergeResolutionSchema).max(5000), names: nameChoicesSchema, note: text(2000).optional() })
  .strict();

/** `resolveRequests`: open revision requests the new version closes (销号), each one it must be able to close. */
export const saveVersionSchema = z.object({ id: idSchema, note: requiredText(2000, '修订说明'), author: text(40).optional(), resolveRequests: z.array(idSchema).max(500).optional() }).strict();
export const versionRefSchema = z.object({ id: idSchema, versionId: idSchema }).strict();
export const compareSchema = z.object({ id: idSchema, from: z.union([idSchema, z.literal('draft')]), to: z.union([idSchema, z.literal('draft')]) }).strict();
/** `resolveRequests` (发布 only): open revision requests the published version closes, as 保存版本 closes them. */
export const statusChangeSchema = z
  .object({
    id: idSchema,
    to: z.enum(['draft', 'consultation', 'review', 'published', 'abolished']),
    date: isoDate,
    actor: text(40),
    department: text(60),
    note: text(500).optional(),
    resolveRequests: z.array(idSchema).max(500).optional(),
  })
  .strict();
export const upstreamSchema = z.object({ templateId: z.string().min(1).max(80), from: z.string().min(1).max(40), to: z.string().min(1).max(40) }).strict();
export const mergePreviewSchema = z.object({ id: idSchema, toRevision: z.string().min(1).max(40), names: nameChoicesSchema }).strict();
export const templateImportSchema = z.object({ fileName: z.string().min(1).max(200), content: z.string().min(1).max(5_000_000) }).strict();
/** includeArchived: search archived plans too (预案库 passes its 显示已归档 switch). */
export const searchSchema = z
  .object({ query: requiredText(100, '搜索内容'), includeVersions: z.boolean().optional(), includeArchived: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional() })
  .strict();

export interface SearchHit {
  planId: string;
  planTitle: string;
  /** 编号: two plans may share a title (a copy, or a second plan from one template); their codes differ. */
  planCode: string;
  archived: boolean;
  versionId: string | null;
  versionLabel: string | null;
  sectionId: string;
  sectionTitle: string;
  /** Snippet with matches wrapped in \u0001 … \u0002 (the UI renders them highlighted). */
  snippet: string;
}

export type VersionDocument = { info: VersionInfo; doc: PlanDocument };
