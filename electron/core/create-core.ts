// Builds the headless core: the store, the handler table and the event bus, for any shell.
import path from 'node:path';
import { AppError } from '../shared/errors';
import type { Result } from '../shared/errors';
import type { Shell } from '../shared/schemas/app';
import { systemClock, type Clock } from './clock';
import { Store } from './db/store';
import { dispatch } from './dispatch';
import { CoreEvents } from './events';
import { appHandlers } from './handlers/app';
import { drillHandlers } from './handlers/drills';
import { evaluationHandlers } from './handlers/evaluation';
import { exportHandlers } from './handlers/export';
import { homeHandlers } from './handlers/home';
import { planHandlers } from './handlers/plans';
import { profileHandlers } from './handlers/profile';
import { revisionHandlers } from './handlers/revisions';
import { templateHandlers } from './handlers/templates';
import { templateImportHandlers } from './handlers/template-import';
import { TemplateCatalog } from './templates/catalog';
import type { HandlerContext, HandlerTable, Platform } from './handlers/types';

export const handlers: HandlerTable = {
  ...appHandlers,
  ...profileHandlers,
  ...homeHandlers,
  ...templateHandlers,
  ...templateImportHandlers,
  ...planHandlers,
  ...revisionHandlers,
  ...exportHandlers,
  ...drillHandlers,
  ...evaluationHandlers,
};

export interface CoreOptions {
  dataDir: string;
  templatesDir: string;
  shell: Shell;
  version: string;
  clock?: Clock;
  platform?: Platform;
}

export interface Core {
  call(channel: unknown, input: unknown): Promise<Result<unknown>>;
  events: CoreEvents;
  handlers: HandlerTable;
  context: HandlerContext;
  close(): void;
}

const noDialogs: Platform = {
  openFile: async () => {
    throw new AppError('UNSUPPORTED', '浏览器模式下请使用页面上的“选择文件”按钮。');
  },
  saveFile: async () => {
    throw new AppError('UNSUPPORTED', '浏览器模式下文件将通过浏览器下载保存。');
  },
  openPresenter: async () => {
    throw new AppError('UNSUPPORTED', '浏览器模式下演示屏在新标签页中打开。');
  },
  saveFiles: async () => {
    throw new AppError('UNSUPPORTED', '浏览器模式下文件将逐个通过浏览器下载保存。');
  },
};

export async function createCore(opts: CoreOptions): Promise<Core> {
  const clock = opts.clock ?? systemClock;
  const store = new Store(opts.dataDir, clock);
  await store.open();
  const events = new CoreEvents();
  const context: HandlerContext = {
    store,
    clock,
    events,
    platform: opts.platform ?? noDialogs,
    shell: opts.shell,
    version: opts.version,
    dataDir: opts.dataDir,
    templatesDir: opts.templatesDir,
    templates: new TemplateCatalog(opts.templatesDir, path.join(opts.dataDir, 'templates')),
  };
  return {
    call: (channel, input) => dispatch(handlers, context, channel, input),
    events,
    handlers,
    context,
    close: () => store.close(),
  };
}

