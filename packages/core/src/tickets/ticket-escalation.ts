import type { CommandContext } from '../desk/command-runner';
import { nextEscalation } from '../sla/sla-tracking';
import type { StorageTransaction } from '../storage/storage-adapter';
import type { Priority } from '../vocabulary/channels-and-priorities';
import type { Severity, Ticket } from './ticket';
import { updateTicket } from './ticket-commands';

const SEVERITY_OF: Record<Priority, Severity> = {
  low: 'low',
  normal: 'medium',
  high: 'high',
  urgent: 'critical',
};
const RANK: Severity[] = ['low', 'medium', 'high', 'critical'];

/**
 * Takes the escalation steps of the ticket's SLA policy that are due, level by level: raises the
 * severity, moves the ticket to a department or an owner, and announces `sla.escalated` (notify
 * and custom actions are for its listeners). The ticket's escalation level climbs with them.
 */
export async function escalateTicket(
  tx: StorageTransaction,
  context: CommandContext,
  ticket: Ticket,
): Promise<Ticket> {
  let current = ticket;
  for (;;) {
    if (!current.sla) return current;
    const due = nextEscalation(context.sla, current.sla);
    if (!due || due.dueAt === null || due.dueAt > context.now) return current;
    let severity = current.severity;
    let department = current.department;
    let ownerId = current.ownerId;
    for (const action of due.step.actions) {
      if (action.type === 'raise-priority') {
        const raised = SEVERITY_OF[action.to];
        if (RANK.indexOf(raised) > RANK.indexOf(severity)) severity = raised;
      }
      if (action.type === 'assign-team') department = action.team;
      if (action.type === 'assign-agent') ownerId = action.agentId;
    }
    current = await updateTicket(
      tx,
      context,
      current,
      'escalated',
      { kind: 'system', id: 'sla' },
      {
        severity,
        department,
        ownerId,
        escalationLevel: current.escalationLevel + 1,
        sla: { ...current.sla, escalationLevel: due.level },
      },
      { text: `SLA ${due.step.on}: level ${due.level}`, visibility: 'internal' },
    );
    context.emit({
      type: 'sla.escalated',
      at: context.now,
      subject: { kind: 'ticket', id: current.id },
      data: {
        conversation: null,
        ticket: current,
        policyId: due.policy.id,
        level: due.level,
        trigger: due.step.on,
        actions: due.step.actions,
      },
    });
  }
}
