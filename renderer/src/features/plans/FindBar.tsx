// 查找替换 across all chapters of the open plan.
import { Button, Input, Space, Typography } from 'antd';
import type { LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { clearShownMatch, findMatches, replaceEverywhere, replaceMatch, selectMatch, showMatch, undoReplaced, type Match, type Replaced } from '../../editor/find';

export function FindBar({ editors, onClose }: { editors: () => [string, LexicalEditor][]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matches, setMatches] = useState<Match[]>([]);
  const [index, setIndex] = useState(0);
  const [note, setNote] = useState('');
  /** The chapters the last 全部替换 changed, while it can still be undone in one step. */
  const [replaced, setReplaced] = useState<Replaced[] | null>(null);
  const findRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    findRef.current?.focus();
    return clearShownMatch;
  }, []);
  const editorOf = (m: Match) => editors().find(([id]) => id === m.chapterId)?.[1];
  const search = (q = query) => {
    setReplaced(null);
    const found = findMatches(editors(), q);
    clearShownMatch();
    setMatches(found);
    // -1: counted, none shown yet; 下一个 then shows the first, 上一个 the last.
    setIndex(-1);
    setNote(q ? `共 ${found.length} 处` : '');
    return found;
  };
  const go = (step: number) => {
    const found = matches.length ? matches : search();
    if (!found.length) return;
    const from = index < 0 ? (step > 0 ? -1 : 0) : index;
    const i = (from + step + found.length) % found.length;
    setIndex(i);
    const m = found[i]!;
    const e = editorOf(m);
    if (e) showMatch(e, m);
    setNote(`第 ${i + 1} / ${found.length} 处`);
  };
  /** Closing leaves the caret on the match shown, selected, to edit it there. */
  const close = () => {
    const m = index >= 0 ? matches[index] : undefined;
    const e = m && editorOf(m);
    clearShownMatch();
    if (m && e) selectMatch(e, m);
    onClose();
  };
  const replaceOne = () => {
    const m = matches[Math.max(index, 0)];
    const e = m && editorOf(m);
    if (m && e) replaceMatch(e, m, replacement);
    clearShownMatch();
    const found = search();
    if (found.length) setNote(`已替换 1 处，剩余 ${found.length} 处`);
  };
  const replaceAllChapters = () => {
    const { count, changed } = replaceEverywhere(editors().map(([, e]) => e), query, replacement);
    clearShownMatch();
    setMatches([]);
    setReplaced(changed.length ? changed : null);
    setNote(`已替换 ${count} 处${changed.length > 1 ? `（${changed.length} 章）` : ''}`);
  };
  const undoAll = () => {
    const { undone, kept } = undoReplaced(replaced ?? []);
    setReplaced(null);
    setNote(kept ? `已在 ${undone} 章撤销替换；${kept} 章替换后又有修改，未撤销（可在该章按 Ctrl+Z）` : '已撤销全部替换');
  };
  return (
    <div className="find-bar" data-testid="find-bar" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <Space size={4} wrap>
        <Input ref={(r) => { findRef.current = r?.input ?? null; }} size="small" style={{ width: 180 }} placeholder="查找" value={query} onChange={(e) => { setQuery(e.target.value); search(e.target.value); }} onPressEnter={(e) => go(e.shiftKey ? -1 : 1)} data-testid="find-input" />
        <Button size="small" onClick={() => go(-1)}>上一个</Button>
        <Button size="small" onClick={() => go(1)} data-testid="find-next">下一个</Button>
        <Input size="small" style={{ width: 180 }} placeholder="替换为" value={replacement} onChange={(e) => setReplacement(e.target.value)} data-testid="replace-input" />
        <Button size="small" onClick={replaceOne} disabled={!matches.length}>替换</Button>
        <Button size="small" onClick={replaceAllChapters} disabled={!query} data-testid="replace-all">全部替换</Button>
        {replaced && <Button size="small" onClick={undoAll} data-testid="undo-replace-all">撤销全部替换</Button>}
        <Typography.Text type="secondary" data-testid="find-note">{note}</Typography.Text>
        <Button size="small" type="text" onClick={close} data-testid="find-close">关闭</Button>
      </Space>
    </div>
  );
}
