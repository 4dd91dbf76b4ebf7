// Planned vs actual time of every inject, as a chart a coordinator would rather look at than read.
import { useMemo } from 'react';
import { formatOffset } from '@shared/drill-clock';
import type { TimelineAnalysis } from '@shared/schemas/evaluation';
import { EChart } from '../../components/EChart';

const min = (ms: number | null) => (ms === null ? null : Math.round((ms / 60000) * 10) / 10);

export function TimelineChart({ t }: { t: TimelineAnalysis }) {
  const option = useMemo(() => {
    const labels = t.injects.map((i) => `${i.seq}. ${i.scene}`.slice(0, 14));
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : formatOffset(Math.round(v * 60))) },
      legend: { top: 0, data: ['计划时间', '实际下达', '首次响应'] },
      grid: { left: 140, right: 30, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: '分钟', axisLabel: { formatter: (v: number) => `T+${v}` } },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [
        { name: '计划时间', type: 'scatter', symbol: 'rect', symbolSize: 10, data: t.injects.map((i) => min(i.plannedMs)), itemStyle: { color: '#8c8c8c' } },
        { name: '实际下达', type: 'scatter', symbolSize: 12, data: t.injects.map((i) => min(i.actualMs)), itemStyle: { color: '#1677ff' } },
        { name: '首次响应', type: 'scatter', symbol: 'triangle', symbolSize: 11, data: t.injects.map((i) => (i.actualMs !== null && i.responseMs !== null ? min(i.actualMs + i.responseMs) : null)), itemStyle: { color: '#52c41a' } },
      ],
    };
  }, [t]);
  return <EChart option={option} height={Math.max(240, t.injects.length * 34 + 80)} testId="timeline-chart" />;
}
