// Lexical copies an editor state's node map at the start of every update, four of them per keystroke. For a
// chapter of ~300 nodes a plain Map copy is ~28 KB, so typing made ~140 KB of garbage per key, and the
// young-generation collections it caused (6–11 ms each on this machine) landed on keystrokes. Lexical has a
// copy-on-write map (GenMap: a clone shares the entries and copies only what the update writes) but uses it
// only from 1,000 nodes on. A state whose map is a GenMap keeps one through every later clone, so giving the
// loaded state one is enough. GenMap is internal to Lexical: it is reached through the editor's own DOM key
// map, which is one; should a Lexical upgrade change that, the state is left as it is (unit-tested).
import type { EditorState, LexicalEditor, LexicalNode } from 'lexical';

interface GenMapLike<K, V> extends Map<K, V> {
  init(old: ReadonlyMap<K, V> | undefined, nursery: Map<K, V> | undefined, size: number): this;
  clone(): this;
}
type GenMapClass = new <K, V>() => GenMapLike<K, V>;

function genMapClass(editor: LexicalEditor): GenMapClass | null {
  const probe = (editor as unknown as { _keyToDOMMap?: object })._keyToDOMMap;
  const ctor = probe?.constructor as GenMapClass | undefined;
  return ctor && (ctor as unknown) !== Map && typeof ctor.prototype.init === 'function' && typeof ctor.prototype.clone === 'function' ? ctor : null;
}

/** `state`, its node map made copy-on-write (before it is set on the editor). */
export function withCopyOnWriteNodes(editor: LexicalEditor, state: EditorState): EditorState {
  const GenMap = genMapClass(editor);
  const nodes = state._nodeMap;
  if (GenMap && !(nodes instanceof GenMap)) state._nodeMap = new GenMap<string, LexicalNode>().init(new Map(nodes), undefined, nodes.size);
  return state;
}
