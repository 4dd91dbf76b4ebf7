// The typed client: the renderer's only way to reach the core.
import type { ChannelName, EventName } from '@shared/channels';
import type { EventPayload, Input, Output } from '@shared/contract';
import type { AppErrorData, FieldError, Result } from '@shared/errors';
import { EVENTS_CONNECTED } from './window-api';

function api() {
  if (!window.workbench) throw new Error('window.workbench is not installed');
  return window.workbench;
}

export function call<C extends ChannelName>(channel: C, ...input: undefined extends Input<C> ? [Input<C>?] : [Input<C>]): Promise<Result<Output<C>>> {
  return api().invoke(channel, input[0]) as Promise<Result<Output<C>>>;
}

/** An error result carried as an exception, for code that prefers try/catch. */
export class ApiError extends Error {
  constructor(readonly error: AppErrorData) {
    super(error.message);
  }
}

export async function request<C extends ChannelName>(channel: C, ...input: undefined extends Input<C> ? [Input<C>?] : [Input<C>]): Promise<Output<C>> {
  const r = await call(channel, ...input);
  if (!r.ok) throw new ApiError(r.error);
  return r.data;
}

export function onEvent<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void {
  return api().on(name, cb as (p: unknown) => void);
}

/** `cb` each time the events (re)connect, when pushes sent before may have been missed; returns the unsubscribe. */
export function onEventsConnected(cb: () => void): () => void {
  window.addEventListener(EVENTS_CONNECTED, cb);
  return () => window.removeEventListener(EVENTS_CONNECTED, cb);
}

/** The message to show for an error, with its details on following lines. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return [e.error.message, ...(e.error.details ?? [])].join('\n');
  return e instanceof Error ? e.message : String(e);
}

/** The input problems the core placed at a field (empty for other errors), for `form.setFields`. */
export function fieldErrors(e: unknown): FieldError[] {
  return e instanceof ApiError ? (e.error.fields ?? []) : [];
}
