// 演示屏: the narration and the current scene, large, for the room (a second window or page).
import { useMemo } from 'react';
import { request } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { LiveClock, type ClockBase } from './live-clock';
import { useRunFeed } from './use-run-feed';

const NOT_STARTED: ClockBase = { status: 'not-started', elapsedMs: 0, fetchedAt: 0 };

export function PresenterPage({ drillId }: { drillId: string }) {
  const detail = useLoad(() => request('drill.get', { id: drillId }), [drillId]);
  const feed = useRunFeed(drillId);
  const byId = useMemo(() => new Map((detail.data?.script.injects ?? []).map((i) => [i.id, i])), [detail.data]);
  // The scene on screen is the last one delivered; before that, the first one to come.
  const shown = feed?.lastDelivered ?? feed?.next;
  const inject = shown ? byId.get(shown) : undefined;
  return (
    <div className="presenter" data-testid="presenter">
      <div className="presenter-head">
        <span>{detail.data?.drill.name}</span>
        <LiveClock base={feed?.base ?? NOT_STARTED} className="presenter-clock" testId="presenter-clock" />
      </div>
      <div className="presenter-scene" data-testid="presenter-scene">{inject?.scene ?? '演练即将开始'}</div>
      <div className="presenter-narration" data-testid="presenter-narration">{inject?.narration || inject?.info || ''}</div>
    </div>
  );
}
