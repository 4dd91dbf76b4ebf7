// 文件 → 导出为 Word (Ctrl+E): the page on screen names its main document; the menu runs that export.
import { useEffect, useRef } from 'react';

let current: (() => void) | null = null;

/** While the calling page is shown, the export command runs `run` (the page's own export button); null: none. */
export function useExportCommand(run: (() => void) | null): void {
  const ref = useRef(run);
  useEffect(() => {
    ref.current = run;
  });
  const active = run !== null;
  useEffect(() => {
    if (!active) return;
    const handler = () => ref.current?.();
    current = handler;
    return () => {
      if (current === handler) current = null;
    };
  }, [active]);
}

/** Runs the shown page's export; false when the page has no document to export. */
export function runExportCommand(): boolean {
  if (!current) return false;
  current();
  return true;
}
