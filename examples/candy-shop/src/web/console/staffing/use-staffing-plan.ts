import { useEffect, useState } from 'react';
import type { StaffingPlanResponse, StaffingTargets } from '../../../shared/staffing-api';
import { demoFetch } from '../../shared/demo-fetch';

/** The forecast and the staffing plan for the next week, for these targets. */
export function useStaffingPlan(token: string, targets: StaffingTargets) {
  const [plan, setPlan] = useState<StaffingPlanResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { averageHandleSeconds, answerWithinSeconds, targetServiceLevel, capacity } = targets;
  useEffect(() => {
    let current = true;
    const query = new URLSearchParams({
      handle: String(averageHandleSeconds),
      within: String(answerWithinSeconds),
      target: String(targetServiceLevel),
      capacity: String(capacity),
    });
    demoFetch<StaffingPlanResponse>(`/api/staffing/plan?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }).then(
      (next) => {
        if (!current) return;
        setPlan(next);
        setError(null);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [token, averageHandleSeconds, answerWithinSeconds, targetServiceLevel, capacity]);
  return { plan, error };
}
