// Which sections an edit touched, and those sections alone: in a real (headless) Lexical editor holding a
// chapter, a partial collect must equal the full collect restricted to the same sections, for every kind of edit.
import { createHeadlessEditor } from '@lexical/headless';
import { ListItemNode, ListNode } from '@lexical/list';
import { $isTableCellNode, TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import fc from 'fast-check';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { chapterToState, stateToChapter, type EditorStateJSON } from '../../electron/shared/chapter-json';
import { list, paragraph, table, text, type PlanSection } from '../../electron/shared/doc-model';
import { $dirtySections, $sectionsJSON } from '../../renderer/src/editor/chapter-sections';
import { PlaceholderNode } from '../../renderer/src/editor/nodes/PlaceholderNode';
import { SectionHeadingNode } from '../../renderer/src/editor/nodes/SectionHeadingNode';

const CHAPTER = { id: 's-ch', title: '应急响应', kind: 'body' as const };
const SECTIONS: PlanSection[] = [
  { id: 's-ch', level: 1, kind: 'body', title: '应急响应', body: [paragraph([text('本章总述。')])] },
  { id: 's-a', level: 2, kind: 'body', title: '分级响应', body: [paragraph([text('按照事件等级分为四级。')]), list('bullet', [[text('一级')], [text('二级')]])] },
  { id: 's-b', level: 3, kind: 'body', title: '响应措施', body: [table([[[text('单位')], [text('职责')]], [[text('区应急局')], [text('统筹协调')]]])] },
  { id: 's-c', level: 2, kind: 'body', title: '响应结束', body: [paragraph([text('险情消除后结束响应。')]), paragraph([text('转入恢复重建。')])] },
];

interface Seen {
  sections: Set<string> | 'all';
}

function chapterEditor(): { editor: LexicalEditor; seen: Seen[] } {
  const editor = createHeadlessEditor({
    namespace: 'chapter-sections-test',
    nodes: [SectionHeadingNode, PlaceholderNode, ListNode, ListItemNode, TableNode, TableRowNode, TableCellNode],
    onError: (e) => {
      throw e;
    },
  });
  editor.setEditorState(editor.parseEditorState(chapterToState(SECTIONS) as never));
  const seen: Seen[] = [];
  editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, prevEditorState }) => {
    if (prevEditorState.isEmpty()) return;
    editorState.read(() => seen.push({ sections: $dirtySections(dirtyElements, dirtyLeaves, CHAPTER.id) }));
  });
  return { editor, seen };
}

const full = (editor: LexicalEditor) => stateToChapter(editor.getEditorState().toJSON() as unknown as EditorStateJSON, CHAPTER, () => undefined);
const partial = (editor: LexicalEditor, only: Set<string>) => editor.getEditorState().read(() => $sectionsJSON(only, CHAPTER, () => undefined));

/** Every text node of the chapter, in document order. */
function $texts(): LexicalNode[] {
  const out: LexicalNode[] = [];
  const walk = (n: LexicalNode) => ($isTextNode(n) ? out.push(n) : $isElementNode(n) && n.getChildren().forEach(walk));
  walk($getRoot());
  return out;
}

describe('the sections an edit touched', () => {
  it('names the section of a typed paragraph, and the chapter for its first section', () => {
    const { editor, seen } = chapterEditor();
    editor.update(() => ($texts().find((t) => t.getTextContent() === '转入恢复重建。') as ReturnType<typeof $createTextNode>).setTextContent('转入恢复重建阶段。'), { discrete: true });
    editor.update(() => ($texts().find((t) => t.getTextContent() === '本章总述。') as ReturnType<typeof $createTextNode>).setTextContent('本章总述（修订）。'), { discrete: true });
    expect(seen.map((s) => s.sections)).toEqual([new Set(['s-c']), new Set(['s-ch'])]);
  });

  it('names the section of a table cell and of a list item', () => {
    const { editor, seen } = chapterEditor();
    editor.update(() => ($texts().find((t) => t.getTextContent() === '统筹协调') as ReturnType<typeof $createTextNode>).setTextContent('统筹协调处置'), { discrete: true });
    editor.update(() => ($texts().find((t) => t.getTextContent() === '二级') as ReturnType<typeof $createTextNode>).setTextContent('二级响应'), { discrete: true });
    // The table's section alone: not the chapter's own (a cell's paragraph has no heading above it in the cell).
    const [cell, item] = seen.map((s) => s.sections) as Set<string>[];
    expect(cell).toEqual(new Set(['s-b']));
    expect(item).toEqual(new Set(['s-a']));
  });

  it('says "all" for a whole new state (as undo sets) and for a removed block', () => {
    const { editor, seen } = chapterEditor();
    const before = editor.getEditorState();
    editor.update(() => ($texts()[1] as ReturnType<typeof $createTextNode>).setTextContent('改'), { discrete: true });
    // The history plugin's undo puts back an earlier state object: only the root is marked.
    editor.setEditorState(before);
    expect(seen[1]!.sections).toBe('all');
    editor.update(() => $getRoot().getLastChild()!.remove(), { discrete: true });
    // A removal marks its neighbours: either the section it left is named, or the whole chapter.
    const removal = seen[2]!.sections;
    expect(removal === 'all' || removal.has('s-c')).toBe(true);
  });

  it('collects the named sections exactly as the whole chapter would give them', () => {
    const { editor } = chapterEditor();
    const whole = full(editor);
    for (const only of [['s-ch'], ['s-b'], ['s-a', 's-c'], SECTIONS.map((s) => s.id)]) {
      expect(partial(editor, new Set(only))).toEqual(whole.filter((s) => only.includes(s.id)));
    }
    expect(partial(editor, new Set(['s-gone']))).toBeNull();
  });

  it('for any sequence of typing, new paragraphs and cell edits, saving the sections named equals saving the chapter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('type', 'paragraph', 'cell'), word: fc.constantFrom('预警', '转移', '值守', '。') }), { minLength: 1, maxLength: 12 }),
        (edits) => {
          const { editor, seen } = chapterEditor();
          let saved = full(editor);
          for (const e of edits) {
            editor.update(
              () => {
                const texts = $texts();
                const t = texts[e.at % texts.length] as ReturnType<typeof $createTextNode>;
                if (e.kind === 'type') t.setTextContent(t.getTextContent() + e.word);
                else if (e.kind === 'paragraph') t.getTopLevelElementOrThrow().insertAfter($createParagraphNode().append($createTextNode(e.word)));
                else {
                  const cell = texts.map((x) => x.getParent()?.getParent()).find((p) => p && $isTableCellNode(p));
                  cell?.getFirstDescendant<ReturnType<typeof $createTextNode>>()?.setTextContent(e.word);
                }
              },
              { discrete: true },
            );
            // What the save would send: the named sections replace theirs; 'all' sends the chapter.
            const named = seen[seen.length - 1]!.sections;
            if (named === 'all') saved = full(editor);
            else {
              const part = partial(editor, named)!;
              saved = saved.map((s) => part.find((p) => p.id === s.id) ?? s);
            }
            expect(saved).toEqual(full(editor));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
