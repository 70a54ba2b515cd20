import { type SlaPolicyInput, TICKET_KINDS } from '@kefu/core';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The shop's promises (服务水平), first match wins. Chat targets are short so the console's SLA
 * risk column moves while you watch: VIP members get a first reply within a minute, everyone else
 * within three; tickets are answered within an hour and settled within two days.
 *
 * @example
 * createDesk({ storage, sla: { calendars: { shanghai }, policies: slaPolicies('shanghai') } });
 */
export function slaPolicies(calendar: string): SlaPolicyInput[] {
  return [
    {
      id: 'tickets',
      name: '工单 Tickets',
      conditions: { ticketKind: [...TICKET_KINDS] },
      calendar,
      targets: {
        firstResponse: { withinMs: HOUR },
        resolution: { withinMs: 48 * HOUR, hours: 'calendar' },
      },
    },
    {
      id: 'vip-chat',
      name: 'VIP 会员 VIP members',
      conditions: { tier: ['vip'] },
      calendar,
      targets: {
        firstResponse: { withinMs: MINUTE },
        nextResponse: { withinMs: 2 * MINUTE },
        resolution: { withinMs: 30 * MINUTE },
      },
      warnAt: [0.5, 0.8],
      escalation: [
        { on: 'warning', actions: [{ type: 'raise-priority', to: 'urgent' }] },
        { on: 'breach', afterMs: 5 * MINUTE, actions: [{ type: 'notify', to: 'supervisor' }] },
      ],
    },
    {
      id: 'standard-chat',
      name: '标准 Standard',
      calendar,
      targets: {
        firstResponse: { withinMs: 3 * MINUTE },
        nextResponse: { withinMs: 5 * MINUTE },
        resolution: { withinMs: HOUR },
      },
      warnAt: [0.5, 0.8],
      escalation: [{ on: 'breach', actions: [{ type: 'raise-priority', to: 'high' }] }],
    },
  ];
}
