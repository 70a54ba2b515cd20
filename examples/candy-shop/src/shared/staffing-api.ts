/** The staffing page's endpoints (`/api/staffing/…`), shared by the server and the console. */

/** `GET /api/staffing/plan?handle=240&within=15&target=0.8&capacity=3` */
export interface StaffingPlanResponse {
  /** `history`: the desk's own log; `sample`: a typical candy-shop week (too little history yet). */
  source: 'history' | 'sample';
  timeZone: string;
  /** Error of the forecast method on the held-out last week. */
  mape: number | null;
  wape: number | null;
  targets: StaffingTargets;
  /** The next seven days, hour by hour. */
  hours: {
    start: number;
    arrivals: number;
    agents: number;
    scheduledAgents: number;
    serviceLevel: number;
    open: boolean;
  }[];
}

export interface StaffingTargets {
  averageHandleSeconds: number;
  answerWithinSeconds: number;
  targetServiceLevel: number;
  /** Chats one agent holds at once. */
  capacity: number;
}

/** `POST /api/staffing/simulate`: one day (tomorrow's forecast) through a simulated desk. */
export interface WhatIfRequest {
  /** Agents online while the shop is open; omitted: follow the plan hour by hour. */
  agents?: number;
  averageHandleSeconds: number;
  answerWithinSeconds: number;
  capacity: number;
  /** Mean patience of a waiting customer; omitted: nobody leaves. */
  patienceSeconds?: number;
}

export interface WhatIfResponse {
  date: string;
  summary: {
    conversations: number;
    serviceLevel: number | null;
    asaSeconds: number | null;
    abandonmentRate: number | null;
    utilisation: number | null;
  };
  /** Local hours the shop was open, with the simulated and the Erlang C service level. */
  hours: {
    hour: number;
    arrivals: number;
    agents: number;
    serviceLevel: number | null;
    erlangServiceLevel: number | null;
    asaSeconds: number | null;
  }[];
}
