import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
// Bars and lines only, each registered by importing it on its own path: through the
// echarts/charts barrel the bundler keeps every chart the barrel names (the map among them)
// in the chunk every view loads. The map is registered by the Compare view (map-chart.ts).
import 'echarts/lib/chart/bar';
import 'echarts/lib/chart/line';
import 'echarts/lib/component/grid';
import 'echarts/lib/component/legend';
import 'echarts/lib/component/tooltip';
import { CanvasRenderer } from 'echarts/renderers';
import { markOnce, MARKS } from './timing';

echarts.use([CanvasRenderer]);

/** An ECharts chart that follows its option; `testId` lets the browser tests find it. */
export function Chart({ option, height = 320, testId }: { option: echarts.EChartsCoreOption; height?: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    chart.current = echarts.init(element.current!);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.resize(); // the element's height follows the number of rows
  }, [height]);
  useEffect(() => {
    chart.current?.setOption(option, true); // drawn on the canvas before it returns
    element.current?.setAttribute('data-drawn', 'true');
    if (testId) markOnce(MARKS.chartDrawn(testId));
  }, [option]);
  return <div ref={element} className="chart" style={{ height }} data-testid={testId} />;
}
