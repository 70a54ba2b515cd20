import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { StaffingPlanResponse } from '../../../shared/staffing-api';
import { UplotChart } from './uplot-chart';

const OPTIONS: Omit<uPlot.Options, 'width'> = {
  height: 260,
  scales: { x: { time: true }, agents: {}, percent: { range: [0, 100] } },
  axes: [
    {},
    { label: '会话/时 Chats per hour' },
    { scale: 'agents', side: 1, label: '客服 Agents', grid: { show: false } },
    { scale: 'percent', side: 1, label: '服务水平 SL %', grid: { show: false } },
  ],
  series: [
    {},
    { label: '预测会话 Forecast chats/h', stroke: '#1d5fbf', fill: 'rgba(29,95,191,0.12)' },
    { label: '排班 Agents planned', stroke: '#b26a00', width: 2, scale: 'agents' },
    { label: '预期服务水平 Expected SL %', stroke: '#2e7d32', scale: 'percent', dash: [6, 4] },
  ],
};

/** The week ahead: chats forecast per hour, agents planned, and the service level expected. */
export function ForecastChart({ plan }: { plan: StaffingPlanResponse }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [
      plan.hours.map((hour) => hour.start / 1000),
      plan.hours.map((hour) => Math.round(hour.arrivals * 10) / 10),
      plan.hours.map((hour) => hour.agents),
      plan.hours.map((hour) => (hour.open ? Math.round(hour.serviceLevel * 1000) / 10 : null)),
    ],
    [plan],
  );
  return <UplotChart options={OPTIONS} data={data} label="Forecast chats and agents per hour" />;
}
