// 演练实施: the live console. Drill clock, current and next injects, one-key logging and the running log.
import { Alert, App as AntApp, Button, Card, Input, Modal, Space, Spin, Tag, Typography, type ButtonProps } from 'antd';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { lateRefusal, proposedDelaySec, runEventRefusal } from '@shared/run-rules';
import type { Inject, InjectRunState } from '@shared/schemas/drill';
import { injectNumbers } from '@shared/script-checks';
import { call, request } from '../../api/client';
import { MissingTarget } from '../../components/MissingTarget';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';
import { InjectCards, type Mark } from './InjectCards';
import { LateModal, type LateTarget } from './LateModal';
import { CLOCK_NOT_STARTED, LiveClock, driftAt, type ClockBase } from './live-clock';
import { RecordPanel, type RecordPanelHandle } from './RecordPanel';
import { RunLog } from './RunLog';
import { useRun, type LogInput } from './use-run';

const STATUS_TEXT = { 'not-started': '未开始', running: '进行中', paused: '已暂停', ended: '已结束' } as const;
const STATUS_COLOR = { 'not-started': 'blue', running: 'green', paused: 'orange', ended: 'default' } as const;

const ConsoleHeader = memo(function ConsoleHeader({ drillId, name }: { drillId: string; name: string }) {
  const openPresenter = async () => {
    const r = await call('app.open-presenter', { drillId });
    if (!r.ok) window.open(`#/scripts/${encodeURIComponent(drillId)}/present`, `presenter-${drillId}`);
  };
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
      <Space>
        <Button onClick={() => navigate('scripts', drillId)}>返回脚本</Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">演练实施：{name}</Typography.Title>
      </Space>
      <Button onClick={openPresenter} data-testid="open-presenter">演示屏</Button>
    </Space>
  );
});

/** The clock, its status and its buttons: re-rendered when the clock changes, not when the log grows. */
const ClockBar = memo(function ClockBar({ base, log, onEnd }: { base: ClockBase; log: (e: LogInput) => Promise<boolean>; onEnd: () => void }) {
  const status = base.status;
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space size="large" align="center">
        <LiveClock base={base} className="drill-clock" testId="drill-clock" />
        <Tag color={STATUS_COLOR[status]} data-testid="clock-status">{STATUS_TEXT[status]}</Tag>
        {status === 'not-started' && <Button type="primary" size="large" onClick={() => log({ type: 'clock.start' })} data-testid="clock-start">开始演练</Button>}
        {status === 'running' && <Button size="large" onClick={() => log({ type: 'clock.pause' })} data-testid="clock-pause">暂停</Button>}
        {status === 'paused' && <Button type="primary" size="large" onClick={() => log({ type: 'clock.resume' })} data-testid="clock-resume">继续</Button>}
        {(status === 'running' || status === 'paused') && <Button danger size="large" onClick={onEnd} data-testid="clock-end">结束</Button>}
      </Space>
    </Card>
  );
});

/** What 结束 leaves undone, for the confirmation: pending injects in script order, the first few by name. */
function EndSummary({ pending, byId, numbers }: { pending: InjectRunState[]; byId: Map<string, Inject>; numbers: Map<string, number> }) {
  if (!pending.length) return <p>全部注入均已下达或跳过。结束后演练时钟停止，不能继续。</p>;
  const shown = pending.slice(0, 8);
  return (
    <div data-testid="end-summary">
      <p>还有 <b>{pending.length}</b> 条注入未下达也未跳过，结束后将记为未处理：</p>
      <ul style={{ paddingLeft: 20, margin: '4px 0' }}>
        {shown.map((p) => <li key={p.injectId}>第 {numbers.get(p.injectId)} 条 {byId.get(p.injectId)?.scene}</li>)}
        {pending.length > shown.length && <li>……等 {pending.length} 条</li>}
      </ul>
      <p>结束后演练时钟停止，不能继续。</p>
    </div>
  );
}

/** `entryId`: opened from a link (a finding's 相关记录): the run log scrolled to that entry and marked. */
export function ConsolePage({ drillId, entryId }: { drillId: string; entryId?: string }) {
  const { message, modal } = AntApp.useApp();
  const onError = useCallback((t: string) => void message.error(t), [message]);
  const detail = useLoad(() => request('drill.get', { id: drillId }), [drillId]);
  const run = useRun(drillId, onError);
  const [adhoc, setAdhoc] = useState<string | null>(null);
  const [late, setLate] = useState<LateTarget | null>(null);
  const record = useRef<RecordPanelHandle>(null);

  const script = detail.data?.script;
  const byId = useMemo(() => new Map((script?.injects ?? []).map((i) => [i.id, i])), [script]);
  const numbers = useMemo(() => (script ? injectNumbers(script) : new Map<string, number>()), [script]);
  const injectOptions = useMemo(() => (script?.injects ?? []).map((i) => ({ value: i.id, label: `第${numbers.get(i.id)}条 ${i.scene}` })), [script, numbers]);
  // What every window of this run sees: entries this console logs and those another window logs alike.
  const { feed, log, settling } = run;
  const s = feed?.state;
  const base = feed?.base ?? CLOCK_NOT_STARTED;
  const status = base.status;
  const current = s?.next[0];
  const events = feed?.events;
  const lastDelivered = useMemo(() => {
    for (let k = (events?.length ?? 0) - 1; k >= 0; k--) {
      const e = events![k]!;
      if ((e.type === 'inject.delivered' || e.type === 'inject.late') && e.injectId) return e.injectId;
    }
    return null;
  }, [events]);

  // The latest mark: a key pressed while the start was on its way acts with what the start brought.
  const latestMark = useRef<(type: Mark) => void>(() => undefined);
  // The console checks what the core would refuse, so a key pressed at the wrong moment says why at once.
  const mark = useCallback(
    (type: Mark) => {
      const pending = settling();
      // Pressed right after 开始演练 (or 继续): the clock is starting, the key waits for it rather than being refused.
      if (pending) return void pending.then((ok) => ok && latestMark.current(type));
      const refusal = runEventRefusal(type, status);
      if (refusal) return void message.warning(refusal);
      if (type === 'inject.adhoc') return setAdhoc('');
      if (!current) return;
      if (type === 'inject.late') {
        const inject = byId.get(current.injectId);
        // The clock runs on while the dialog is open: the delay is read again when it is recorded.
        const dueInMs = () => current.dueInMs - driftAt(base, Date.now());
        const notDue = lateRefusal(dueInMs());
        if (notDue) return void message.warning(notDue);
        setLate({ injectId: current.injectId, label: `第 ${numbers.get(current.injectId)} 条 ${inject?.scene ?? ''}`, delayNow: () => proposedDelaySec(dueInMs()) });
      } else void log({ type, injectId: current.injectId });
    },
    [status, current, base, byId, numbers, log, message, settling],
  );
  useLayoutEffect(() => {
    latestMark.current = mark;
  }, [mark]);

  // One key each: D 下达, S 跳过, L 延迟, O 观察, A 行动, N 临时注入 (not while typing or in a dialog).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || t.closest('input, textarea, [contenteditable="true"], .ant-modal')) return;
      const k = e.key.toLowerCase();
      if (k === 'd') mark('inject.delivered');
      else if (k === 's') mark('inject.skipped');
      else if (k === 'l') mark('inject.late');
      else if (k === 'n') mark('inject.adhoc');
      else if (k === 'o') record.current?.focusObservation();
      else if (k === 'a') record.current?.focusAction();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mark]);

  // What is still pending goes into the question: ending stops the clock for good.
  const confirmEnd = useCallback(() => {
    const pending = s?.injects.filter((i) => i.status === 'pending') ?? [];
    modal.confirm({
      title: '结束本次演练？',
      width: 480,
      content: <EndSummary pending={pending} byId={byId} numbers={numbers} />,
      okText: '结束演练',
      okButtonProps: { danger: true, 'data-testid': 'confirm-end' } as ButtonProps,
      cancelText: '继续演练',
      onOk: () => log({ type: 'clock.end' }),
    });
  }, [s?.injects, byId, numbers, log, modal]);

  if (detail.error) return <Alert type="error" showIcon message="无法打开演练" description={detail.error} />;
  if (!detail.data || !feed || !s || !script) return <Spin />;
  const drill = detail.data.drill;

  return (
    <div data-testid="console">
      <ConsoleHeader drillId={drillId} name={drill.name} />
      {entryId && !feed.events.some((e) => e.id === entryId) && <MissingTarget what="演练记录" />}
      {/* A plain grid: the console re-renders on every logged event, antd's Row/Col would each time too. */}
      <div className="console-grid">
        <div>
          <ClockBar base={base} log={log} onEnd={confirmEnd} />
          <InjectCards next={s.next} byId={byId} numbers={numbers} base={base} scriptEmpty={script.injects.length === 0} onMark={mark} />
          <RecordPanel ref={record} injectOptions={injectOptions} lastDelivered={lastDelivered} log={log} />
        </div>
        <RunLog events={feed.events} byId={byId} numbers={numbers} focusId={entryId} />
      </div>
      {adhoc !== null && (
        <Modal open title="临时注入" onCancel={() => setAdhoc(null)} okText="记录" destroyOnHidden onOk={async () => { if (adhoc?.trim() && (await log({ type: 'inject.adhoc', text: adhoc.trim() }))) setAdhoc(null); }}>
          <Input.TextArea autoFocus rows={3} value={adhoc} onChange={(e) => setAdhoc(e.target.value)} placeholder="临时注入的情景信息与接收方" data-testid="adhoc-input" />
        </Modal>
      )}
      {late && <LateModal target={late} onClose={() => setLate(null)} onLog={(delaySec, reason) => log({ type: 'inject.late', injectId: late.injectId, delaySec, text: reason })} />}
    </div>
  );
}
