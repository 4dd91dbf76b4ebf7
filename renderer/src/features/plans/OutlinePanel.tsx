// 大纲: every heading with its number; click to jump, drag to move a section with its content.
import { Typography } from 'antd';
import { memo, useState } from 'react';
import type { OutlineEntry } from '@shared/chapter-json';

export interface OutlineItem extends OutlineEntry {
  number: string;
}

export const OutlinePanel = memo(function OutlinePanel({ items, current, onJump, onMove }: { items: OutlineItem[]; current: string | null; onJump: (id: string) => void; onMove: (id: string, beforeId: string | null) => void }) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const drop = (beforeId: string | null) => {
    if (dragging && dragging !== beforeId) onMove(dragging, beforeId);
    setDragging(null);
    setOver(null);
  };
  return (
    <div className="outline" data-testid="outline">
      <Typography.Text strong>大纲</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 6px' }}>点击跳转，拖动可移动章节及其内容</Typography.Paragraph>
      {items.map((h) => (
        <div
          key={h.id}
          className={`outline-item${h.id === current ? ' current' : ''}${over === h.id ? ' drop-target' : ''}`}
          style={{ paddingLeft: (h.level - 1) * 12 }}
          draggable
          onDragStart={(e) => {
            setDragging(h.id);
            e.dataTransfer.setData('text/plain', h.id);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(h.id);
          }}
          onDragLeave={() => setOver((o) => (o === h.id ? null : o))}
          onDrop={(e) => {
            e.preventDefault();
            drop(h.id);
          }}
          onClick={() => onJump(h.id)}
          data-outline-id={h.id}
          title={h.title}
        >
          <span className="outline-number">{h.number}</span> {h.title || '（无标题）'}
        </div>
      ))}
      <div
        className={`outline-end${over === '__end' ? ' drop-target' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver('__end');
        }}
        onDrop={(e) => {
          e.preventDefault();
          drop(null);
        }}
        data-testid="outline-end"
      >
        移到末尾
      </div>
    </div>
  );
});
