// A tiny typed emitter for events the core pushes to whichever shell is listening.
import { eventNames, type EventName } from '../shared/channels';
import type { EventPayload } from '../shared/contract';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

export class CoreEvents {
  private listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<E extends EventName>(name: E, cb: Listener<E>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(cb as Listener<EventName>);
    this.listeners.set(name, set);
    return () => set.delete(cb as Listener<EventName>);
  }

  /** Every event to one sink (transports forward all of them). */
  onAny(cb: (name: EventName, payload: unknown) => void): () => void {
    const offs = eventNames.map((n) => this.on(n, (p) => cb(n, p)));
    return () => offs.forEach((off) => off());
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const cb of this.listeners.get(name) ?? []) cb(payload);
  }
}
