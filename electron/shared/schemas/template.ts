// Municipal plan templates as the core loads them: metadata, declared placeholders, clause tree.
import type { BlockJSON, SectionKind, SectionLevel } from '../doc-model';
import type { ProfileField } from './profile';

export const HAZARD_CATEGORIES = ['自然灾害', '事故灾难', '公共卫生事件', '社会安全事件'] as const;
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];

export interface TemplateMeta {
  id: string;
  revision: string;
  supersedes: string | null;
  title: string;
  districtTitle: string;
  issuer: string;
  revisionYear: number;
  hazard: string;
  category: HazardCategory;
  modelText: boolean;
  leadDepartment: string;
}

export interface TemplatePlaceholder {
  key: string;
  label: string;
  profile?: ProfileField;
  default?: string;
}

export interface TemplateClause {
  id: string;
  level: SectionLevel;
  kind: SectionKind;
  /** Plain heading text, without a number and without placeholders. */
  title: string;
  body: BlockJSON[];
  /** 1-based line of the heading in the file. */
  line: number;
}

export interface TemplateRevision {
  meta: TemplateMeta;
  placeholders: TemplatePlaceholder[];
  clauses: TemplateClause[];
  /** Path relative to the templates folder, with forward slashes. */
  file: string;
}

export interface TemplateProblem {
  file: string;
  line: number;
  message: string;
}

export interface TemplateSummary extends TemplateMeta {
  file: string;
  clauseCount: number;
  charCount: number;
  /** District plans created from this revision. */
  plans: { id: string; title: string }[];
}
