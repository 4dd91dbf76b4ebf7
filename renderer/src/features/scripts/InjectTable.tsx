// The inject table: virtual rows (only those on screen exist), memoised cells, drag to reorder.
import { Button, Popover, Space, Table, Tag, Tooltip, type TableRef } from 'antd';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { Inject, Phase, ScriptIssue } from '@shared/schemas/drill';
import { INJECT_METHODS } from '@shared/vocabulary';
import type { ClauseLookup } from '../../components/plan-clauses';
import { ChoiceCell, ClauseCell, TextCell, TimeCell, type PatchInject, type TextField } from './inject-cells';

const METHOD_OPTIONS = INJECT_METHODS.map((m) => ({ value: m, label: m }));

/** What the check says about an inject's time, one sentence a finding. */
const timeProblem = (issues: ScriptIssue[] | undefined): string | undefined =>
  issues?.filter((x) => x.field === 'time').map((x) => x.message).join('；') || undefined;

interface Props {
  injects: Inject[];
  phases: Phase[];
  numbers: Map<string, number>;
  /** The check's findings by inject id. */
  issuesOf: Map<string, ScriptIssue[]>;
  lookup: ClauseLookup;
  onPatch: PatchInject;
  onDuplicate: (index: number) => void;
  onInsert: (index: number) => void;
  onRemove: (id: string) => void;
  onMove: (id: string, toIndex: number) => void;
  onPickClauses: (injectId: string) => void;
  /** An inject just added: scrolled to, and its 场景 box focused, so the coordinator can type it at once. */
  reveal?: string | null;
  /** The inject a link opened the script at (#/scripts/<drill>/inject/<id>): scrolled to and marked. */
  focus?: string;
  /** The drill's findings that cite each inject, by inject id: a 评估发现 N badge that opens them. */
  findingsOf?: Map<string, { id: string; title: string }[]>;
  onOpenFinding?: (findingId: string) => void;
}

/** The badge on an inject cited by findings: one opens at once; several are listed to choose from. */
function FindingBadge({ findings, onOpen }: { findings: { id: string; title: string }[]; onOpen: (id: string) => void }) {
  const tag = (
    <Tag color="volcano" className="inject-finding-badge" onClick={() => onOpen(findings[0]!.id)} data-testid="inject-findings">
      评估发现 {findings.length}
    </Tag>
  );
  if (findings.length === 1) return <Tooltip title={findings[0]!.title}>{tag}</Tooltip>;
  const list = findings.map((f) => <div key={f.id}><Button size="small" type="link" onClick={() => onOpen(f.id)}>{f.title}</Button></div>);
  return <Popover title="引用此注入的评估发现" content={list}>{tag}</Popover>;
}

export const InjectTable = memo(function InjectTable(p: Props) {
  const { injects, phases, numbers, issuesOf, lookup, onPatch, onDuplicate, onInsert, onRemove, onMove, onPickClauses, findingsOf, onOpenFinding } = p;
  const dragging = useRef<string | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const table = useRef<TableRef>(null);
  useEffect(() => {
    if (!p.reveal) return;
    table.current?.scrollTo({ key: p.reveal, align: 'center' });
    // The virtual list renders the row on the next frame or two.
    let tries = 0;
    const focus = () => {
      const box = wrapper.current?.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(p.reveal!)}"] [data-testid="inject-scene"]`);
      if (box) box.focus({ preventScroll: true });
      else if (tries++ < 10) requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  }, [p.reveal]);
  useEffect(() => {
    if (!p.focus) return;
    const key = p.focus;
    // After the virtual list has measured itself. The virtual list has no 'center' (it falls back to the
    // nearest edge): the row's top, less half the list's height, puts it in the middle.
    const frame = requestAnimationFrame(() => {
      const height = wrapper.current?.querySelector('.ant-table-tbody-virtual-holder')?.clientHeight ?? 0;
      table.current?.scrollTo({ key, align: 'start', offset: -Math.round(height / 2 - 20) });
    });
    return () => cancelAnimationFrame(frame);
  }, [p.focus]);
  // Tab into a column off screen and the browser scrolls the virtual list's inner box itself, which the
  // header and the list's own offset do not follow. Hand that scroll to the list as a sideways wheel.
  useEffect(() => {
    const el = wrapper.current;
    const onScroll = (e: Event) => {
      const scrolled = e.target as HTMLElement;
      const holder = scrolled.closest?.('.ant-table-tbody-virtual-holder');
      if (!holder || !scrolled.scrollLeft) return;
      const dx = scrolled.scrollLeft;
      scrolled.scrollLeft = 0;
      holder.dispatchEvent(new WheelEvent('wheel', { deltaX: dx, bubbles: true, cancelable: true }));
    };
    el?.addEventListener('scroll', onScroll, true);
    return () => el?.removeEventListener('scroll', onScroll, true);
  }, []);
  const phaseOptions = useMemo(() => phases.map((x) => ({ value: x.id, label: x.name })), [phases]);
  // Columns change only with what they show, so a keystroke re-renders the one cell it edits.
  const columns = useMemo(() => {
    const text = (title: string, width: number, field: TextField, multiline = false) => ({ title, width, render: (_: unknown, i: Inject) => <TextCell inject={i} field={field} multiline={multiline} onPatch={onPatch} /> });
    return [
      {
        title: '序号',
        width: findingsOf?.size ? 96 : 64,
        fixed: 'left' as const,
        render: (_: unknown, i: Inject) => {
          const cited = findingsOf?.get(i.id);
          return (
            <>
              <Tooltip title={issuesOf.get(i.id)?.map((x) => x.message).join('；')}><span style={{ cursor: 'grab' }}>⋮⋮ {numbers.get(i.id)}{issuesOf.has(i.id) && <Tag color="red" style={{ marginLeft: 2 }}>!</Tag>}</span></Tooltip>
              {cited && onOpenFinding && <FindingBadge findings={cited} onOpen={onOpenFinding} />}
            </>
          );
        },
      },
      { title: '阶段', width: 110, render: (_: unknown, i: Inject) => <ChoiceCell inject={i} field="phaseId" options={phaseOptions} onPatch={onPatch} /> },
      { title: '时间', width: 160, render: (_: unknown, i: Inject) => <TimeCell inject={i} problem={timeProblem(issuesOf.get(i.id))} onPatch={onPatch} /> },
      text('场景', 140, 'scene'),
      text('情景信息', 260, 'info', true),
      text('发送方', 110, 'sender'),
      text('接收方', 130, 'receiver'),
      { title: '方式', width: 90, render: (_: unknown, i: Inject) => <ChoiceCell inject={i} field="method" options={METHOD_OPTIONS} onPatch={onPatch} /> },
      text('预期行动', 260, 'expectedAction', true),
      { title: '关联条款', width: 220, render: (_: unknown, i: Inject) => <ClauseCell inject={i} lookup={lookup} onPatch={onPatch} onPick={onPickClauses} /> },
      text('责任控制员', 110, 'controller'),
      text('解说词', 220, 'narration', true),
      {
        title: '操作',
        width: 150,
        fixed: 'right' as const,
        render: (_: unknown, i: Inject, index: number) => (
          <Space size={0}>
            <Button size="small" type="link" onClick={() => onDuplicate(index)}>复制</Button>
            <Button size="small" type="link" onClick={() => onInsert(index)}>插入</Button>
            <Button size="small" type="link" danger onClick={() => onRemove(i.id)}>删除</Button>
          </Space>
        ),
      },
    ];
  }, [numbers, issuesOf, phaseOptions, lookup, onPatch, onPickClauses, onDuplicate, onInsert, onRemove, findingsOf, onOpenFinding]);

  return (
    <div ref={wrapper}>
    <Table<Inject>
      ref={table}
      className="inject-table"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={injects}
      // Only the rows on screen are rendered: a 300-inject script opens as fast as a short one.
      virtual
      scroll={{ x: findingsOf?.size ? 2056 : 2024, y: Math.max(320, window.innerHeight - 330) }}
      rowClassName={(i) => [issuesOf.has(i.id) && 'row-issue', i.id === p.focus && 'inject-focused'].filter(Boolean).join(' ')}
      locale={{ emptyText: '还没有注入。点击“新增注入”，或“从预案生成”初稿。' }}
      onRow={(i) =>
        ({
          draggable: true,
          onDragStart: (e: React.DragEvent) => {
            // Text boxes keep their own drag (selecting text); the row moves from anywhere else.
            if ((e.target as HTMLElement).closest('input, textarea, select')) return;
            dragging.current = i.id;
            e.dataTransfer.effectAllowed = 'move';
          },
          onDragOver: (e: React.DragEvent) => e.preventDefault(),
          onDrop: (e: React.DragEvent) => {
            e.preventDefault();
            const from = dragging.current;
            dragging.current = null;
            if (from && from !== i.id) onMove(from, injects.findIndex((x) => x.id === i.id));
          },
          'data-testid': 'inject-row',
          'data-focused': i.id === p.focus ? 'true' : undefined,
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={columns}
    />
    </div>
  );
});
