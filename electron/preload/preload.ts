// The page's only door: invoke an allow-listed channel, or listen to an allow-listed event.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannelName, isEventName } from '../shared/channels';

contextBridge.exposeInMainWorld('workbench', {
  invoke(channel: unknown, input: unknown) {
    if (!isChannelName(channel)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '不支持的操作。' } });
    return ipcRenderer.invoke('rpc', channel, input);
  },
  on(name: unknown, cb: (payload: unknown) => void) {
    if (!isEventName(name) || typeof cb !== 'function') return () => undefined;
    const listener = (_e: IpcRendererEvent, n: string, payload: unknown) => {
      if (n === name) cb(payload);
    };
    ipcRenderer.on('event', listener);
    return () => ipcRenderer.removeListener('event', listener);
  },
});
