// Remembers the window's size, position and maximised state in a small JSON file.
import fs from 'node:fs';
import path from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT: WindowState = { width: 1440, height: 900, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    const s = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    return {
      x: num(s.x),
      y: num(s.y),
      width: Math.max(800, num(s.width) ?? DEFAULT.width),
      height: Math.max(600, num(s.height) ?? DEFAULT.height),
      maximized: s.maximized === true,
    };
  } catch {
    return DEFAULT;
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  const file = path.join(dir, 'window-state.json');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
  fs.renameSync(`${file}.tmp`, file);
}
