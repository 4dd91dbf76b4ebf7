// The editing toolbar: block type, inline formats, lists, tables, chapters, undo/redo, find.
import { BoldOutlined, ItalicOutlined, OrderedListOutlined, RedoOutlined, SearchOutlined, TableOutlined, UnderlineOutlined, UndoOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Divider, Dropdown, Select, Space, Tooltip } from 'antd';
import { memo } from 'react';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { insertTable, setBlockType, tableAction, toggleList, type BlockChoice } from '../../editor/commands';

export interface ToolbarProps {
  active: () => LexicalEditor | undefined;
  onAddChapter: (kind: 'body' | 'annex') => void;
  onFind: () => void;
}

export const EditorToolbar = memo(function EditorToolbar({ active, onAddChapter, onFind }: ToolbarProps) {
  // Toolbar buttons must not steal the editor's selection.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  const on = (fn: (e: LexicalEditor) => void) => () => {
    const e = active();
    if (e) fn(e);
  };
  return (
    <div className="editor-toolbar" onMouseDown={keep} data-testid="editor-toolbar">
      <Space size={4} wrap>
        <Select<BlockChoice>
          size="small"
          style={{ width: 110 }}
          placeholder="段落样式"
          value={null as unknown as BlockChoice}
          onChange={(v) => on((e) => setBlockType(e, v))()}
          options={[
            { value: 'paragraph', label: '正文段落' },
            { value: 2, label: '二级标题' },
            { value: 3, label: '三级标题' },
            { value: 4, label: '四级标题' },
          ]}
          data-testid="block-type"
        />
        <Tooltip title="加粗 Ctrl+B"><Button size="small" icon={<BoldOutlined />} onClick={on((e) => e.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'))} /></Tooltip>
        <Tooltip title="倾斜 Ctrl+I"><Button size="small" icon={<ItalicOutlined />} onClick={on((e) => e.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'))} /></Tooltip>
        <Tooltip title="下划线 Ctrl+U"><Button size="small" icon={<UnderlineOutlined />} onClick={on((e) => e.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'))} /></Tooltip>
        <Divider type="vertical" />
        <Tooltip title="项目符号列表"><Button size="small" icon={<UnorderedListOutlined />} onClick={on((e) => toggleList(e, 'bullet'))} /></Tooltip>
        <Tooltip title="编号列表"><Button size="small" icon={<OrderedListOutlined />} onClick={on((e) => toggleList(e, 'number'))} /></Tooltip>
        <Divider type="vertical" />
        <Tooltip title="插入表格（3×3，首行为表头）"><Button size="small" icon={<TableOutlined />} onClick={on((e) => insertTable(e))} data-testid="insert-table">表格</Button></Tooltip>
        <Dropdown
          menu={{
            items: [
              { key: 'row-below', label: '在下方插入行' },
              { key: 'column-right', label: '在右侧插入列' },
              { key: 'delete-row', label: '删除所在行' },
              { key: 'delete-column', label: '删除所在列' },
            ],
            onClick: ({ key }) => on((e) => tableAction(e, key as Parameters<typeof tableAction>[1]))(),
          }}
        >
          <Button size="small" data-testid="table-menu">表格操作</Button>
        </Dropdown>
        <Divider type="vertical" />
        <Button size="small" onClick={() => onAddChapter('body')} data-testid="add-chapter">新增章</Button>
        <Button size="small" onClick={() => onAddChapter('annex')} data-testid="add-annex">新增附件</Button>
        <Divider type="vertical" />
        <Tooltip title="撤销 Ctrl+Z"><Button size="small" icon={<UndoOutlined />} onClick={on((e) => e.dispatchCommand(UNDO_COMMAND, undefined))} /></Tooltip>
        <Tooltip title="重做 Ctrl+Y"><Button size="small" icon={<RedoOutlined />} onClick={on((e) => e.dispatchCommand(REDO_COMMAND, undefined))} /></Tooltip>
        <Tooltip title="查找替换 Ctrl+F"><Button size="small" icon={<SearchOutlined />} onClick={onFind} data-testid="open-find">查找替换</Button></Tooltip>
      </Space>
    </div>
  );
});
