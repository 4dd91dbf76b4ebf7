// Template library channels: list (with the plans that derive from each revision), read one, re-read the folder.
import { blocksText, charCount } from '../../shared/doc-model';
import type { TemplateSummary } from '../../shared/schemas/template';
import { planIdsByTemplate } from '../db/repos/plan-repo';
import type { HandlerContext, Handlers } from './types';

function listTemplates(ctx: HandlerContext) {
  const { templates, problems } = ctx.templates.all();
  const plans = planIdsByTemplate(ctx.store.get());
  const summaries: TemplateSummary[] = templates.map((t) => ({
    ...t.meta,
    file: t.file,
    clauseCount: t.clauses.length,
    charCount: t.clauses.reduce((n, c) => n + charCount(c.title) + charCount(blocksText(c.body)), 0),
    plans: plans.filter((p) => p.template_id === t.meta.id && p.template_revision === t.meta.revision).map((p) => ({ id: p.id, title: p.title })),
  }));
  return { templates: summaries, problems };
}

export const templateHandlers: Handlers<'template.list' | 'template.get' | 'template.reload'> = {
  'template.list': (_input, ctx) => listTemplates(ctx),
  'template.get': (input, ctx) => ctx.templates.get(input.id, input.revision),
  'template.reload': (_input, ctx) => {
    ctx.templates.reload();
    return listTemplates(ctx);
  },
};
