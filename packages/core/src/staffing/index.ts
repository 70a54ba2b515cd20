export type { ErlangAInput, ErlangAResult } from './erlang-a';
export { erlangA } from './erlang-a';
export type { ErlangCResult, QueueInput, UnstableQueue } from './erlang-c';
export { erlangB, erlangC } from './erlang-c';
export type {
  ArrivalEvent,
  ArrivalForecast,
  ForecastHour,
  ForecastInput,
} from './forecast-arrivals';
export { forecastArrivals } from './forecast-arrivals';
export type { PlannedHour, PlanTargets } from './plan-staffing';
export { planStaffing } from './plan-staffing';
export type { RequiredAgents, StaffingTarget } from './required-agents';
export { requiredAgents } from './required-agents';
export { simulate } from './simulate';
export type { SimulationOptions } from './simulation-options';
export type { SimulatedHour, SimulationResult, SimulationSummary } from './simulation-result';
