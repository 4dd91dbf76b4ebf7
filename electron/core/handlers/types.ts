// The handler table's type and the context every handler receives.
import type { ChannelName } from '../../shared/channels';
import type { Output, ParsedInput } from '../../shared/contract';
import type { OpenedFile, Shell } from '../../shared/schemas/app';
import type { Clock } from '../clock';
import type { Store } from '../db/store';
import type { CoreEvents } from '../events';
import type { TemplateCatalog } from '../templates/catalog';

/** OS features the shell provides; the browser host has none and says so. */
export interface Platform {
  openFile(input: ParsedInput<'dialog.open-file'>): Promise<OpenedFile | null>;
  saveFile(input: ParsedInput<'dialog.save-file'>): Promise<{ path: string } | null>;
  /** A second window for the room during a drill. */
  openPresenter(drillId: string): Promise<void>;
  /** Asks for a folder and writes every file into it. */
  saveFiles(input: ParsedInput<'dialog.save-files'>): Promise<{ folder: string; paths: string[] } | null>;
}

export interface HandlerContext {
  store: Store;
  clock: Clock;
  events: CoreEvents;
  platform: Platform;
  shell: Shell;
  version: string;
  dataDir: string;
  templatesDir: string;
  templates: TemplateCatalog;
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, ctx: HandlerContext) => Output<C> | Promise<Output<C>>;

export type HandlerTable = { [C in ChannelName]: Handler<C> };

/** A slice of the table, one per area file. */
export type Handlers<C extends ChannelName> = { [K in C]: Handler<K> };
