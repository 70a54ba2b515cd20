import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { WhatIfResponse } from '../../../shared/staffing-api';
import { UplotChart } from './uplot-chart';

const OPTIONS: Omit<uPlot.Options, 'width'> = {
  height: 240,
  scales: { x: { time: false }, percent: { range: [0, 100] } },
  axes: [
    { label: '时 Hour', values: (_chart, ticks) => ticks.map((tick) => `${tick}:00`) },
    { scale: 'percent', label: '服务水平 SL %' },
  ],
  series: [
    {},
    { label: '模拟 Simulated SL %', stroke: '#1d5fbf', width: 2, scale: 'percent' },
    { label: 'Erlang C SL %', stroke: '#5c6577', dash: [6, 4], scale: 'percent' },
  ],
};

/** The simulated day, hour by hour: the desk's service level next to Erlang C's. */
export function WhatIfChart({ result }: { result: WhatIfResponse }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [
      result.hours.map((hour) => hour.hour),
      result.hours.map((hour) =>
        hour.serviceLevel === null ? null : Math.round(hour.serviceLevel * 1000) / 10,
      ),
      result.hours.map((hour) =>
        hour.erlangServiceLevel === null ? null : Math.round(hour.erlangServiceLevel * 1000) / 10,
      ),
    ],
    [result],
  );
  return <UplotChart options={OPTIONS} data={data} label="Simulated service level per hour" />;
}
