/**
 * How the desk takes new work during an incident (应急): as usual (`normal`, only the banner and
 * the SLA pause), answered by the bot alone (`bot-only`), or as left messages (`leave-message`).
 * In the last two, routing holds new assignments until the incident ends.
 */
export const INCIDENT_MODES = ['normal', 'bot-only', 'leave-message'] as const;
export type IncidentMode = (typeof INCIDENT_MODES)[number];
