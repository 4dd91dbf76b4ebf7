// Status of the store, backups and restore, and the native file dialogs.
import type { AppStatus } from '../../shared/schemas/app';
import { listBackups } from '../db/backup';
import type { HandlerContext, Handlers } from './types';

export function appStatus(ctx: HandlerContext): AppStatus {
  return { shell: ctx.shell, version: ctx.version, dataDir: ctx.dataDir, database: ctx.store.state() };
}

export const appHandlers: Handlers<'app.status' | 'app.list-backups' | 'app.restore-backup' | 'dialog.open-file' | 'dialog.save-file' | 'dialog.save-files' | 'app.open-presenter'> = {
  'app.status': (_input, ctx) => appStatus(ctx),
  'app.list-backups': (_input, ctx) => listBackups(ctx.dataDir),
  'app.restore-backup': async (input, ctx) => {
    await ctx.store.restore(input.name);
    ctx.events.emit('data.changed', { area: 'all' });
    return appStatus(ctx);
  },
  'dialog.open-file': (input, ctx) => ctx.platform.openFile(input),
  'dialog.save-file': (input, ctx) => ctx.platform.saveFile(input),
  'dialog.save-files': (input, ctx) => ctx.platform.saveFiles(input),
  'app.open-presenter': async (input, ctx) => {
    await ctx.platform.openPresenter(input.drillId);
    return { opened: true as const };
  },
};
