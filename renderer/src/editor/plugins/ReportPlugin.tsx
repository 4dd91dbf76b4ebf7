// Tells the plan editor what changed in this chapter: dirty content, its headings (when they change), the cursor's section.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { useCallback, useEffect, useRef } from 'react';
import type { OutlineEntry } from '@shared/chapter-json';
import { $blockOf, $dirtySections, $headingAbove, $headingsMayChange } from '../chapter-sections';
import { $isSectionHeadingNode } from '../nodes/SectionHeadingNode';

export interface ChapterReports {
  /** Content changed: in these sections (by id), or anywhere in the chapter ('all'). */
  onDirty(chapterId: string, sections: ReadonlySet<string> | 'all'): void;
  onOutline(chapterId: string, outline: OutlineEntry[]): void;
  onCursor(chapterId: string, sectionId: string): void;
}

function $outline(): OutlineEntry[] {
  return $getRoot()
    .getChildren()
    .filter($isSectionHeadingNode)
    .map((h) => ({ id: h.getSectionId(), level: h.getLevel(), kind: h.getKind(), title: h.getTextContent() }));
}

/** The section the cursor is in: the nearest heading at or above the cursor's top-level block. */
function $cursorSection(): string | null {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return null;
  return $headingAbove($blockOf(sel.anchor.getNode()))?.getSectionId() ?? null;
}

/** Tag for programmatic edits made on the user's behalf (find/replace, toolbar) that must be saved. */
export const USER_EDIT = 'workbench-user-edit';

const INPUT_EVENTS = ['mousedown', 'keydown', 'beforeinput', 'paste', 'drop', 'cut', 'compositionstart'] as const;

export function ReportPlugin({ chapterId, reports }: { chapterId: string; reports: ChapterReports }) {
  const [editor] = useLexicalComposerContext();
  const lastOutline = useRef('');
  const lastCursor = useRef('');
  /** The caret's text node when the cursor's section was last worked out: while typing it stays the same. */
  const lastAnchor = useRef<string | null>(null);
  // Plugins normalise a freshly loaded state (tables, lists); only what follows user input is a change to save.
  const touched = useRef(false);
  const touch = useCallback(() => {
    touched.current = true;
  }, []);
  // Back in this chapter from another one, the cursor is reported again even where it was before.
  const forget = useCallback(() => {
    lastAnchor.current = null;
    lastCursor.current = '';
  }, []);
  useEffect(
    () =>
      editor.registerRootListener((root, prev) => {
        // Capture phase: Lexical handles Enter and some Backspaces in its own keydown listener and commits the
        // update there; the edit must already count as the user's when its update listener runs.
        INPUT_EVENTS.forEach((ev) => prev?.removeEventListener(ev, touch, true));
        INPUT_EVENTS.forEach((ev) => root?.addEventListener(ev, touch, true));
        prev?.removeEventListener('focus', forget);
        root?.addEventListener('focus', forget);
      }),
    [editor, touch, forget],
  );
  useEffect(() => {
    lastOutline.current = JSON.stringify(editor.getEditorState().read($outline));
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      if (prevEditorState.isEmpty()) return;
      if (tags.has(USER_EDIT)) touched.current = true;
      if (!touched.current) return;
      editorState.read(() => {
        const dirty = dirtyElements.size > 0 || dirtyLeaves.size > 0;
        // Typing in a paragraph cannot change the headings: the walk over them is skipped then.
        const mayRestructure = dirty && $headingsMayChange(dirtyElements);
        // The caret's section changes only with its node or with the headings (a paragraph made a heading keeps its text node).
        const sel = $getSelection();
        const anchor = $isRangeSelection(sel) ? sel.anchor.key : null;
        if (anchor !== null && (anchor !== lastAnchor.current || mayRestructure)) {
          lastAnchor.current = anchor;
          const cursor = $cursorSection();
          if (cursor && cursor !== lastCursor.current) {
            lastCursor.current = cursor;
            reports.onCursor(chapterId, cursor);
          }
        }
        if (!dirty) return;
        const outline = mayRestructure ? $outline() : null;
        const sig = outline && JSON.stringify(outline);
        // Headings added, removed or renamed change the chapter's structure: it is saved whole.
        const restructured = outline !== null && sig !== lastOutline.current;
        reports.onDirty(chapterId, restructured ? 'all' : $dirtySections(dirtyElements, dirtyLeaves, chapterId));
        if (restructured) {
          lastOutline.current = sig!;
          reports.onOutline(chapterId, outline);
        }
      });
    });
  }, [editor, chapterId, reports]);
  return null;
}
