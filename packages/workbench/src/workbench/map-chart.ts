import * as echarts from 'echarts/core';
// Registered by importing them on their own paths (not through echarts/charts and
// echarts/components, which the scorecard's chart imports too): the map and its colour scale
// then stay in the Compare view's chunk instead of the one every chart loads.
import 'echarts/lib/chart/map';
import 'echarts/lib/component/visualMap';

let jiangsuMap: Promise<void> | undefined;
/** The 13 cities' boundaries, from echarts 4.9's map package, served by the gateway with the page. */
export function loadJiangsuMap(): Promise<void> {
  jiangsuMap ??= fetch('/workbench/maps/jiangsu.json')
    .then((r) => r.json())
    .then((geoJson) => echarts.registerMap('jiangsu', geoJson));
  return jiangsuMap;
}
