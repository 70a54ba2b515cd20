import { describe, expect, it } from 'vitest';
import { setupDesk } from '../desk/desk-test-setup';
import { isKefuError } from '../errors/kefu-error';

describe('desk.conversations.get', () => {
  it('takes { conversationId } like every other command', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    expect((await desk.conversations.get({ conversationId: id }))?.id).toBe(id);
    expect(await desk.conversations.get({ conversationId: 'conv_missing' })).toBeNull();
  });

  it('still accepts the deprecated bare id, with the same result', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    expect(await desk.conversations.get(id)).toEqual(
      await desk.conversations.get({ conversationId: id }),
    );
  });

  it('refuses a malformed request with VALIDATION', async () => {
    const { desk } = await setupDesk();
    for (const bad of [{ conversationId: '' }, { id: 'conv_1' }, '', 42]) {
      const error = await desk.conversations
        .get(bad as unknown as { conversationId: string })
        .catch((e: unknown) => e);
      expect(isKefuError(error) && error.code).toBe('VALIDATION');
    }
  });
});
