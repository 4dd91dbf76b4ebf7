// A thin React wrapper around ECharts (the chart library Chinese office users know): options in, chart out.
//
// ECharts is a quarter of the app's code and only the evaluation pages draw charts, so it is loaded
// the first time a chart is shown: every other page, and the app's start, does without it.
import type { EChartsCoreOption, ECharts } from 'echarts/core';
import { useEffect, useRef } from 'react';

export function EChart({ option, height = 320, testId }: { option: EChartsCoreOption; height?: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);
  useEffect(() => {
    let disposed = false;
    const onResize = () => chart.current?.resize();
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !el.current) return;
      chart.current = echarts.init(el.current, undefined, { renderer: 'svg' });
      chart.current.setOption(latest.current, true);
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
