// The chapter editors' node maps stay copy-on-write (Lexical's GenMap) through edits, undo-style restores and
// serialisation, with the same content a plain map gives: if a Lexical upgrade moves GenMap, this fails.
import { createHeadlessEditor } from '@lexical/headless';
import { ListItemNode, ListNode } from '@lexical/list';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, type EditorState, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { chapterToState, stateToChapter, type EditorStateJSON } from '../../electron/shared/chapter-json';
import { list, paragraph, table, text, type PlanSection } from '../../electron/shared/doc-model';
import { withCopyOnWriteNodes } from '../../renderer/src/editor/copy-on-write-state';
import { PlaceholderNode } from '../../renderer/src/editor/nodes/PlaceholderNode';
import { SectionHeadingNode } from '../../renderer/src/editor/nodes/SectionHeadingNode';

const META = { id: 's-ch', title: '应急响应', kind: 'body' as const };
const SECTIONS: PlanSection[] = [
  { id: 's-ch', level: 1, kind: 'body', title: '应急响应', body: [paragraph([text('本章总述。')])] },
  { id: 's-a', level: 2, kind: 'body', title: '分级响应', body: [paragraph([text('按照事件等级分为四级。')]), list('bullet', [[text('一级')], [text('二级')]])] },
  { id: 's-b', level: 3, kind: 'body', title: '响应措施', body: [table([[[text('单位')], [text('职责')]], [[text('区应急局')], [text('统筹协调')]]])] },
];

function editorWith(copyOnWrite: boolean): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'copy-on-write-test',
    nodes: [SectionHeadingNode, PlaceholderNode, ListNode, ListItemNode, TableNode, TableRowNode, TableCellNode],
    onError: (e) => {
      throw e;
    },
  });
  const state = editor.parseEditorState(chapterToState(SECTIONS) as unknown as Parameters<LexicalEditor['parseEditorState']>[0]);
  editor.setEditorState(copyOnWrite ? withCopyOnWriteNodes(editor, state) : state);
  return editor;
}

const genMap = (editor: LexicalEditor) => (editor as unknown as { _keyToDOMMap: object })._keyToDOMMap.constructor;
const sectionsOf = (state: EditorState) => stateToChapter(state.toJSON() as unknown as EditorStateJSON, META, () => undefined);

/** Typing at the end of the first paragraph, a new paragraph, a removal: what a planner's edits write. */
function edit(editor: LexicalEditor, step: number): void {
  editor.update(
    () => {
      const blocks = $getRoot().getChildren();
      const p = blocks[1];
      if (step % 5 === 4 && blocks.length > 6) blocks[blocks.length - 1]!.remove();
      else if (step % 3 === 2 && $isElementNode(p)) p.insertAfter($createParagraphNode().append($createTextNode(`新段落${step}`)));
      else if ($isElementNode(p)) p.append($createTextNode(`字${step}`));
    },
    { discrete: true },
  );
}

describe('copy-on-write node maps for the chapter editors', () => {
  it('gives the loaded state Lexical’s GenMap, and every state after an edit keeps one', () => {
    const editor = editorWith(true);
    expect(genMap(editor)).not.toBe(Map);
    expect(editor.getEditorState()._nodeMap).toBeInstanceOf(genMap(editor));
    for (let i = 0; i < 30; i++) {
      edit(editor, i);
      expect(editor.getEditorState()._nodeMap).toBeInstanceOf(genMap(editor));
    }
  });

  it('holds the same content as a plain map through edits and a restore of an earlier state', () => {
    const plain = editorWith(false);
    const cow = editorWith(true);
    expect(plain.getEditorState()._nodeMap).toBeInstanceOf(Map);
    const early: EditorState[] = [];
    for (let i = 0; i < 40; i++) {
      edit(plain, i);
      edit(cow, i);
      if (i === 10) early.push(plain.getEditorState(), cow.getEditorState());
      expect(sectionsOf(cow.getEditorState())).toEqual(sectionsOf(plain.getEditorState()));
      expect(cow.getEditorState()._nodeMap.size).toBe(plain.getEditorState()._nodeMap.size);
    }
    // As undo does: set an earlier state again, then edit on from it.
    plain.setEditorState(early[0]!);
    cow.setEditorState(early[1]!);
    expect(sectionsOf(cow.getEditorState())).toEqual(sectionsOf(early[0]!));
    edit(plain, 100);
    edit(cow, 100);
    expect(sectionsOf(cow.getEditorState())).toEqual(sectionsOf(plain.getEditorState()));
  });
});
