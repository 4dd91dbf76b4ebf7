// The script on a time axis, one lane per phase or receiver: gaps and pile-ups show before the day.
import { Empty, Segmented, Tooltip } from 'antd';
import { useState } from 'react';
import { formatOffset } from '@shared/drill-clock';
import { secondsOfDay } from '@shared/drill-window';
import type { Inject, Script } from '@shared/schemas/drill';

function seconds(i: Inject, firstClock: number | null): number | null {
  if (i.time.mode === 'relative') return i.time.offsetSec;
  return firstClock === null ? 0 : secondsOfDay(i.time.clock) - firstClock;
}

export function ScriptTimeline({ script, numbers }: { script: Script; numbers: Map<string, number> }) {
  const [by, setBy] = useState<'phase' | 'receiver'>('phase');
  if (script.injects.length === 0) return <Empty description="还没有注入" />;
  const clockTimes = script.injects.flatMap((i) => (i.time.mode === 'clock' ? [i.time.clock] : [])).sort();
  const firstClock = clockTimes[0] ? secondsOfDay(clockTimes[0]) : null;
  const lanes = by === 'phase' ? script.phases.map((p) => ({ key: p.id, label: p.name })) : [...new Set(script.injects.map((i) => i.receiver || '（未填接收方）'))].map((r) => ({ key: r, label: r }));
  const laneOf = (i: Inject) => (by === 'phase' ? i.phaseId : i.receiver || '（未填接收方）');
  const max = Math.max(600, ...script.injects.map((i) => seconds(i, firstClock) ?? 0)) * 1.05;
  const W = 1000;
  const left = 130;
  const laneH = 44;
  const x = (s: number) => left + ((W - left - 20) * s) / max;
  const ticks = Array.from({ length: 11 }, (_, k) => Math.round((max * k) / 10 / 60) * 60);
  return (
    <div data-testid="script-timeline">
      <Segmented size="small" value={by} onChange={(v) => setBy(v as typeof by)} options={[{ value: 'phase', label: '按阶段' }, { value: 'receiver', label: '按接收方' }]} style={{ marginBottom: 8 }} />
      <svg width="100%" viewBox={`0 0 ${W} ${lanes.length * laneH + 40}`} style={{ background: '#fff', border: '1px solid #f0f0f0' }}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={0} y2={lanes.length * laneH} stroke="#f0f0f0" />
            <text x={x(t)} y={lanes.length * laneH + 16} fontSize={11} textAnchor="middle" fill="#8c8c8c">{formatOffset(t)}</text>
          </g>
        ))}
        {lanes.map((l, li) => (
          <g key={l.key}>
            <rect x={0} y={li * laneH} width={W} height={laneH} fill={li % 2 ? '#fafafa' : '#fff'} />
            <text x={8} y={li * laneH + laneH / 2 + 4} fontSize={12} fill="#262626">{l.label.slice(0, 9)}</text>
          </g>
        ))}
        {script.injects.map((i) => {
          const li = lanes.findIndex((l) => l.key === laneOf(i));
          const s = seconds(i, firstClock);
          if (li < 0 || s === null) return null;
          return (
            <Tooltip key={i.id} title={`${numbers.get(i.id)}. ${formatOffset(s)} ${i.scene} → ${i.receiver}`}>
              <g>
                <circle cx={x(s)} cy={li * laneH + laneH / 2} r={9} fill={i.time.mode === 'clock' ? '#722ed1' : '#1677ff'} opacity={0.85} />
                <text x={x(s)} y={li * laneH + laneH / 2 + 4} fontSize={10} textAnchor="middle" fill="#fff">{numbers.get(i.id)}</text>
              </g>
            </Tooltip>
          );
        })}
      </svg>
    </div>
  );
}
