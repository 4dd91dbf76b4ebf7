// Electron main process: lifecycle, the one window, the menu, and ipcMain over the core's dispatch.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { createCore, type Core } from '../core/create-core';
import { electronPlatform } from './dialogs';
import { menuTemplate } from './menu';
import { hardenContents, hardenSession, secureWebPreferences } from './security';
import { loadWindowState, saveWindowState } from './window-state';

let win: BrowserWindow | null = null;
let core: Core | null = null;

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const appUrl = `file://${rendererIndex.split(path.sep).join('/')}`;

function createWindow(): BrowserWindow {
  const state = loadWindowState(app.getPath('userData'));
  const w = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 1024,
    minHeight: 680,
    title: '应急预案与演练工作台',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '..', 'preload', 'preload.cjs')),
  });
  hardenContents(w.webContents, appUrl);
  // The page keeps unsaved edits by cancelling beforeunload; Electron would then refuse to close without a word.
  w.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(w, { type: 'question', title: '有未保存的修改', message: '有未保存的修改，关闭后将丢失这些修改。', buttons: ['放弃修改并关闭', '取消'], defaultId: 1, cancelId: 1 });
    if (choice === 0) event.preventDefault();
  });
  if (state.maximized) w.maximize();
  w.once('ready-to-show', () => w.show());
  w.on('close', () => saveWindowState(app.getPath('userData'), { ...w.getNormalBounds(), maximized: w.isMaximized() }));
  void w.loadFile(rendererIndex);
  return w;
}

/** The presenter view for the room: a second window on the same page, at the drill's presenter route. */
function openPresenter(drillId: string): void {
  const w = new BrowserWindow({ width: 1280, height: 800, title: '演示屏', webPreferences: secureWebPreferences(path.join(__dirname, '..', 'preload', 'preload.cjs')) });
  hardenContents(w.webContents, appUrl);
  void w.loadFile(rendererIndex, { hash: `/scripts/${encodeURIComponent(drillId)}/present` });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  core = await createCore({
    dataDir: process.env.WORKBENCH_DATA_DIR ?? app.getPath('userData'),
    templatesDir: app.isPackaged ? path.join(process.resourcesPath, 'templates') : path.join(app.getAppPath(), 'templates'),
    shell: 'electron',
    version: app.getVersion(),
    platform: electronPlatform(dialog, () => win, openPresenter),
  });
  const c = core;
  ipcMain.handle('rpc', (event, channel: unknown, input: unknown) => {
    // Only our own page may call in.
    // Routes live in the hash (#/plans/…): the page is ours whatever its hash.
    if (event.senderFrame?.url.split('#')[0] !== appUrl) return { ok: false, error: { code: 'FORBIDDEN', message: '请求被拒绝。' } };
    return c.call(channel, input);
  });
  // Menu commands are for the main window; everything else (data changes, the run log) reaches every
  // window, the presenter's too, which follows the drill by the run.logged push.
  c.events.onAny((name, payload) => {
    for (const w of name === 'menu.command' ? [win] : BrowserWindow.getAllWindows()) if (w && !w.isDestroyed()) w.webContents.send('event', name, payload);
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate((command) => c.events.emit('menu.command', { command }), () => app.quit())),
  );
  win = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, appUrl));
  app.whenReady().then(start, (e) => {
    dialog.showErrorBox('启动失败', String(e));
    app.quit();
  });
  app.on('window-all-closed', () => {
    core?.close();
    app.quit();
  });
}
