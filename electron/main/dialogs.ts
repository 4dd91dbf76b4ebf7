// Native open/save dialogs and the presenter window, offered to the core as its Platform.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { Platform } from '../core/handlers/types';

export function electronPlatform(dialog: Dialog, window: () => BrowserWindow | null, openPresenter: (drillId: string) => void): Platform {
  return {
    async openPresenter(drillId) {
      openPresenter(drillId);
    },
    async openFile(input) {
      const win = window();
      const opts = { title: input.title, properties: ['openFile' as const], filters: input.filters };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      const file = r.filePaths[0];
      if (r.canceled || !file) return null;
      return { name: path.basename(file), path: file, dataBase64: fs.readFileSync(file).toString('base64') };
    },
    async saveFile(input) {
      const win = window();
      const opts = { defaultPath: input.suggestedName, filters: input.filters };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return null;
      // Write beside, then rename: a crash never leaves a half-written document under the user's name.
      fs.writeFileSync(`${r.filePath}.partial`, Buffer.from(input.dataBase64, 'base64'));
      fs.renameSync(`${r.filePath}.partial`, r.filePath);
      return { path: r.filePath };
    },
    async saveFiles(input) {
      const win = window();
      const opts = { title: input.title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      const folder = r.filePaths[0];
      if (r.canceled || !folder) return null;
      const paths = input.files.map((f) => {
        const target = path.join(folder, f.name);
        fs.writeFileSync(`${target}.partial`, Buffer.from(f.dataBase64, 'base64'));
        fs.renameSync(`${target}.partial`, target);
        return target;
      });
      return { folder, paths };
    },
  };
}
