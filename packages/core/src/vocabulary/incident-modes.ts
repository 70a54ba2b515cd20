/**
 * How the desk takes new work during an incident (应急): as usual (`normal`, only the banner and
 * the SLA pause), answered by the bot alone (`bot-only`), or as left messages (`leave-message`).
 * In the last two, routing holds new assignments until the incident ends.
 *
 * @example
 * ```ts
 * <select>{INCIDENT_MODES.map((mode) => <option key={mode}>{mode}</option>)}</select>
 * ```
 */
export const INCIDENT_MODES = ['normal', 'bot-only', 'leave-message'] as const;

/**
 * One of `INCIDENT_MODES`.
 *
 * @example
 * ```ts
 * const mode: IncidentMode = storageDown ? 'leave-message' : 'bot-only';
 * await desk.incidents.start({ message, mode });
 * ```
 */
export type IncidentMode = (typeof INCIDENT_MODES)[number];
