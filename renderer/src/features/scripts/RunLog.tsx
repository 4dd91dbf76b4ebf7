// The running log beside the console: newest first, each entry rendered once and never again.
import { Button } from 'antd';
import { memo, useEffect, useRef, useState } from 'react';
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

/**
 * Memoised: the clock's ticks and the inputs' typing never reach it; a new event adds one entry. Plain
 * elements styled like antd's card and tags (styles.css): each antd component costs a style lookup on
 * mount, and a key press should pay for nothing but its own entry.
 */
export const RunLog = memo(function RunLog({ events, byId, numbers, focusId }: { events: readonly RunEvent[]; byId: Map<string, Inject>; numbers: Map<string, number>; focusId?: string }) {
  const [showAll, setShowAll] = useState(false);
  // The entry a link opened the log at (#/scripts/<drill>/run/entry/<id>), shown even when older than the newest LOG_SHOWN.
  const focusAt = focusId ? events.findIndex((e) => e.id === focusId) : -1;
  const all = showAll || (focusAt >= 0 && focusAt < events.length - LOG_SHOWN);
  const shown = (all ? events : events.slice(-LOG_SHOWN)).slice().reverse();
  const body = useRef<HTMLDivElement>(null);
  // Scrolled to once, when it arrives: entries logged afterwards do not pull the log back to it.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!focusId || focusAt < 0 || scrolledTo.current === focusId) return;
    scrolledTo.current = focusId;
    body.current?.querySelector(`[data-event-id="${CSS.escape(focusId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [focusId, focusAt]);
  return (
    <section className="run-log" data-testid="run-log">
      <header className="run-log-head" data-testid="run-log-title">演练记录（{events.length}）</header>
      <div className="run-log-body" ref={body}>
        {shown.map((e) => <LogEntry key={e.id} e={e} inject={e.injectId ? byId.get(e.injectId) : undefined} number={e.injectId ? numbers.get(e.injectId) : undefined} focused={e.id === focusId} />)}
        {events.length > LOG_SHOWN && !all && <Button size="small" type="link" onClick={() => setShowAll(true)}>显示全部 {events.length} 条</Button>}
      </div>
    </section>
  );
});

const LogEntry = memo(function LogEntry({ e, inject, number, focused }: { e: RunEvent; inject?: Inject; number?: number; focused: boolean }) {
  return (
    <div className={focused ? 'log-entry log-entry-focused' : 'log-entry'} data-testid="log-entry" data-type={e.type} data-event-id={e.id} data-focused={focused ? 'true' : undefined}>
      <span className="log-time">{timeOf.format(new Date(e.at))} </span>
      <span className="log-tag">{eventLabels[e.type]}</span>
      {e.injectId && (inject ? <span className="log-tag blue">第{number}条 {inject.scene}</span> : <span className="log-tag">已删除的注入</span>)}
      {e.delaySec !== null && <span className="log-tag orange" data-testid="log-delay">晚 {formatDelay(e.delaySec)}</span>}
      {e.text && <span>{e.text}</span>}
      {e.tags.map((t) => <span key={t} className="log-tag purple">{t}</span>)}
      {e.actor && <span className="log-time"> —{e.actor}</span>}
    </div>
  );
});
