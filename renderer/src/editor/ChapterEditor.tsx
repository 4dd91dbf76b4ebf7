// One Lexical editor per chapter: typing, undo and autosave cost O(chapter), not O(plan).
import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { HISTORY_MERGE_TAG, type DOMConversionMap, type LexicalEditor } from 'lexical';
import { memo, useEffect } from 'react';
import { chapterToState } from '@shared/chapter-json';
import type { PlanSection } from '@shared/doc-model';
import { withCopyOnWriteNodes } from './copy-on-write-state';
import { PlaceholderNode } from './nodes/PlaceholderNode';
import { HEADING_NUMBER_ATTR } from './plan-clipboard';
import { SectionHeadingNode } from './nodes/SectionHeadingNode';
import { NumberingPlugin } from './plugins/NumberingPlugin';
import { PasteCleanupPlugin } from './plugins/PasteCleanupPlugin';
import { ReportPlugin, type ChapterReports } from './plugins/ReportPlugin';
import { TableTabPlugin } from './plugins/TableTabPlugin';
import { theme } from './theme';

export const EDITOR_NODES = [SectionHeadingNode, PlaceholderNode, ListNode, ListItemNode, TableNode, TableRowNode, TableCellNode];

export interface ChapterEditorProps {
  chapterId: string;
  sections: PlanSection[];
  numbers: ReadonlyMap<string, string>;
  /** Margin marks by section id (e.g. an open revision request). */
  marks?: ReadonlyMap<string, string>;
  reports: ChapterReports;
  register(chapterId: string, editor: LexicalEditor | null): void;
  readOnly?: boolean;
}

/** A heading number copied with the whole plan is shown elsewhere; pasted back here, the plan numbers it itself. */
const HTML_IMPORT: DOMConversionMap = {
  span: (el) => (el.hasAttribute(HEADING_NUMBER_ATTR) ? { conversion: () => ({ node: null, after: () => [] }), priority: 4 } : null),
};

/** Publishing or starting a new draft flips the editors without remounting them. */
function Editable({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}

/**
 * The chapter's content arrives after the plugins have registered their node transforms: registering a
 * transform on a filled editor marks every node of that type dirty and re-runs an update over them, once per
 * registration (the list, table and paste plugins make seven). The stored state is already clean.
 */
function LoadState({ sections }: { sections: PlanSection[] }) {
  const [editor] = useLexicalComposerContext();
  // A passive effect, as the plugins' registrations are: siblings' effects run in order, so this one runs last.
  useEffect(() => {
    const state = editor.parseEditorState(chapterToState(sections) as unknown as Parameters<LexicalEditor['parseEditorState']>[0]);
    editor.setEditorState(withCopyOnWriteNodes(editor, state), { tag: HISTORY_MERGE_TAG });
    // Loaded once per mount: a new plan state remounts the editor (key), it is never pushed into a live one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  return null;
}

function Register({ chapterId, register }: Pick<ChapterEditorProps, 'chapterId' | 'register'>) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    register(chapterId, editor);
    return () => register(chapterId, null);
  }, [editor, chapterId, register]);
  return null;
}

export const ChapterEditor = memo(function ChapterEditor({ chapterId, sections, numbers, marks, reports, register, readOnly }: ChapterEditorProps) {
  const initialConfig = {
    namespace: `chapter-${chapterId}`,
    nodes: EDITOR_NODES,
    theme,
    editable: !readOnly,
    editorState: null,
    html: { import: HTML_IMPORT },
    onError(error: Error) {
      console.error('[editor]', error);
    },
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="chapter" data-chapter-id={chapterId}>
        <RichTextPlugin
          contentEditable={<ContentEditable className="chapter-editable" spellCheck={false} aria-label="预案正文" data-testid={`chapter-${chapterId}`} />}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      {/* Merged cells from Word are kept (the export writes them); cell colours are dropped by the plugin. */}
      <TablePlugin hasCellMerge hasCellBackgroundColor={false} />
      <TableTabPlugin />
      <PasteCleanupPlugin />
      {/* After every plugin that registers a node transform (see LoadState). */}
      <LoadState sections={sections} />
      <NumberingPlugin numbers={numbers} marks={marks} />
      <ReportPlugin chapterId={chapterId} reports={reports} />
      <Register chapterId={chapterId} register={register} />
      <Editable editable={!readOnly} />
    </LexicalComposer>
  );
});
