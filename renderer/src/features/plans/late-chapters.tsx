// Chapters far from where the plan opens get their editor late: the first screen is editable at once,
// the rest mount one chapter per task after it, and a chapter scrolled into view or pressed mounts at once.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { blocksText, charCount } from '@shared/doc-model';
import type { Chapter } from './use-plan-session';

/** About two screens of text: what is mounted before the first paint, from the chapter that opens. */
const FIRST_SCREEN_CHARS = 4000;

function chars(c: Chapter): number {
  return c.sections.reduce((n, s) => n + charCount(s.title) + charCount(blocksText(s.body)), 0);
}

/** The chapters left for later: all but those from the opening chapter on that fill the first screen. */
function farChapters(chapters: Chapter[], openAt: string | null | undefined): Set<string> {
  const start = Math.max(0, chapters.findIndex((c) => c.id === openAt || c.sections.some((s) => s.id === openAt)));
  const near = new Set<string>();
  for (let i = start, n = 0; i < chapters.length && n < FIRST_SCREEN_CHARS; i++) {
    near.add(chapters[i]!.id);
    n += chars(chapters[i]!);
  }
  return new Set(chapters.map((c) => c.id).filter((id) => !near.has(id)));
}

function without(set: ReadonlySet<string>, ids: string[]): ReadonlySet<string> {
  if (!ids.some((id) => set.has(id))) return set;
  const next = new Set(set);
  ids.forEach((id) => next.delete(id));
  return next;
}

export function useLateChapters(chapters: Chapter[], openAt: string | null | undefined) {
  const [pending, setPending] = useState<ReadonlySet<string>>(() => farChapters(chapters, openAt));
  // One chapter per task, in document order, each after the previous one has been painted.
  useEffect(() => {
    const next = chapters.find((c) => pending.has(c.id));
    if (!next) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPending((p) => without(p, [next.id])), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [pending, chapters]);
  /** Mounts these chapters now (synchronously: their editors exist when this returns). */
  const mountNow = useCallback((ids: string[] | 'all') => {
    flushSync(() => setPending((p) => (ids === 'all' ? new Set<string>() : without(p, ids))));
  }, []);
  return { pending, mountNow };
}

/**
 * A chapter whose editor is not mounted yet: its heading and a block about as tall as its text, so that
 * the scroll bar is right. Scrolled into view or pressed, it asks to be mounted.
 */
export const PendingChapter = memo(function PendingChapter({ chapter, number, onNeed }: { chapter: Chapter; number: string; onNeed: (chapterId: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onNeed(chapter.id));
    io.observe(el);
    return () => io.disconnect();
  }, [chapter.id, onNeed]);
  // 16 px 仿宋 at 1.9 line height in a 732 px column: about 45 characters a line, 30 px a line.
  const height = Math.round((chars(chapter) / 45 + chapter.sections.reduce((n, s) => n + 1 + s.body.length * 0.6, 0)) * 30);
  return (
    <div ref={ref} className="chapter chapter-pending" data-chapter-id={chapter.id} style={{ height }} onMouseDown={() => onNeed(chapter.id)}>
      <div className="doc-h" data-level="1" data-kind={chapter.kind} data-number={number}>{chapter.sections[0]!.title}</div>
      <div className="chapter-loading">正在载入…</div>
    </div>
  );
});
