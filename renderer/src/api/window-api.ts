// The API the page sees on window.workbench, whichever shell provides it.
import type { EventName } from '@shared/channels';
import type { Result } from '@shared/errors';

export interface WorkbenchApi {
  invoke(channel: string, input?: unknown): Promise<Result<unknown>>;
  on(event: EventName, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    workbench?: WorkbenchApi;
  }
}
