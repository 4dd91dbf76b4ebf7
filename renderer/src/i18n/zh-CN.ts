// The UI's words in one place.

export const nav = {
  home: '工作台',
  plans: '预案库',
  drills: '演练计划',
  scripts: '演练脚本与实施',
  evaluation: '评估与整改',
  templates: '模板库',
  settings: '设置',
} as const;

export type RouteKey = keyof typeof nav;

export const t = {
  appName: '应急预案与演练工作台',
  save: '保存',
  saved: '已保存',
  saving: '正在保存…',
  cancel: '取消',
  add: '添加',
  remove: '删除',
  reload: '刷新',
  loadFailed: '加载失败',
  browserMode: '浏览器模式',
  electronMode: '桌面版',
} as const;
