// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { type FakeGateway, useFakeGateway } from '../test-support/fake-gateway';
import { setupMsw } from '../test-support/msw-setup';
import { renderWithClient } from '../test-support/render-with-client';
import { ChatWidget } from './chat-widget';

const server = setupMsw();
const GRANT = 'http://kefu.test/kefu/attachments';
const stored = (name: string) => ({
  name,
  contentType: 'image/png',
  size: 4,
  url: `https://kefu.test/kefu/attachments/${name}?sig=d`,
});
const png = (name = 'melted.png') =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' });

/** The attachments endpoint; the PUT waits for `release()` so the upload can be watched. */
function attachmentsEndpoint() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const grants: unknown[] = [];
  server.use(
    http.post(GRANT, async ({ request }) => {
      grants.push(await request.json());
      return HttpResponse.json({ uploadUrl: '/kefu/uploads/u1', expiresAt: 1 }, { status: 201 });
    }),
    http.put('http://kefu.test/kefu/uploads/u1', async ({ request }) => {
      const name = (grants.at(-1) as { name: string }).name;
      await request.arrayBuffer();
      await released;
      return HttpResponse.json({ attachment: stored(name) }, { status: 201 });
    }),
  );
  return { grants, release };
}

const sentAttachments = (fake: FakeGateway) =>
  fake.received.flatMap((frame) => (frame.type === 'send' ? (frame.attachments ?? []) : []));

async function openChat() {
  renderWithClient(<ChatWidget locale="en" defaultOpen />);
  const panel = await screen.findByRole('dialog', { name: 'Customer service' });
  return { panel, user: userEvent.setup() };
}

describe('uploads in the widget', () => {
  it('uploads a picked file with progress, then sends it as a message with a photo preview', async () => {
    const fake = useFakeGateway(server);
    const { panel, user } = await openChat();
    const endpoint = attachmentsEndpoint();
    const input = panel.querySelector<HTMLInputElement>('input[type=file]');
    expect(within(panel).getByRole('button', { name: 'Attach a photo or file' })).toBeVisible();
    await user.upload(input as HTMLInputElement, png());

    const progress = await within(panel).findByRole('progressbar', {
      name: 'Uploading melted.png',
    });
    expect(progress).toBeInTheDocument();
    // A conversation was started for the photo, and the grant names it.
    await waitFor(() => expect(endpoint.grants).toHaveLength(1));
    expect(endpoint.grants[0]).toMatchObject({
      name: 'melted.png',
      contentType: 'image/png',
      size: 4,
    });
    expect(sentAttachments(fake)).toEqual([]);

    endpoint.release();
    const preview = await within(panel).findByRole('button', { name: 'Open melted.png' });
    // A decorative <img> (the button is labelled): found by tag.
    expect(preview.querySelector('img')).toHaveAttribute('src', stored('melted.png').url);
    expect(within(panel).queryByRole('progressbar')).toBeNull();
    expect(sentAttachments(fake)).toEqual([stored('melted.png')]);

    // The lightbox: opens larger, Escape closes it and only it.
    await user.click(preview);
    const lightbox = await screen.findByRole('dialog', { name: 'melted.png' });
    await user.keyboard('{Escape}');
    expect(lightbox).not.toBeInTheDocument();
    expect(preview).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'Customer service' })).toBeInTheDocument();
  });

  it('says why the gateway refused a file, sends nothing, and removes it on request', async () => {
    const fake = useFakeGateway(server);
    const { panel, user } = await openChat();
    let puts = 0;
    server.use(
      http.post(GRANT, () =>
        HttpResponse.json(
          { error: { code: 'VALIDATION', message: 'Files may be at most 10 MB.' } },
          { status: 413 },
        ),
      ),
      http.put('http://kefu.test/kefu/*', () => {
        puts++;
        return HttpResponse.json({}, { status: 201 });
      }),
    );
    await user.upload(panel.querySelector('input[type=file]') as HTMLInputElement, png('big.png'));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'Not uploaded: Files may be at most 10 MB.',
    );
    expect(puts).toBe(0);
    expect(sentAttachments(fake)).toEqual([]);
    await user.click(within(panel).getByRole('button', { name: 'Remove big.png' }));
    expect(within(panel).queryByRole('alert')).toBeNull();
  });

  it('takes a pasted screenshot and a dropped file', async () => {
    const fake = useFakeGateway(server);
    const { panel } = await openChat();
    const endpoint = attachmentsEndpoint();
    endpoint.release();
    const field = within(panel).getByRole('textbox', { name: 'Message' });
    fireEvent.paste(field, { clipboardData: { files: [png('screenshot.png')] } });
    await within(panel).findByRole('button', { name: 'Open screenshot.png' });

    const chat = panel.querySelector('.kefu-chat') as HTMLElement;
    const dataTransfer = { files: [png('wrong-item.png')], types: ['Files'] };
    fireEvent.dragOver(chat, { dataTransfer });
    expect(chat).toHaveAttribute('data-dropping');
    fireEvent.drop(chat, { dataTransfer });
    expect(chat).not.toHaveAttribute('data-dropping');
    await within(panel).findByRole('button', { name: 'Open wrong-item.png' });
    expect(sentAttachments(fake).map((attachment) => attachment.name)).toEqual([
      'screenshot.png',
      'wrong-item.png',
    ]);
  });

  it('has no attach button with uploads={false}, and ignores dropped files then', async () => {
    useFakeGateway(server);
    renderWithClient(<ChatWidget locale="en" defaultOpen uploads={false} />);
    const panel = await screen.findByRole('dialog', { name: 'Customer service' });
    expect(within(panel).queryByRole('button', { name: 'Attach a photo or file' })).toBeNull();
    const chat = panel.querySelector('.kefu-chat') as HTMLElement;
    fireEvent.drop(chat, { dataTransfer: { files: [png()], types: ['Files'] } });
    expect(within(panel).queryByRole('list', { name: 'Uploads' })).toBeNull();
  });
});
