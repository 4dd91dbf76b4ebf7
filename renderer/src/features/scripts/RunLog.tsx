// The running log beside the console: newest first, each entry rendered once and never again.
import { Button, Card, Tag, Typography } from 'antd';
import { memo, useState } from 'react';
import type { Inject, RunEvent } from '@shared/schemas/drill';
import { formatDelay } from '@shared/run-rules';

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

/** The running log shows the newest entries; a long drill's full log is one click away (and in the evaluation). */
const LOG_SHOWN = 200;

const timeOf = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** Memoised: the clock's ticks and the inputs' typing never reach it; a new event adds one entry. */
export const RunLog = memo(function RunLog({ events, byId, numbers }: { events: RunEvent[]; byId: Map<string, Inject>; numbers: Map<string, number> }) {
  const [showAll, setShowAll] = useState(false);
  const shown = (showAll ? events : events.slice(-LOG_SHOWN)).slice().reverse();
  return (
    <Card size="small" title={`演练记录（${events.length}）`} data-testid="run-log" styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflow: 'auto', contain: 'content' } }}>
      {shown.map((e) => <LogEntry key={e.id} e={e} inject={e.injectId ? byId.get(e.injectId) : undefined} number={e.injectId ? numbers.get(e.injectId) : undefined} />)}
      {events.length > LOG_SHOWN && !showAll && <Button size="small" type="link" onClick={() => setShowAll(true)}>显示全部 {events.length} 条</Button>}
    </Card>
  );
});

const LogEntry = memo(function LogEntry({ e, inject, number }: { e: RunEvent; inject?: Inject; number?: number }) {
  return (
    <div className="log-entry" data-testid="log-entry" data-type={e.type}>
      <Typography.Text type="secondary">{timeOf.format(new Date(e.at))} </Typography.Text>
      <Tag>{eventLabels[e.type]}</Tag>
      {e.injectId && (inject ? <Tag color="blue">第{number}条 {inject.scene}</Tag> : <Tag>已删除的注入</Tag>)}
      {e.delaySec !== null && <Tag color="orange" data-testid="log-delay">晚 {formatDelay(e.delaySec)}</Tag>}
      {e.text && <span>{e.text}</span>}
      {e.tags.map((t) => <Tag key={t} color="purple">{t}</Tag>)}
      {e.actor && <Typography.Text type="secondary"> —{e.actor}</Typography.Text>}
    </div>
  );
});
