// Main and preload against a stand-in `electron` module: window security, the IPC door, the menu.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../electron/shared/channels';

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-electron-'));
const fake = vi.hoisted(() => {
  type Fn = (...a: unknown[]) => unknown;
  const handlers = new Map<string, Fn>();
  const windows: { options: Record<string, unknown>; contents: { listeners: Map<string, Fn>; openHandler?: Fn } }[] = [];
  const session = { permission: undefined as Fn | undefined, check: undefined as Fn | undefined, beforeRequest: undefined as Fn | undefined };
  const state = { menu: undefined as unknown, lock: 0, ready: undefined as Promise<void> | undefined, exposed: {} as Record<string, unknown>, invoked: [] as unknown[][], answer: 1, asked: [] as unknown[] };
  return { handlers, windows, session, state };
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { listeners: new Map(), on(ev: string, fn: () => void) { this.listeners.set(ev, fn); }, setWindowOpenHandler(fn: () => void) { (this as { openHandler?: unknown }).openHandler = fn; }, send() {} };
    constructor(options: Record<string, unknown>) {
      fake.windows.push({ options, contents: this.webContents as never });
    }
    maximize() {}
    once() {}
    on() {}
    loadFile() { return Promise.resolve(); }
    isMinimized() { return false; }
    focus() {}
  }
  const app = {
    requestSingleInstanceLock: () => { fake.state.lock++; return true; },
    on: () => undefined,
    whenReady: () => { fake.state.ready = Promise.resolve(); return fake.state.ready; },
    getPath: () => userData,
    getAppPath: () => process.cwd(),
    getVersion: () => '0.0.0-test',
    isPackaged: false,
    quit: () => undefined,
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: () => undefined, showMessageBoxSync: (_w: unknown, opts: unknown) => { fake.state.asked.push(opts); return fake.state.answer; } },
    ipcMain: { handle: (ch: string, fn: () => unknown) => fake.handlers.set(ch, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => { fake.state.menu = m; } },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: () => void) => { fake.session.permission = fn; },
        setPermissionCheckHandler: (fn: () => boolean) => { fake.session.check = fn; },
        webRequest: { onBeforeRequest: (fn: () => void) => { fake.session.beforeRequest = fn; } },
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { fake.state.exposed[key] = api; } },
    ipcRenderer: { invoke: (...a: unknown[]) => { fake.state.invoked.push(a); return Promise.resolve({ ok: true, data: null }); }, on: () => undefined, removeListener: () => undefined },
  };
});

async function waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('timed out');
}

describe('Electron main (stand-in electron module)', () => {
  beforeAll(async () => {
    await import('../../electron/main/main');
    await waitFor(() => fake.windows.length > 0);
  });
  afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

  it('takes the single-instance lock', () => {
    expect(fake.state.lock).toBe(1);
  });

  it('opens a sandboxed, isolated window without Node in the page', () => {
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });

  it('refuses navigation away from the app and every new window', () => {
    const contents = fake.windows[0]!.contents;
    let prevented = false;
    contents.listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('asks before closing over unsaved edits, and closes only when told to discard them', () => {
    const unload = fake.windows[0]!.contents.listeners.get('will-prevent-unload')!;
    let leave = false;
    fake.state.answer = 1;
    unload({ preventDefault: () => (leave = true) });
    expect(leave).toBe(false);
    fake.state.answer = 0;
    unload({ preventDefault: () => (leave = true) });
    expect(leave).toBe(true);
    expect(fake.state.asked[0]).toMatchObject({ title: '有未保存的修改', buttons: ['放弃修改并关闭', '取消'], cancelId: 1 });
  });

  it('denies every permission and cancels every network request', () => {
    let granted: boolean | undefined;
    fake.session.permission!({}, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    expect(fake.session.check!()).toBe(false);
    const verdict = (url: string) => {
      let r: { cancel: boolean } | undefined;
      fake.session.beforeRequest!({ url }, (v: { cancel: boolean }) => (r = v));
      return r!.cancel;
    };
    expect(verdict('https://example.com/x.js')).toBe(true);
    expect(verdict('http://127.0.0.1:8080/')).toBe(true);
    expect(verdict('file:///app/index.html')).toBe(false);
  });

  it('serves every contract channel through one ipc handler, only to the app page', async () => {
    const rpc = fake.handlers.get('rpc')!;
    // Under test, main's __dirname is electron/main, so the page it loads is electron/renderer/index.html.
    const appFrame = { senderFrame: { url: `file://${path.join(process.cwd(), 'electron', 'renderer', 'index.html')}` } };
    const evilFrame = { senderFrame: { url: 'https://evil.example/' } };
    expect(await rpc(appFrame, 'app.status', {})).toMatchObject({ ok: true, data: { shell: 'electron', database: { state: 'ready' } } });
    expect(await rpc(appFrame, 'no.such-channel', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    // Hash routes change the frame URL; the page is still ours.
    const routed = { senderFrame: { url: `${appFrame.senderFrame.url}#/plans/p-1` } };
    expect(await rpc(routed, 'app.status', {})).toMatchObject({ ok: true });
    for (const c of channelNames) expect(await rpc(evilFrame, c, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('builds the Chinese menu 文件 编辑 视图 帮助', () => {
    expect((fake.state.menu as { label: string }[]).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('文件 has 导出为 Word on Ctrl+E, and leaves Ctrl+H to the editor’s 查找替换', () => {
    const file = (fake.state.menu as { label: string; submenu: { label?: string; accelerator?: string }[] }[])[0]!.submenu;
    expect(file.find((i) => i.label === '导出为 Word…')?.accelerator).toBe('CmdOrCtrl+E');
    const accelerators = (fake.state.menu as { submenu: { accelerator?: string }[] }[]).flatMap((m) => m.submenu.map((i) => i.accelerator));
    expect(accelerators).not.toContain('CmdOrCtrl+H');
  });
});

describe('preload (stand-in electron module)', () => {
  it('exposes only invoke and on, and refuses channels outside the allow-list', async () => {
    await import('../../electron/preload/preload');
    const api = fake.state.exposed.workbench as { invoke: (c: unknown, i?: unknown) => Promise<unknown>; on: (e: unknown, cb: unknown) => () => void };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(await api.invoke('db.exec', { sql: 'DROP TABLE x' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(fake.state.invoked).toHaveLength(0);
    await api.invoke('profile.get', {});
    expect(fake.state.invoked).toEqual([['rpc', 'profile.get', {}]]);
    expect(typeof api.on('not.an.event', () => undefined)).toBe('function');
  });
});
