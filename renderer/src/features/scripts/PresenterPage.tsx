// 演示屏: the narration and the current scene, large, for the room (a second window or page).
import { useCallback, useMemo } from 'react';
import { request } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { LiveClock } from './live-clock';
import { useRun } from './use-run';

export function PresenterPage({ drillId }: { drillId: string }) {
  const detail = useLoad(() => request('drill.get', { id: drillId }), [drillId]);
  const onError = useCallback(() => undefined, []);
  const run = useRun(drillId, onError, 1000);
  const byId = useMemo(() => new Map((detail.data?.script.injects ?? []).map((i) => [i.id, i])), [detail.data]);
  const events = run.state?.events ?? [];
  // The scene on screen is the last one delivered; before that, the first one to come.
  const lastDelivered = [...events].reverse().find((e) => (e.type === 'inject.delivered' || e.type === 'inject.late') && e.injectId && byId.has(e.injectId));
  const inject = lastDelivered ? byId.get(lastDelivered.injectId!) : run.state?.next[0] ? byId.get(run.state.next[0].injectId) : undefined;
  return (
    <div className="presenter" data-testid="presenter">
      <div className="presenter-head">
        <span>{detail.data?.drill.name}</span>
        <LiveClock base={run.base} className="presenter-clock" />
      </div>
      <div className="presenter-scene" data-testid="presenter-scene">{inject?.scene ?? '演练即将开始'}</div>
      <div className="presenter-narration" data-testid="presenter-narration">{inject?.narration || inject?.info || ''}</div>
    </div>
  );
}
