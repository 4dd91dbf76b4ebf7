// Installs window.workbench over the loopback host (POST /rpc/<channel>, events by SSE) when Electron is absent.
import type { EventName } from '@shared/channels';
import { fail, type Result } from '@shared/errors';
import type { WorkbenchApi } from './window-api';

export function installHttpBridge(): void {
  if (window.workbench) return;
  const token = document.querySelector<HTMLMetaElement>('meta[name="workbench-token"]')?.content ?? '';
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;

  const api: WorkbenchApi = {
    async invoke(channel, input) {
      try {
        const res = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-workbench-token': token },
          body: JSON.stringify(input ?? {}),
        });
        if (res.status === 403 && !sessionStorage.getItem('workbench-reloaded')) {
          // The host was restarted and issued a new token: the page it serves now carries it.
          sessionStorage.setItem('workbench-reloaded', '1');
          window.location.reload();
        }
        if (res.ok) sessionStorage.removeItem('workbench-reloaded');
        return (await res.json()) as Result<unknown>;
      } catch {
        return fail('INTERNAL', '无法连接到本机服务，请确认工作台仍在运行后刷新页面。');
      }
    },
    on(event, cb) {
      if (!source) {
        source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
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
