// The loaded templates: the shipped folder plus revisions the planner imported into the data folder.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { TemplateProblem, TemplateRevision } from '../../shared/schemas/template';
import { findTemplate, loadTemplates, revisionsOf } from './load-templates';

export const IMPORTED_PREFIX = 'imported/';

export class TemplateCatalog {
  private loaded: { templates: TemplateRevision[]; problems: TemplateProblem[] } | null = null;

  /** `importedDir` holds plans/<id>/<revision>.md files imported by the planner (it may not exist yet). */
  constructor(private readonly dir: string, readonly importedDir?: string) {}

  all(): { templates: TemplateRevision[]; problems: TemplateProblem[] } {
    if (!this.loaded) this.loaded = this.load();
    return this.loaded;
  }

  private load(): { templates: TemplateRevision[]; problems: TemplateProblem[] } {
    const shipped = loadTemplates(this.dir);
    if (!this.importedDir || !fs.existsSync(path.join(this.importedDir, 'plans'))) return shipped;
    const keys = shipped.templates.map((t) => `${t.meta.id}\n${t.meta.revision}`);
    const imported = loadTemplates(this.importedDir, keys);
    const templates = [...shipped.templates];
    const problems = [...shipped.problems, ...imported.problems.map((p) => ({ ...p, file: IMPORTED_PREFIX + p.file }))];
    for (const t of imported.templates) {
      if (findTemplate(templates, t.meta.id, t.meta.revision)) {
        problems.push({ file: IMPORTED_PREFIX + t.file, line: 0, message: `导入的模板 ${t.meta.id} ${t.meta.revision} 与软件自带的修订版本重复，已忽略` });
        continue;
      }
      templates.push({ ...t, file: IMPORTED_PREFIX + t.file });
    }
    templates.sort((a, b) => a.meta.id.localeCompare(b.meta.id) || a.meta.revisionYear - b.meta.revisionYear);
    return { templates, problems };
  }

  reload(): void {
    this.loaded = null;
  }

  get(id: string, revision: string): TemplateRevision {
    const t = findTemplate(this.all().templates, id, revision);
    if (!t) throw new AppError('NOT_FOUND', `未找到模板“${id}”的修订版“${revision}”。`);
    return t;
  }

  find(id: string, revision: string): TemplateRevision | undefined {
    return findTemplate(this.all().templates, id, revision);
  }

  /** The revision no other revision supersedes (the newest of the chain; by year when there are several). */
  newest(id: string): TemplateRevision | undefined {
    const all = revisionsOf(this.all().templates, id);
    const superseded = new Set(all.map((t) => t.meta.supersedes).filter(Boolean));
    const heads = all.filter((t) => !superseded.has(t.meta.revision));
    return heads.sort((a, b) => b.meta.revisionYear - a.meta.revisionYear)[0];
  }
}
