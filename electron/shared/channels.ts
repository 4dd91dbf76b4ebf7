// The names of every channel and pushed event: the preload's allow-list, kept free of zod.

export const channelNames = [
  'app.status',
  'app.list-backups',
  'app.restore-backup',
  'profile.get',
  'profile.save',
  'home.summary',
  'dialog.open-file',
  'dialog.save-file',
  'dialog.save-files',
  'app.open-presenter',
  'template.list',
  'template.get',
  'template.reload',
  'plan.list',
  'plan.create',
  'plan.get',
  'plan.save',
  'plan.move-section',
  'plan.update-meta',
  'plan.fill-placeholder',
  'plan.duplicate',
  'plan.archive',
  'plan.history',
  'plan.save-version',
  'plan.get-version',
  'plan.compare',
  'plan.restore-version',
  'plan.set-status',
  'template.compare',
  'plan.merge-preview',
  'plan.merge-apply',
  'template.import',
  'template.import-docx-preview',
  'template.import-docx-apply',
  'search.query',
  'plan.checks',
  'plan.export-docx',
  'drill.export-script-docx',
  'drill.export-workplan-docx',
  'drill.export-programme-docx',
  'item.export-docx',
  'plan.export-revision-table',
  'plan.import-docx',
  'eval.export-report',
  'plan.export-notice',
  'drill.list',
  'drill.create',
  'drill.update',
  'drill.get',
  'drill.set-status',
  'drill.move',
  'script.save',
  'script.generate',
  'run.log',
  'run.state',
  'compliance.get',
  'compliance.save-rules',
  'compliance.reset-rules',
  'drill.export-package',
  'drill.import-package',
  'script.export-xlsx',
  'script.import-xlsx',
  'eval.get',
  'eval.criteria-sets',
  'eval.set-criteria',
  'eval.save-form',
  'eval.delete-form',
  'eval.set-conclusion',
  'finding.save',
  'finding.delete',
  'item.list',
  'item.save',
  'item.set-status',
  'request.list',
  'request.resolve',
  'plan.clause-exercise',
] as const;

export type ChannelName = (typeof channelNames)[number];

export const eventNames = ['menu.command', 'data.changed', 'import.progress', 'run.logged'] as const;

export type EventName = (typeof eventNames)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}
