// Installs window.workbench over the loopback host (POST /rpc/<channel>, events by SSE) when Electron is absent.
import type { EventName } from '@shared/channels';
import { fail, type Result } from '@shared/errors';
import type { RpcReply, RpcRequest } from './rpc-worker';
import { EVENTS_CONNECTED, type WorkbenchApi } from './window-api';

export function installHttpBridge(): void {
  if (window.workbench) return;
  const token = document.querySelector<HTMLMetaElement>('meta[name="workbench-token"]')?.content ?? '';
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;

  const worker = new Worker(new URL('./rpc-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, (reply: RpcReply) => void>();
  let nextId = 1;
  worker.onmessage = (e: MessageEvent<RpcReply>) => {
    waiting.get(e.data.id)?.(e.data);
    waiting.delete(e.data.id);
  };
  const send = (channel: string, body: string) =>
    new Promise<RpcReply>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      worker.postMessage({ id, channel, body, token } satisfies RpcRequest);
    });

  const api: WorkbenchApi = {
    async invoke(channel, input) {
      const res = await send(channel, JSON.stringify(input ?? {}));
      if (res.status === 403 && !sessionStorage.getItem('workbench-reloaded')) {
        // The host was restarted and issued a new token: the page it serves now carries it.
        sessionStorage.setItem('workbench-reloaded', '1');
        window.location.reload();
      }
      if (res.status >= 200 && res.status < 300) sessionStorage.removeItem('workbench-reloaded');
      if (res.text === null) return fail('INTERNAL', '无法连接到本机服务，请确认工作台仍在运行后刷新页面。');
      try {
        return JSON.parse(res.text) as Result<unknown>;
      } catch {
        return fail('INTERNAL', '本机服务的回复无法读取，请刷新页面。');
      }
    },
    on(event, cb) {
      if (!source) {
        source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
        // EventSource reconnects by itself after a drop; each open says so (see EVENTS_CONNECTED).
        source.onopen = () => window.dispatchEvent(new Event(EVENTS_CONNECTED));
        source.onmessage = (m) => {
          const { name, payload } = JSON.parse(m.data as string) as { name: EventName; payload: unknown };
          listeners.get(name)?.forEach((l) => l(payload));
        };
      }
      const set = listeners.get(event) ?? new Set();
      set.add(cb);
      listeners.set(event, set);
      return () => set.delete(cb);
    },
  };
  window.workbench = api;
}
