// Plan channels' shapes: library rows, the opened plan, and the validated document pieces a save carries.
import { z } from 'zod';
import type { NumberingStyle, PlanDocument } from '../doc-model';
import { idSchema, isoDate, requiredText, text } from './common';
import type { PlanStatus } from '../vocabulary';
import { docNumberProblem } from '../doc-number';

export type { PlanStatus };

export interface PlanSummary {
  id: string;
  code: string;
  title: string;
  hazard: string;
  category: string;
  leadUnit: string;
  status: PlanStatus;
  templateId: string | null;
  templateRevision: string | null;
  templateTitle: string | null;
  /** A newer municipal revision exists: 「上位预案已修订，待修订」. */
  upstreamRevision: string | null;
  /** Improvement items asking for this plan to change, not yet resolved by a version. */
  openRequests: number;
  publishedDate: string | null;
  nextReviewDate: string | null;
  archived: boolean;
  unfilledPlaceholders: number;
  charCount: number;
  updatedAt: string;
  /** Which write of its content this is: sent back with the next save, refused if another window saved since. */
  saveSeq: number;
}

export interface PlanDetail extends PlanSummary {
  doc: PlanDocument;
  cursorSectionId: string | null;
}

// ---- document pieces, validated at the boundary ------------------------------------------------
// Lexical adds fields of its own (column widths, styles); loose objects keep them, known fields are checked.

const MAX_TEXT = 200_000;
const textNode = z.looseObject({ type: z.literal('text'), text: z.string().max(MAX_TEXT), format: z.number().int().min(0).max(2047) });
const placeholderNode = z.looseObject({ type: z.literal('placeholder'), key: z.string().min(1).max(40) });
const lineBreakNode = z.looseObject({ type: z.literal('linebreak') });
const inline = z.discriminatedUnion('type', [textNode, placeholderNode, lineBreakNode]);
const paragraphNode = z.looseObject({ type: z.literal('paragraph'), children: z.array(inline).max(5000) });
const listNode = z.looseObject({
  type: z.literal('list'),
  listType: z.enum(['bullet', 'number']),
  children: z.array(z.looseObject({ type: z.literal('listitem'), children: z.array(inline).max(5000) })).max(2000),
});
const tableNode = z.looseObject({
  type: z.literal('table'),
  children: z
    .array(
      z.looseObject({
        type: z.literal('tablerow'),
        children: z.array(z.looseObject({ type: z.literal('tablecell'), children: z.array(paragraphNode).max(200) })).max(60),
      }),
    )
    .max(2000),
});
export const blockSchema = z.discriminatedUnion('type', [paragraphNode, listNode, tableNode]);

const lineageSchema = z
  .object({
    templateId: z.string().max(80),
    revision: z.string().max(40),
    clauseId: z.string().max(120),
    baseTitle: z.string().max(500),
    baseBody: z.array(blockSchema).max(5000),
  })
  .strict();

export const sectionSchema = z
  .object({
    id: idSchema,
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    kind: z.enum(['body', 'annex']),
    title: text(500),
    body: z.array(blockSchema).max(5000),
    lineage: lineageSchema.optional(),
  })
  .strict();

export const chapterSchema = z
  .object({ id: idSchema, sections: z.array(sectionSchema).min(1).max(2000) })
  .strict()
  .refine((c) => c.sections[0]!.id === c.id && c.sections[0]!.level === 1, '每章须以该章的一级标题开头')
  .refine((c) => c.sections.slice(1).every((s) => s.level > 1), '一章中只能有一个一级标题');

export const numberingSchema = z.enum(['official', 'decimal']) satisfies z.ZodType<NumberingStyle>;

export const planSaveSchema = z
  .object({
    id: idSchema,
    chapters: z.array(chapterSchema).max(200),
    chapterOrder: z.array(idSchema).min(1).max(200),
    /** Chapters the planner deleted on purpose; any other chapter missing from the order is refused. */
    removeChapters: z.array(idSchema).max(200).optional(),
    cursorSectionId: idSchema.nullable().optional(),
    /**
     * Sections edited in place while their chapter kept its headings: each replaces the stored section of the
     * same id, in the same chapter and at the same level (typing saves one section, not its whole chapter).
     */
    sections: z.array(z.object({ chapterId: idSchema, section: sectionSchema }).strict()).max(2000).optional(),
    /** The plan's saveSeq this save was made from (see PlanSummary.saveSeq). */
    baseSeq: z.number().int().min(0).optional(),
  })
  .strict();

export const planCreateSchema = z
  .object({ templateId: z.string().min(1).max(80), revision: z.string().min(1).max(40), numbering: numberingSchema.optional() })
  .strict();

export const planMetaSchema = z
  .object({
    id: idSchema,
    code: text(40).refine((s) => s.trim().length > 0, '预案编号不能为空').optional(),
    title: text(120).refine((s) => s.length > 0, '预案名称不能为空').optional(),
    leadUnit: text(60).refine((s) => s.trim().length > 0, '牵头单位不能为空').optional(),
    hazard: text(40).optional(),
    numbering: numberingSchema.optional(),
    publishedDate: isoDate.nullable().optional(),
    nextReviewDate: isoDate.nullable().optional(),
  })
  .strict();

export const planIdSchema = z.object({ id: idSchema }).strict();
export const planListSchema = z.object({ includeArchived: z.boolean().optional() }).strict().optional();
export const planArchiveSchema = z.object({ id: idSchema, archived: z.boolean() }).strict();
export const fillPlaceholderSchema = z.object({ id: idSchema, key: z.string().min(1).max(40), value: text(200) }).strict();
export const templateRefSchema = z.object({ id: z.string().min(1).max(80), revision: z.string().min(1).max(40) }).strict();
export const moveSectionSchema = z.object({ id: idSchema, sectionId: idSchema, beforeId: idSchema.nullable() }).strict();
export const planExportSchema = z.object({ id: idSchema, versionId: idSchema.optional(), toc: z.boolean().optional(), revisionRecord: z.boolean().optional() }).strict();

export interface ExportedFile {
  fileName: string;
  dataBase64: string;
}
export const planImportDocxSchema = z.object({ fileName: z.string().min(1).max(200), dataBase64: z.string().max(70_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码不正确') }).strict();
export const revisionTableSchema = z.object({ id: idSchema, from: z.union([idSchema, z.literal('draft')]), to: z.union([idSchema, z.literal('draft')]) }).strict();
export const programmeExportSchema = z.object({ year: z.number().int().min(2000).max(2100) }).strict();
export const noticeExportSchema = z
  .object({ id: idSchema, docNumber: requiredText(60, '发文字号').superRefine((s, ctx) => { const problem = docNumberProblem(s); if (problem) ctx.addIssue({ code: 'custom', message: problem }); }), recipients: requiredText(500, '主送机关'), copyTo: text(500).optional(), body: z.array(text(5000)).max(50).optional() })
  .strict();
export const reportExportSchema = z.object({ drillId: idSchema, kind: z.enum(['评估报告', '总结报告']) }).strict();
