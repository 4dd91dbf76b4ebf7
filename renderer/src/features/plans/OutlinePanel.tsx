// 大纲: every heading with its number; click to jump, drag to move a section with its content (dropped on the
// upper half of a row it lands before that row, on the lower half after it).
// Only the rows in view are in the DOM: every frame the editor paints (each keystroke) re-walks whatever the
// outline holds, so 480 headings at 100k cost a millisecond of paint and layerizing per keystroke.
import { Typography } from 'antd';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { OutlineEntry } from '@shared/chapter-json';
import { OUTLINE_ROW_PX, rowsInView, scrollToRow } from './outline-rows';

export interface OutlineItem extends OutlineEntry {
  number: string;
}

/** Whether the pointer is over the lower half of the row it drags over: the section then lands after that row. */
function lowerHalf(e: React.DragEvent): boolean {
  const row = e.currentTarget.getBoundingClientRect();
  return e.clientY > row.top + row.height / 2;
}

export const OutlinePanel = memo(function OutlinePanel({ items, current, onJump, onMove }: { items: OutlineItem[]; current: string | null; onJump: (id: string) => void; onMove: (id: string, beforeId: string | null) => void }) {
  const [dragging, setDragging] = useState<string | null>(null);
  /** The row the dragged section would land at: before it, or (lower half of the row) after it. */
  const [over, setOver] = useState<{ id: string; after: boolean } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 900 });
  const frame = useRef(0);

  const measure = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = box.current;
      if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    });
  };
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setView({ top: el.scrollTop, height: el.clientHeight });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, []);

  // The section under the cursor stays in view, as in Word's navigation pane.
  useEffect(() => {
    const el = box.current;
    const at = items.findIndex((h) => h.id === current);
    if (!el || at < 0) return;
    const to = scrollToRow(at, list.current?.offsetTop ?? 0, el.scrollTop, el.clientHeight);
    if (to !== null) el.scrollTop = to;
    // Only when the cursor moves to another section: the planner's own scrolling is left alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const drop = (beforeId: string | null) => {
    if (dragging && dragging !== beforeId) onMove(dragging, beforeId);
    setDragging(null);
    setOver(null);
  };
  /** "After a row" is before the row that follows it, or the end. */
  const beforeOf = (id: string, after: boolean): string | null => {
    if (!after) return id;
    const at = items.findIndex((h) => h.id === id);
    return items[at + 1]?.id ?? null;
  };
  const [first, end] = rowsInView(items.length, list.current?.offsetTop ?? 0, view.top, view.height);
  return (
    <div className="outline" data-testid="outline" data-count={items.length} ref={box} onScroll={measure}>
      <Typography.Text strong>大纲</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 6px' }}>点击跳转，拖动可移动章节及其内容</Typography.Paragraph>
      <div ref={list} style={{ paddingTop: first * OUTLINE_ROW_PX, paddingBottom: (items.length - end) * OUTLINE_ROW_PX }}>
        {items.slice(first, end).map((h) => (
          <div
            key={h.id}
            className={`outline-item${h.id === current ? ' current' : ''}${over?.id === h.id ? (over.after ? ' drop-after' : ' drop-target') : ''}`}
            style={{ paddingLeft: (h.level - 1) * 12 }}
            draggable
            onDragStart={(e) => {
              setDragging(h.id);
              e.dataTransfer.setData('text/plain', h.id);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              e.preventDefault();
              const after = lowerHalf(e);
              setOver((o) => (o?.id === h.id && o.after === after ? o : { id: h.id, after }));
            }}
            onDragLeave={() => setOver((o) => (o?.id === h.id ? null : o))}
            onDrop={(e) => {
              e.preventDefault();
              drop(beforeOf(h.id, lowerHalf(e)));
            }}
            onClick={() => onJump(h.id)}
            data-outline-id={h.id}
            title={h.title}
          >
            <span className="outline-number">{h.number}</span> {h.title || '（无标题）'}
          </div>
        ))}
      </div>
      <div
        className={`outline-end${over?.id === '__end' ? ' drop-target' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver({ id: '__end', after: false });
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
