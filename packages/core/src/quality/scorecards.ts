import type { Scorecard } from './review';

/**
 * The scorecard a desk offers when the shop names none: the five criteria of the 质检
 * practice, resolution weighted highest. Labels carry both of the console's languages.
 *
 * @example
 * const review = await desk.quality.start({ conversationId, reviewerId: 'agt_zhao', scorecard: DEFAULT_SCORECARD });
 */
export const DEFAULT_SCORECARD: Scorecard = {
  id: 'chat-v1',
  name: '在线客服质检 Chat quality',
  criteria: [
    { id: 'greeting', label: '问候 Greeting', weight: 1 },
    { id: 'accuracy', label: '准确 Accuracy', weight: 2 },
    { id: 'empathy', label: '共情 Empathy', weight: 1 },
    { id: 'resolution', label: '解决问题 Resolution', weight: 3 },
    { id: 'compliance', label: '合规 Compliance', weight: 2 },
  ],
};
