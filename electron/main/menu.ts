// The Chinese application menu: 文件 编辑 视图 帮助.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/contract';

export function menuTemplate(send: (command: MenuCommand) => void, quit: () => void): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        // Not Ctrl+H: the plan editor's 查找替换 keeps it, as in Word.
        { label: '工作台', accelerator: 'CmdOrCtrl+Shift+H', click: () => send('navigate:home') },
        { label: '设置', accelerator: 'CmdOrCtrl+,', click: () => send('navigate:settings') },
        { type: 'separator' },
        { label: '导出为 Word…', accelerator: 'CmdOrCtrl+E', click: () => send('export-document') },
        { type: 'separator' },
        { label: '退出', accelerator: 'CmdOrCtrl+Q', click: quit },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        { label: '开发者工具', role: 'toggleDevTools' },
      ],
    },
    { label: '帮助', submenu: [{ label: '关于应急预案与演练工作台', click: () => send('about') }] },
  ];
}
