// A request started before the page that needs it has loaded (the opening route's main data), handed over once.
import type { ChannelName } from '@shared/channels';
import type { Input, Output } from '@shared/contract';
import { request } from './client';

/** A prefetched answer older than this is not handed out: the page asks the core again. */
const FRESH_MS = 5000;
const started = new Map<string, { at: number; p: Promise<unknown> }>();
// request() spreads its input as an optional rest argument; here the input is always given.
const send = request as <C extends ChannelName>(channel: C, input: Input<C>) => Promise<Output<C>>;
const keyOf = (channel: ChannelName, input: unknown) => `${channel}\u0000${JSON.stringify(input)}`;

export function prefetch<C extends ChannelName>(channel: C, input: Input<C>): void {
  const p = send(channel, input);
  // Never left unhandled: the page that takes it handles its failure; a page that never comes needs nothing.
  p.catch(() => undefined);
  started.set(keyOf(channel, input), { at: Date.now(), p });
}

/** The prefetched request if there is a fresh one (taken once: a later call asks the core again), else a new request. */
export function requestOnce<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> {
  const key = keyOf(channel, input);
  const hit = started.get(key);
  started.delete(key);
  return hit && Date.now() - hit.at < FRESH_MS ? (hit.p as Promise<Output<C>>) : send(channel, input);
}
