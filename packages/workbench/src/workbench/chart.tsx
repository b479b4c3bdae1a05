import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, MarkLineComponent, TitleComponent, CanvasRenderer]);

let jiangsuMap: Promise<void> | undefined;
/** The 13 cities' boundaries, from echarts 4.9's map package, served by the gateway with the page. */
export function loadJiangsuMap(): Promise<void> {
  jiangsuMap ??= fetch('/workbench/maps/jiangsu.json')
    .then((r) => r.json())
    .then((geoJson) => echarts.registerMap('jiangsu', geoJson));
  return jiangsuMap;
}

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
    chart.current?.setOption(option, true);
    element.current?.setAttribute('data-drawn', 'true');
  }, [option]);
  return <div ref={element} className="chart" style={{ height }} data-testid={testId} />;
}
