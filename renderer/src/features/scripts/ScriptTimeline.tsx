// The script on a time axis, one lane per phase or receiver, between lines at the drill's planned start
// and end: gaps, pile-ups and injects outside the drill's hours show before the day.
import { Empty, Segmented, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { formatOffset } from '@shared/drill-clock';
import { clockAt, offsetFromStart, outsideWindow, shortClock, windowSec, type DrillTiming } from '@shared/drill-window';
import type { Inject, Script } from '@shared/schemas/drill';
import { timelineAxis } from './timeline-axis';

const COLOURS = { relative: '#1677ff', clock: '#722ed1', outside: '#cf1322', start: '#389e0d', end: '#cf1322' };
const W = 1000;
const LEFT = 130;
const RIGHT = 20;
const HEAD = 26;
const LANE_H = 44;
/** Room a marker's label needs beside its line (about "演练结束 11:30" at 12 px). */
const LABEL_W = 96;

const Dot = ({ colour, children }: { colour: string; children: string }) => (
  <span>
    <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: colour, marginRight: 4 }} />
    {children}
  </span>
);

export function ScriptTimeline({ script, numbers, drill }: { script: Script; numbers: Map<string, number>; drill: DrillTiming }) {
  const [by, setBy] = useState<'phase' | 'receiver'>('phase');
  if (script.injects.length === 0) return <Empty description="还没有注入" />;
  const end = windowSec(drill);
  const offsets = new Map(script.injects.map((i) => [i.id, offsetFromStart(i.time, drill.startTime)]));
  const outside = script.injects.filter((i) => outsideWindow(offsets.get(i.id)!, end));
  const axis = timelineAxis([...offsets.values()], end);
  const x = (s: number) => LEFT + ((W - LEFT - RIGHT) * (s - axis.from)) / (axis.to - axis.from);

  const unnamed = '（未填接收方）';
  const lanes = by === 'phase' ? script.phases.map((p) => ({ key: p.id, label: p.name })) : [...new Set(script.injects.map((i) => i.receiver || unnamed))].map((r) => ({ key: r, label: r }));
  const laneOf = (i: Inject) => (by === 'phase' ? i.phaseId : i.receiver || unnamed);
  const bottom = HEAD + lanes.length * LANE_H;

  // The start's label goes left of its line when the end's would otherwise sit on it; the end's goes left at the right edge.
  const startLeft = end !== null && x(end) - x(0) < LABEL_W;
  const endLeft = end !== null && x(end) + LABEL_W > W;
  const markers = [
    { key: 'start', at: 0, label: `演练开始 ${shortClock(drill.startTime)}`, colour: COLOURS.start, left: startLeft },
    ...(end === null || drill.endTime === null ? [] : [{ key: 'end', at: end, label: `演练结束 ${shortClock(drill.endTime)}`, colour: COLOURS.end, left: endLeft }]),
  ];

  return (
    <div data-testid="script-timeline">
      <Space style={{ marginBottom: 8 }} size="large" wrap>
        <Segmented size="small" value={by} onChange={(v) => setBy(v as typeof by)} options={[{ value: 'phase', label: '按阶段' }, { value: 'receiver', label: '按接收方' }]} />
        <Dot colour={COLOURS.relative}>T+ 时间</Dot>
        <Dot colour={COLOURS.clock}>时刻</Dot>
        <Dot colour={COLOURS.outside}>超出演练时间</Dot>
        {outside.length > 0 && (
          <Typography.Text type="danger" data-testid="timeline-outside">
            {outside.length} 条注入在演练时间（{shortClock(drill.startTime)}{drill.endTime ? `—${shortClock(drill.endTime)}` : ' 起'}）之外
          </Typography.Text>
        )}
      </Space>
      <svg width="100%" viewBox={`0 0 ${W} ${bottom + 36}`} style={{ background: '#fff', border: '1px solid #f0f0f0' }}>
        {lanes.map((l, li) => (
          <rect key={l.key} x={0} y={HEAD + li * LANE_H} width={W} height={LANE_H} fill={li % 2 ? '#fafafa' : '#fff'} />
        ))}
        {/* Outside the drill's hours, shaded: before the start and after the end. */}
        {axis.from < 0 && <rect x={LEFT} y={HEAD} width={x(0) - LEFT} height={bottom - HEAD} fill="#fff1f0" />}
        {end !== null && <rect x={x(end)} y={HEAD} width={W - RIGHT - x(end)} height={bottom - HEAD} fill="#fff1f0" />}
        {axis.ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={HEAD} y2={bottom} stroke="#f0f0f0" />
            <text x={x(t)} y={bottom + 15} fontSize={11} textAnchor="middle" fill="#8c8c8c">{formatOffset(t)}</text>
            <text x={x(t)} y={bottom + 29} fontSize={10} textAnchor="middle" fill="#bfbfbf">{clockAt(drill.startTime, t)}</text>
          </g>
        ))}
        {lanes.map((l, li) => (
          <text key={l.key} x={8} y={HEAD + li * LANE_H + LANE_H / 2 + 4} fontSize={12} fill="#262626">{l.label.slice(0, 9)}</text>
        ))}
        {markers.map((m) => (
          <g key={m.key} data-testid={`timeline-${m.key}`}>
            <line x1={x(m.at)} x2={x(m.at)} y1={HEAD - 6} y2={bottom} stroke={m.colour} strokeWidth={2} />
            <text x={x(m.at) + (m.left ? -5 : 5)} y={HEAD - 9} fontSize={12} fontWeight={600} textAnchor={m.left ? 'end' : 'start'} fill={m.colour}>{m.label}</text>
          </g>
        ))}
        {script.injects.map((i) => {
          const li = lanes.findIndex((l) => l.key === laneOf(i));
          if (li < 0) return null;
          const s = offsets.get(i.id)!;
          const out = outsideWindow(s, end);
          const when = i.time.mode === 'relative' ? `${formatOffset(s)}（${clockAt(drill.startTime, s)}）` : shortClock(i.time.clock);
          return (
            <Tooltip key={i.id} title={`${numbers.get(i.id)}. ${when} ${i.scene} → ${i.receiver}${out ? '（超出演练时间）' : ''}`}>
              <g data-outside={out || undefined}>
                <circle cx={x(s)} cy={HEAD + li * LANE_H + LANE_H / 2} r={9} fill={out ? COLOURS.outside : COLOURS[i.time.mode]} opacity={0.85} />
                <text x={x(s)} y={HEAD + li * LANE_H + LANE_H / 2 + 4} fontSize={10} textAnchor="middle" fill="#fff">{numbers.get(i.id)}</text>
              </g>
            </Tooltip>
          );
        })}
      </svg>
    </div>
  );
}
