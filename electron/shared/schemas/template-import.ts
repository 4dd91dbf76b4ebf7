// Importing a municipal plan's .docx as a template revision: the preview/apply input and what the review shows.
import { z } from 'zod';
import type { SectionKind, SectionLevel } from '../doc-model';
import { idSchema, text } from './common';
import type { TemplateMeta } from './template';

const templateIdSchema = z.string().max(40).regex(/^[a-z0-9][a-z0-9-]*$/, '模板编号只能用小写字母、数字和“-”');
const clauseIdSchema = z.string().max(120).regex(/^[a-z0-9][a-z0-9.-]*$/, '条款编号格式不正确');
// A revision label names the file <revision>.md, so it holds no path characters.
export const revisionLabelSchema = z
  .string()
  .trim()
  .min(1, '修订版本不能为空')
  .max(40)
  .regex(/^[0-9A-Za-z\u4e00-\u9fff][0-9A-Za-z\u4e00-\u9fff._-]*$/, '修订版本只能用数字、字母、汉字和“. _ -”，如 2025');

export const templateDocxImportSchema = z
  .object({
    fileName: z.string().min(1).max(200),
    dataBase64: z.string().min(1).max(70_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确'),
    /** The template this file revises; null for a new template; omitted: guessed from the document's title. */
    templateId: z.union([templateIdSchema, z.null()]).optional(),
    /** The revision it supersedes; omitted: the newest revision of that template. */
    previousRevision: revisionLabelSchema.optional(),
    revision: revisionLabelSchema.optional(),
    revisionYear: z.number().int().min(1949).max(2100).optional(),
    title: text(100).optional(),
    issuer: text(100).optional(),
    /** The planner's review, by clause index: a previous clause id to continue, or null to make the clause new. */
    decisions: z
      .array(z.object({ index: z.number().int().min(0).max(100_000), match: z.union([clauseIdSchema, z.null()]) }).strict())
      .max(100_000)
      .optional(),
    /** Echoed in template.import-progress events so the page that asked can show them. */
    progressId: idSchema.optional(),
  })
  .strict();

export type MatchHow = 'id' | 'similarity' | 'manual' | 'new';

export interface ReviewClause {
  index: number;
  clauseId: string;
  title: string;
  level: SectionLevel;
  kind: SectionKind;
  matchedFrom: string | null;
  matchedTitle: string | null;
  /** Similarity of heading and text to the matched clause, 0–1. */
  score: number | null;
  by: MatchHow;
  changed: boolean;
  excerpt: string;
}

export interface PreviousClause {
  id: string;
  title: string;
  level: SectionLevel;
  kind: SectionKind;
}

export interface TemplateDocxPreview {
  /** The template revised (null: a new template) and whether the core guessed it. */
  templateId: string | null;
  guessed: boolean;
  previousRevision: string | null;
  /** The metadata the revision would be saved with. */
  meta: TemplateMeta;
  clauses: ReviewClause[];
  previousClauses: PreviousClause[];
  removed: PreviousClause[];
  warnings: string[];
  /** Why saving would be refused as things stand (revision label taken …), or null. */
  blocker: string | null;
}

export interface TemplateDocxSaved {
  id: string;
  revision: string;
  title: string;
  clauseCount: number;
  carried: number;
  added: number;
  removed: number;
  /** District plans created from the superseded revision: now flagged for the upstream merge. */
  affectedPlans: number;
}

export type ImportPhase = 'read' | 'match' | 'write';

export interface ImportProgress {
  progressId: string;
  phase: ImportPhase;
  /** Paragraphs and tables read (match phase), clauses written (write phase). */
  count?: number;
}
