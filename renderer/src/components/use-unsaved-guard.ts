// Unsaved edits are not lost by a click in the navigation or a closed window: one confirm names what would be lost.
import { App as AntApp } from 'antd';
import { useEffect } from 'react';
import { setLeaveCheck } from '../route';

/** What each mounted editor with unsaved changes calls itself, e.g. “区情信息”. */
const unsaved = new Map<symbol, string>();

function onBeforeUnload(e: BeforeUnloadEvent): void {
  // The browser (or Electron's main process) asks; the text of its question is its own.
  e.preventDefault();
  e.returnValue = '';
}

/**
 * While `dirty`, leaving the page by its route asks first (antd confirm), and closing or reloading the
 * window triggers `beforeunload`. `what` names the editor in the question.
 */
export function useUnsavedGuard(dirty: boolean, what: string): void {
  const { modal } = AntApp.useApp();
  useEffect(() => {
    if (!dirty) return;
    const key = Symbol(what);
    unsaved.set(key, what);
    window.addEventListener('beforeunload', onBeforeUnload);
    setLeaveCheck(
      () =>
        new Promise<boolean>((resolve) => {
          modal.confirm({
            title: '有未保存的修改',
            content: `${[...unsaved.values()].join('、')}的修改尚未保存，离开本页将丢失这些修改。`,
            okText: '放弃修改并离开',
            okButtonProps: { danger: true },
            cancelText: '留在本页',
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          });
        }),
    );
    return () => {
      unsaved.delete(key);
      if (unsaved.size === 0) {
        setLeaveCheck(null);
        window.removeEventListener('beforeunload', onBeforeUnload);
      }
    };
  }, [dirty, what, modal]);
}
