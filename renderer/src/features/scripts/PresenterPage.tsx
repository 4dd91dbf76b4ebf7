// 演示屏: the current scene and its narration, large, for the room (a second window or page), and beneath
// them the injects as they went out, ad-hoc ones marked 临时; a band says when the clock is paused or ended.
// What it leaves out, and why: presenter-flow.ts.
import { useMemo } from 'react';
import type { ClockState, Inject } from '@shared/schemas/drill';
import { request } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { CLOCK_NOT_STARTED, LiveClock, clockText } from './live-clock';
import { presenterFlow, type FlowItem } from './presenter-flow';
import { useRunFeed } from './use-run-feed';

/** The room reads the latest few; the whole run is in the console's log. */
const FLOW_SHOWN = 6;

/** Across the screen while the clock stands: the room must not take a frozen scene for a live one. */
const STANDING: Partial<Record<ClockState['status'], string>> = { paused: '演练暂停', ended: '演练结束' };

/**
 * What the big lines say: the last inject that went out. Until one has, the drill's name: the scenario
 * is the players' to discover as it is put to them, not to read off the wall while they wait.
 */
function headline(item: FlowItem | undefined, drillName: string, status: ClockState['status'], byId: Map<string, Inject>): { scene: string; narration: string; adhoc: boolean } {
  if (item?.kind === 'adhoc') return { scene: '临时注入', narration: item.text, adhoc: true };
  if (!item) return { scene: drillName, narration: status === 'not-started' ? '演练即将开始' : '', adhoc: false };
  const inject = byId.get(item.injectId);
  return { scene: inject?.scene ?? '', narration: inject?.narration || inject?.info || '', adhoc: false };
}

export function PresenterPage({ drillId }: { drillId: string }) {
  const detail = useLoad(() => request('drill.get', { id: drillId }), [drillId]);
  const { feed } = useRunFeed(drillId);
  const byId = useMemo(() => new Map((detail.data?.script.injects ?? []).map((i) => [i.id, i])), [detail.data]);
  const events = feed?.events;
  const flow = useMemo(() => presenterFlow(events ?? [], FLOW_SHOWN), [events]);
  const base = feed?.base ?? CLOCK_NOT_STARTED;
  const shown = headline(flow.at(-1), detail.data?.drill.name ?? '', base.status, byId);
  const standing = STANDING[base.status];
  return (
    <div className="presenter" data-testid="presenter">
      <div className="presenter-head">
        <span>{detail.data?.drill.name}</span>
        <LiveClock base={base} className="presenter-clock" testId="presenter-clock" />
      </div>
      {standing && <div className="presenter-standing" data-testid="presenter-standing">{standing}</div>}
      <div className={shown.adhoc ? 'presenter-scene adhoc' : 'presenter-scene'} data-testid="presenter-scene">{shown.scene}</div>
      <div className="presenter-narration" data-testid="presenter-narration">{shown.narration}</div>
      {flow.length > 0 && (
        <ol className="presenter-flow" data-testid="presenter-flow">
          {flow.map((item, k) => (
            <li key={item.seq} className={k === flow.length - 1 ? 'current' : undefined} data-testid="presenter-flow-item" data-kind={item.kind}>
              <span className="presenter-flow-time">{clockText(item.drillMs)}</span>
              {item.kind === 'adhoc' && <span className="presenter-adhoc">临时</span>}
              <span className="presenter-flow-text">{item.kind === 'adhoc' ? item.text : (byId.get(item.injectId)?.scene ?? '已删除的注入')}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
