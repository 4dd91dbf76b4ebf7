// The API the page sees on window.workbench, whichever shell provides it.
import type { EventName } from '@shared/channels';
import type { Result } from '@shared/errors';

/**
 * Dispatched on window each time the browser host's event stream (re)connects: pushes sent before it did
 * (while it was down, or before the first connection was made) never arrive, so what follows them reads
 * what it missed. Electron's IPC has no such gap; it never fires there.
 */
export const EVENTS_CONNECTED = 'workbench:events-connected';

export interface WorkbenchApi {
  invoke(channel: string, input?: unknown): Promise<Result<unknown>>;
  on(event: EventName, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    workbench?: WorkbenchApi;
  }
}
