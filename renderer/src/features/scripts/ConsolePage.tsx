// 演练实施: the drill clock, the current and next injects with countdowns, one-key logging, the running log.
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Empty, Input, Modal, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatOffset } from '@shared/drill-clock';
import type { Inject, RunEvent } from '@shared/schemas/drill';
import { injectNumbers } from '@shared/script-checks';
import { call, request } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';
import { useRun } from './use-run';

export const eventLabels: Record<RunEvent['type'], string> = {
  'clock.start': '开始演练',
  'clock.pause': '暂停',
  'clock.resume': '继续',
  'clock.end': '结束演练',
  'inject.delivered': '已下达',
  'inject.skipped': '跳过',
  'inject.late': '延迟下达',
  'inject.adhoc': '临时注入',
  observation: '观察记录',
  action: '参演行动',
};

export function clockText(ms: number): string {
  return formatOffset(Math.max(0, Math.floor(ms / 1000)));
}

/** The running log shows the newest entries; a long drill's full log is one click away (and in the evaluation). */
const LOG_SHOWN = 200;

function countdown(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const t = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return ms < 0 ? `已超时 ${t}` : `${t} 后`;
}

/** The running log; memoised so the clock's ticks do not re-render a long list. */
const RunLog = memo(function RunLog({ events, byId, numbers }: { events: RunEvent[]; byId: Map<string, Inject>; numbers: Map<string, number> }) {
  const [showAll, setShowAll] = useState(false);
  const shown = (showAll ? events : events.slice(-LOG_SHOWN)).slice().reverse();
  return (
    <Card size="small" title={`演练记录（${events.length}）`} data-testid="run-log" styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflow: 'auto' } }}>
      {shown.map((e) => <LogEntry key={e.id} e={e} inject={e.injectId ? byId.get(e.injectId) : undefined} number={e.injectId ? numbers.get(e.injectId) : undefined} />)}
      {events.length > LOG_SHOWN && !showAll && <Button size="small" type="link" onClick={() => setShowAll(true)}>显示全部 {events.length} 条</Button>}
    </Card>
  );
});

const LogEntry = memo(function LogEntry({ e, inject, number }: { e: RunEvent; inject?: Inject; number?: number }) {
  return (
    <div className="log-entry" data-testid="log-entry" data-type={e.type}>
      <Typography.Text type="secondary">{new Date(e.at).toLocaleTimeString('zh-CN')} </Typography.Text>
      <Tag>{eventLabels[e.type]}</Tag>
      {e.injectId && (inject ? <Tag color="blue">第{number}条 {inject.scene}</Tag> : <Tag>已删除的注入</Tag>)}
      {e.text && <span>{e.text}</span>}
      {e.tags.map((t) => <Tag key={t} color="purple">{t}</Tag>)}
      {e.actor && <Typography.Text type="secondary"> —{e.actor}</Typography.Text>}
    </div>
  );
});

export function ConsolePage({ drillId }: { drillId: string }) {
  const { message } = AntApp.useApp();
  const onError = useCallback((t: string) => message.error(t), [message]);
  const detail = useLoad(() => request('drill.get', { id: drillId }), [drillId]);
  const run = useRun(drillId, onError);
  const [observation, setObservation] = useState('');
  const [obsInject, setObsInject] = useState<string | null>(null);
  const [action, setAction] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [evaluator, setEvaluator] = useState('');
  const [adhoc, setAdhoc] = useState<string | null>(null);
  const obsRef = useRef<HTMLTextAreaElement>(null);
  const actRef = useRef<HTMLInputElement>(null);

  const script = detail.data?.script;
  const byId = useMemo(() => new Map((script?.injects ?? []).map((i) => [i.id, i])), [script]);
  const numbers = useMemo(() => (script ? injectNumbers(script) : new Map<string, number>()), [script]);
  const s = run.state;
  const status = s?.clock.status ?? 'not-started';
  const current = s?.next[0];
  const currentInject = current ? byId.get(current.injectId) : undefined;
  // Players respond to what was last put to them: actions and observations default to the last delivered inject.
  const lastDelivered = [...(s?.events ?? [])].reverse().find((e) => (e.type === 'inject.delivered' || e.type === 'inject.late') && e.injectId)?.injectId ?? null;

  const mark = useCallback(
    async (type: 'inject.delivered' | 'inject.skipped' | 'inject.late') => {
      if (current) await run.log({ type, injectId: current.injectId });
    },
    [current, run],
  );

  // One key each: D 下达, S 跳过, L 延迟, O 观察, A 行动, N 临时注入 (not while typing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || t.closest('input, textarea, [contenteditable="true"]')) return;
      const k = e.key.toLowerCase();
      if (status !== 'running' && status !== 'paused') return;
      if (k === 'd') void mark('inject.delivered');
      else if (k === 's') void mark('inject.skipped');
      else if (k === 'l') void mark('inject.late');
      else if (k === 'o') obsRef.current?.focus();
      else if (k === 'a') actRef.current?.focus();
      else if (k === 'n') setAdhoc('');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mark, status]);

  if (detail.error) return <Alert type="error" showIcon message="无法打开演练" description={detail.error} />;
  if (!detail.data || !s || !script) return <Spin />;
  const drill = detail.data.drill;

  const logObservation = async () => {
    if (!observation.trim()) return;
    if (await run.log({ type: 'observation', text: observation.trim(), injectId: obsInject ?? lastDelivered, tags, actor: evaluator })) {
      setObservation('');
      setTags([]);
    }
  };
  const logAction = async () => {
    if (!action.trim()) return;
    if (await run.log({ type: 'action', text: action.trim(), injectId: lastDelivered })) setAction('');
  };
  const openPresenter = async () => {
    const r = await call('app.open-presenter', { drillId });
    if (!r.ok) window.open(`#/scripts/${encodeURIComponent(drillId)}/present`, `presenter-${drillId}`);
  };
  const injectCard = (i: Inject | undefined, dueInMs: number | undefined, big: boolean) =>
    i ? (
      <div>
        <Space>
          <Tag color="blue">第 {numbers.get(i.id)} 条</Tag>
          <Tag>{i.time.mode === 'relative' ? formatOffset(i.time.offsetSec) : i.time.clock}</Tag>
          {dueInMs !== undefined && <Tag color={dueInMs - run.drift < 0 ? 'red' : 'green'} data-testid={big ? 'current-countdown' : undefined}>{countdown(dueInMs - run.drift)}</Tag>}
          <Typography.Text strong>{i.scene}</Typography.Text>
        </Space>
        <Descriptions size="small" column={1} style={{ marginTop: 6 }}>
          <Descriptions.Item label="情景信息">{i.info}</Descriptions.Item>
          <Descriptions.Item label="发送→接收">{i.sender} → {i.receiver}（{i.method}）</Descriptions.Item>
          {big && <Descriptions.Item label="预期行动">{i.expectedAction}</Descriptions.Item>}
        </Descriptions>
      </div>
    ) : null;

  return (
    <div data-testid="console">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space>
          <Button onClick={() => navigate('scripts', drillId)}>返回脚本</Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">演练实施：{drill.name}</Typography.Title>
        </Space>
        <Button onClick={openPresenter} data-testid="open-presenter">演示屏</Button>
      </Space>
      <Row gutter={12}>
        <Col span={16}>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Space size="large" align="center">
              <div className="drill-clock" data-testid="drill-clock" data-status={status}>{clockText(run.elapsedMs)}</div>
              <Tag color={status === 'running' ? 'green' : status === 'paused' ? 'orange' : status === 'ended' ? 'default' : 'blue'} data-testid="clock-status">
                {{ 'not-started': '未开始', running: '进行中', paused: '已暂停', ended: '已结束' }[status]}
              </Tag>
              {status === 'not-started' && <Button type="primary" size="large" onClick={() => run.log({ type: 'clock.start' })} data-testid="clock-start">开始演练</Button>}
              {status === 'running' && <Button size="large" onClick={() => run.log({ type: 'clock.pause' })} data-testid="clock-pause">暂停</Button>}
              {status === 'paused' && <Button type="primary" size="large" onClick={() => run.log({ type: 'clock.resume' })} data-testid="clock-resume">继续</Button>}
              {(status === 'running' || status === 'paused') && (
                <Button danger size="large" onClick={() => Modal.confirm({ title: '结束本次演练？', okText: '结束', onOk: () => run.log({ type: 'clock.end' }) })} data-testid="clock-end">结束</Button>
              )}
            </Space>
          </Card>
          <Card size="small" title="当前注入" style={{ marginBottom: 12 }} data-testid="current-inject" extra={<Typography.Text type="secondary">D 下达 · S 跳过 · L 延迟 · N 临时注入</Typography.Text>}>
            {currentInject ? (
              <>
                {injectCard(currentInject, current?.dueInMs, true)}
                <Space style={{ marginTop: 8 }}>
                  <Button type="primary" disabled={status !== 'running' && status !== 'paused'} onClick={() => mark('inject.delivered')} data-testid="deliver">已下达（D）</Button>
                  <Button onClick={() => mark('inject.skipped')} disabled={status !== 'running' && status !== 'paused'}>跳过（S）</Button>
                  <Button onClick={() => mark('inject.late')} disabled={status !== 'running' && status !== 'paused'}>延迟下达（L）</Button>
                  <Button onClick={() => setAdhoc('')} disabled={status !== 'running' && status !== 'paused'}>临时注入（N）</Button>
                </Space>
              </>
            ) : (
              <Empty description={status === 'ended' ? '演练已结束' : script.injects.length ? '全部注入已处理' : '脚本中没有注入'} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <Card size="small" title="随后注入" style={{ marginBottom: 12 }}>
            {s.next.slice(1).map((n) => <div key={n.injectId} style={{ marginBottom: 8 }}>{injectCard(byId.get(n.injectId), n.dueInMs, false)}</div>)}
            {s.next.length < 2 && <Typography.Text type="secondary">无</Typography.Text>}
          </Card>
          <Card size="small" title="记录（O 观察 · A 行动）">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea ref={(r) => { obsRef.current = r?.resizableTextArea?.textArea ?? null; }} rows={2} placeholder="观察记录：按 Enter 记录（Shift+Enter 换行）" value={observation} onChange={(e) => setObservation(e.target.value)} onPressEnter={(e) => { if (!e.shiftKey) { e.preventDefault(); void logObservation(); } }} data-testid="observation-input" />
              <Space wrap>
                <Select size="small" allowClear placeholder="关联注入（默认最近下达的）" style={{ width: 200 }} value={obsInject} onChange={setObsInject} options={script.injects.map((i) => ({ value: i.id, label: `第${numbers.get(i.id)}条 ${i.scene}` }))} />
                <Select size="small" mode="tags" placeholder="标签" style={{ width: 200 }} value={tags} onChange={setTags} options={['指挥协调', '信息报告', '处置行动', '资源装备', '安全', '公共沟通'].map((t) => ({ value: t, label: t }))} />
                <Input size="small" placeholder="评估人" style={{ width: 120 }} value={evaluator} onChange={(e) => setEvaluator(e.target.value)} />
                <Button size="small" type="primary" onClick={logObservation} data-testid="log-observation">记录观察</Button>
              </Space>
              <Input ref={(r) => { actRef.current = r?.input ?? null; }} placeholder="参演行动：按 Enter 记录" value={action} onChange={(e) => setAction(e.target.value)} onPressEnter={logAction} data-testid="action-input" />
            </Space>
          </Card>
        </Col>
        <Col span={8}>
          <RunLog events={s.events} byId={byId} numbers={numbers} />
        </Col>
      </Row>
      <Modal open={adhoc !== null} title="临时注入" onCancel={() => setAdhoc(null)} okText="记录" onOk={async () => { if (adhoc?.trim() && (await run.log({ type: 'inject.adhoc', text: adhoc.trim() }))) setAdhoc(null); }}>
        <Input.TextArea autoFocus rows={3} value={adhoc ?? ''} onChange={(e) => setAdhoc(e.target.value)} placeholder="临时注入的情景信息与接收方" data-testid="adhoc-input" />
      </Modal>
    </div>
  );
}
