// The open plan: chapter editors, their outlines and numbers, autosave within a second, cursor memory.
import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { stateToChapter, type EditorStateJSON, type OutlineEntry } from '@shared/chapter-json';
import type { PlanSection, SectionKind } from '@shared/doc-model';
import { headingNumbers } from '@shared/numbering';
import type { Input } from '@shared/contract';
import type { PlanDetail } from '@shared/schemas/plan';
import { ApiError, errorText, request } from '../../api/client';
import { $sectionsJSON } from '../../editor/chapter-sections';
import { reassignSectionId } from '../../editor/commands';
import { newSectionId } from '../../editor/ids';
import type { ChapterReports } from '../../editor/plugins/ReportPlugin';
import { createSaveStatus, type SaveState } from './save-status';

/** A change is saved at most this long after it is made (typing without pause still saves every second). */
export const AUTOSAVE_MS = 1000;
/** Of that second, how long a save may wait for the main thread to idle after a frame (see `schedule`). */
const IDLE_WAIT_MS = 200;
const SHOW_SAVING_AFTER_MS = 300;

export interface Chapter {
  id: string;
  kind: SectionKind;
  sections: PlanSection[];
}

function chaptersOf(sections: PlanSection[]): Chapter[] {
  const out: Chapter[] = [];
  for (const s of sections) {
    if (s.level === 1 || out.length === 0) out.push({ id: s.id, kind: s.kind, sections: [s] });
    else out[out.length - 1]!.sections.push(s);
  }
  return out;
}

export function usePlanSession(plan: PlanDetail, onError: (text: string) => void) {
  const [chapters, setChapters] = useState<Chapter[]>(() => chaptersOf(plan.doc.sections));
  const [outlines, setOutlines] = useState<Map<string, OutlineEntry[]>>(
    () => new Map(chaptersOf(plan.doc.sections).map((c) => [c.id, c.sections.map((s) => ({ id: s.id, level: s.level, kind: s.kind, title: s.title }))])),
  );
  const [status] = useState(() => createSaveStatus({ state: 'saved', savedAt: null, charCount: plan.charCount, saves: 0 }));
  /** Another window saved this plan since: saving stops (it would overwrite that), the planner is told why. */
  const [stale, setStale] = useState<string | null>(null);
  const staleRef = useRef<string | null>(null);
  // Once stale, the tag keeps saying so whatever is typed next.
  const setSaveState = useCallback((state: SaveState) => !staleRef.current && status.get().state !== state && status.set({ state }), [status]);
  /** Each section as it was last sent, while unchanged since: what the side panel reads instead of collecting again. */
  const lastSaved = useRef(new Map<string, PlanSection>());
  const [cursor, setCursor] = useState<string | null>(plan.cursorSectionId);
  const editors = useRef(new Map<string, LexicalEditor>());
  /** Chapters changed since their last save: the sections changed in each, or 'all' to save it whole. */
  const dirty = useRef(new Map<string, Set<string> | 'all'>());
  const removed = useRef(new Set<string>());
  const orderDirty = useRef(false);
  const timer = useRef<number | null>(null);
  const idle = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const cursorRef = useRef(cursor);
  /** The plan's content write this window's copy follows (see PlanSummary.saveSeq). */
  const baseSeq = useRef(plan.saveSeq);
  const lineage = useMemo(() => new Map(plan.doc.sections.filter((s) => s.lineage).map((s) => [s.id, s.lineage!])), [plan]);
  const chaptersRef = useRef(chapters);
  chaptersRef.current = chapters;

  const order = useMemo(() => chapters.map((c) => c.id), [chapters]);
  const numbers = useMemo(() => {
    const flat = order.flatMap((id) => outlines.get(id) ?? []);
    const labels = headingNumbers(flat, plan.doc.numbering);
    // Decimal numbers are set off by a full-width space (as in the Word export); 一、（一） need none.
    const gap = plan.doc.numbering === 'decimal' ? '\u3000' : '';
    return new Map(flat.map((h, i) => [h.id, `${labels[i]!}${h.level === 1 && h.kind === 'annex' ? '' : gap}`]));
  }, [outlines, order, plan.doc.numbering]);

  /** A chapter's sections as its editor holds them: all, or only those in `only` (null if one is not there). */
  const collect = useCallback(
    (chapterId: string, only?: ReadonlySet<string>): PlanSection[] | null => {
      const editor = editors.current.get(chapterId);
      const ch = chaptersRef.current.find((c) => c.id === chapterId);
      if (!editor || !ch) return null;
      const meta = { id: chapterId, title: ch.sections[0]!.title, kind: ch.kind };
      const lineageOf = (id: string) => lineage.get(id);
      if (only) return editor.getEditorState().read(() => $sectionsJSON(only, meta, lineageOf));
      return stateToChapter(editor.getEditorState().toJSON() as unknown as EditorStateJSON, meta, lineageOf);
    },
    [lineage],
  );

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    if (idle.current !== null) {
      window.cancelIdleCallback(idle.current);
      idle.current = null;
    }
    if (inFlight.current) await inFlight.current;
    if (staleRef.current) return;
    if (dirty.current.size === 0 && removed.current.size === 0 && !orderDirty.current) return;
    const changes = [...dirty.current];
    const gone = [...removed.current];
    dirty.current.clear();
    removed.current.clear();
    orderDirty.current = false;
    const job = (async () => {
      // A save usually answers within a frame or two: "saving" is shown only for a slow one, sparing a repaint.
      const slow = window.setTimeout(() => setSaveState('saving'), SHOW_SAVING_AFTER_MS);
      try {
        // Sections edited in place go alone; a chapter whose headings changed (or that cannot be cut) goes whole.
        const saved: { id: string; sections: PlanSection[] }[] = [];
        const edits: { chapterId: string; section: PlanSection }[] = [];
        for (const [id, which] of changes) {
          const part = which === 'all' ? null : collect(id, which);
          if (part) part.forEach((section) => edits.push({ chapterId: id, section }));
          else {
            const sections = collect(id);
            if (sections) saved.push({ id, sections });
          }
        }
        const summary = await request('plan.save', {
          id: plan.id,
          // BlockJSON is the strict shape of what the schema's loose objects check.
          chapters: saved as unknown as Input<'plan.save'>['chapters'],
          sections: edits as unknown as Input<'plan.save'>['sections'],
          chapterOrder: chaptersRef.current.map((c) => c.id),
          removeChapters: gone,
          cursorSectionId: cursorRef.current,
          baseSeq: baseSeq.current,
        });
        baseSeq.current = summary.saveSeq;
        // A chapter edited while the request was out is newer than what was sent.
        const sent = [...saved.flatMap((c) => c.sections.map((section) => ({ chapterId: c.id, section }))), ...edits];
        sent.forEach(({ chapterId, section }) => !dirty.current.has(chapterId) && lastSaved.current.set(section.id, section));
        status.set({ state: dirty.current.size ? 'dirty' : 'saved', savedAt: new Date(), charCount: summary.charCount, saves: status.get().saves + 1 });
      } catch (e) {
        // Saved whole next time: what was refused may have been a section the core no longer holds as sent.
        changes.forEach(([id]) => dirty.current.set(id, 'all'));
        gone.forEach((id) => removed.current.add(id));
        if (e instanceof ApiError && e.error.code === 'STALE') {
          status.set({ state: 'stale' });
          staleRef.current = errorText(e);
          setStale(staleRef.current);
        } else {
          setSaveState('error');
          onError(errorText(e));
        }
      } finally {
        window.clearTimeout(slow);
      }
    })();
    inFlight.current = job;
    await job;
    inFlight.current = null;
  }, [collect, plan.id, onError, status, setSaveState]);

  // A timer alone could fire between a keystroke and its frame, and the save's few milliseconds would hold the frame
  // back to the next vsync. Near its time the save waits for the idle gap after a frame instead (at most IDLE_WAIT_MS).
  const schedule = useCallback(() => {
    if (timer.current !== null || staleRef.current) return;
    timer.current = window.setTimeout(() => {
      idle.current = window.requestIdleCallback(() => void saveNow(), { timeout: IDLE_WAIT_MS });
    }, AUTOSAVE_MS - IDLE_WAIT_MS);
  }, [saveNow]);

  /** Saves what is pending before an operation on the stored plan; throws if this window's copy is outdated. */
  const saveBeforeChange = useCallback(async (): Promise<void> => {
    await saveNow();
    if (staleRef.current) throw new Error(staleRef.current);
  }, [saveNow]);

  const reports = useMemo<ChapterReports>(
    () => ({
      onDirty(chapterId, sections) {
        const before = dirty.current.get(chapterId);
        if (!before) setSaveState('dirty');
        if (sections === 'all' || before === 'all') dirty.current.set(chapterId, 'all');
        else dirty.current.set(chapterId, new Set([...(before ?? []), ...sections]));
        for (const id of sections === 'all' ? (outlinesRef.current.get(chapterId) ?? []).map((h) => h.id) : sections) lastSaved.current.delete(id);
        schedule();
      },
      onOutline(chapterId, outline) {
        // A heading pasted from elsewhere carries another section's id: give the copy its own.
        const seen = new Map<string, number>();
        for (const [other, entries] of outlinesRef.current) if (other !== chapterId) entries.forEach((e) => seen.set(e.id, 1));
        const counts = new Map<string, number>();
        for (const e of outline) {
          const n = counts.get(e.id) ?? 0;
          counts.set(e.id, n + 1);
          if (n > 0 || (seen.has(e.id) && e.level !== 1)) {
            const editor = editors.current.get(chapterId);
            if (editor) queueMicrotask(() => reassignSectionId(editor, e.id, n > 0 ? n : 0));
          }
        }
        setOutlines((m) => new Map(m).set(chapterId, outline));
      },
      onCursor(_chapterId, sectionId) {
        cursorRef.current = sectionId;
        setCursor(sectionId);
      },
    }),
    [schedule, setSaveState],
  );
  const outlinesRef = useRef(outlines);
  outlinesRef.current = outlines;

  const register = useCallback((chapterId: string, editor: LexicalEditor | null) => {
    if (editor) editors.current.set(chapterId, editor);
    else editors.current.delete(chapterId);
  }, []);

  const addChapter = useCallback(
    (kind: SectionKind) => {
      const id = newSectionId();
      const section: PlanSection = { id, level: 1, kind, title: kind === 'annex' ? '新附件' : '新章节', body: [] };
      setChapters((cs) => {
        const firstAnnex = cs.findIndex((c) => c.kind === 'annex');
        const at = kind === 'body' && firstAnnex >= 0 ? firstAnnex : cs.length;
        return [...cs.slice(0, at), { id, kind, sections: [section] }, ...cs.slice(at)];
      });
      setOutlines((m) => new Map(m).set(id, [{ id, level: 1, kind, title: section.title }]));
      dirty.current.set(id, 'all');
      setSaveState('dirty');
      schedule();
      return id;
    },
    [schedule, setSaveState],
  );

  const removeChapter = useCallback(
    (chapterId: string) => {
      setChapters((cs) => cs.filter((c) => c.id !== chapterId));
      setOutlines((m) => {
        const n = new Map(m);
        n.delete(chapterId);
        return n;
      });
      dirty.current.delete(chapterId);
      removed.current.add(chapterId);
      setSaveState('dirty');
      schedule();
    },
    [schedule, setSaveState],
  );

  /** A section as the editor holds it: from the chapter's last saved copy while nothing changed since. */
  const sectionOf = useCallback(
    (chapterId: string, sectionId: string) => lastSaved.current.get(sectionId) ?? collect(chapterId, new Set([sectionId]))?.[0] ?? null,
    [collect],
  );

  // Leaving the page or hiding the window saves what is pending.
  useEffect(() => {
    const flush = () => void saveNow();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      void saveNow();
    };
  }, [saveNow]);

  return { chapters, outlines, numbers, order, status, cursor, editors, reports, register, saveNow, saveBeforeChange, stale, sectionOf, collect, addChapter, removeChapter, lineage };
}
