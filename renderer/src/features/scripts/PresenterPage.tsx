// 演示屏: the current scene and its narration, large, for the room (a second window or page), and beneath
// them the injects as they went out, ad-hoc ones marked 临时. What it leaves out, and why: presenter-flow.ts.
import { useMemo } from 'react';
import type { Inject } from '@shared/schemas/drill';
import { request } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { CLOCK_NOT_STARTED, LiveClock, clockText } from './live-clock';
import { presenterFlow, type FlowItem } from './presenter-flow';
import { useRunFeed } from './use-run-feed';

/** The room reads the latest few; the whole run is in the console's log. */
const FLOW_SHOWN = 6;

/** What the big lines say about an inject that went out, or is to come. */
function headline(item: FlowItem | undefined, next: Inject | undefined, byId: Map<string, Inject>): { scene: string; narration: string; adhoc: boolean } {
  if (item?.kind === 'adhoc') return { scene: '临时注入', narration: item.text, adhoc: true };
  // The scene on screen is the last one delivered; before that, the first one to come.
  const inject = item ? byId.get(item.injectId) : next;
  return { scene: inject?.scene ?? (item ? '' : '演练即将开始'), narration: inject?.narration || inject?.info || '', adhoc: false };
}

export function PresenterPage({ drillId }: { drillId: string }) {
  const detail = useLoad(() => request('drill.get', { id: drillId }), [drillId]);
  const { feed } = useRunFeed(drillId);
  const byId = useMemo(() => new Map((detail.data?.script.injects ?? []).map((i) => [i.id, i])), [detail.data]);
  const events = feed?.events;
  const flow = useMemo(() => presenterFlow(events ?? [], FLOW_SHOWN), [events]);
  const nextId = feed?.state.next[0]?.injectId;
  const shown = headline(flow.at(-1), nextId ? byId.get(nextId) : undefined, byId);
  return (
    <div className="presenter" data-testid="presenter">
      <div className="presenter-head">
        <span>{detail.data?.drill.name}</span>
        <LiveClock base={feed?.base ?? CLOCK_NOT_STARTED} className="presenter-clock" testId="presenter-clock" />
      </div>
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
