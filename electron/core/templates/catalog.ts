// The loaded template files, read once and re-read on demand (a planner may drop in a new revision).
import type { TemplateProblem, TemplateRevision } from '../../shared/schemas/template';
import { AppError } from '../../shared/errors';
import { findTemplate, loadTemplates } from './load-templates';

export class TemplateCatalog {
  private loaded: { templates: TemplateRevision[]; problems: TemplateProblem[] } | null = null;

  constructor(private readonly dir: string) {}

  all(): { templates: TemplateRevision[]; problems: TemplateProblem[] } {
    if (!this.loaded) this.loaded = loadTemplates(this.dir);
    return this.loaded;
  }

  reload(): void {
    this.loaded = null;
  }

  get(id: string, revision: string): TemplateRevision {
    const t = findTemplate(this.all().templates, id, revision);
    if (!t) throw new AppError('NOT_FOUND', `未找到模板“${id}”的修订版“${revision}”。`);
    return t;
  }
}
