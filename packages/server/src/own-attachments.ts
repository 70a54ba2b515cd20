import type { IncomingHttpHeaders } from 'node:http';
import { type Attachment, attachmentKey, KefuError } from '@kefu/core';
import { checkAttachments } from './attachment-policy';
import type { AttachmentService } from './attachment-service';
import type { GatewayContext } from './gateway-context';

/** Where attachments are being put: a conversation's message, or a customer's ticket. */
export type AttachmentTarget =
  | { kind: 'conversation'; customerId: string; conversationId: string | null }
  | { kind: 'ticket'; customerId: string; ticketId: string | null };

const refuse = (message: string) => new KefuError('VALIDATION', message);

/** The attachment id of one of our file URLs (path and `ref` check out), else null. */
export function ownAttachmentId(service: AttachmentService, url: URL): string | null {
  const prefix = `${service.urlPath}/attachments/`;
  if (!url.pathname.startsWith(prefix)) return null;
  const id = url.pathname.slice(prefix.length);
  return service.signer.refValid(id, url.searchParams.get('ref')) ? id : null;
}

/** May a file uploaded for `meta` go into `target`? Same customer, and no other thread. */
function belongs(meta: Record<string, string>, target: AttachmentTarget): boolean {
  if (meta.customer !== target.customerId) return false;
  if (target.kind === 'conversation') {
    // A file uploaded for a ticket stays evidence on that ticket.
    if (meta.ticket !== undefined) return false;
    return meta.conversation === undefined || meta.conversation === target.conversationId;
  }
  // A chat photo of the same customer may become evidence on their ticket.
  return meta.ticket === undefined || meta.ticket === target.ticketId;
}

/**
 * The attachments as they may be stored. The gateway's own files (their URL carries its `ref`)
 * need no `allowedHosts`: they must exist, belong to the same customer and conversation (or
 * ticket), and are stored as a plain reference with the name, type and size the upload
 * recorded; signatures are added on the way out. Everything else goes through
 * `checkAttachments`. Without a `Host` header (in-process callers, desk calls) and without
 * `publicUrl`, the link's host is kept as given. Throws `VALIDATION` naming the first one refused.
 */
export async function acceptAttachments(
  context: Pick<GatewayContext, 'uploads' | 'attachments'>,
  attachments: readonly Attachment[],
  target: AttachmentTarget,
  /** The request's headers: links must name the host it reached (or `publicUrl`'s). */
  headers: IncomingHttpHeaders,
): Promise<Attachment[]> {
  const { uploads: service, attachments: policy } = context;
  const host = service.host(headers);
  const accepted: Attachment[] = [];
  for (const [index, attachment] of attachments.entries()) {
    const what = `Attachment ${index + 1}`;
    let url: URL | null = null;
    try {
      url = new URL(attachment.url);
    } catch {
      // checkAttachments names the problem below.
    }
    const id = url && ownAttachmentId(service, url);
    if (!url || !id) {
      const [checked] = checkAttachments([attachment], policy);
      if (checked) accepted.push(checked);
      continue;
    }
    // A look-alike host must not borrow our file's name: only links to this gateway count.
    if (host !== null && url.host !== host) throw refuse(`${what}: the link is not to this shop.`);
    const info = service.blobs ? await service.blobs.head(attachmentKey(id)) : null;
    if (!info) throw refuse(`${what}: the file is not there (upload it first).`);
    if (!belongs(info.metadata, target)) {
      throw refuse(`${what}: the file was uploaded for another conversation or ticket.`);
    }
    const ref = service.signer.ref(id);
    accepted.push({
      name: info.metadata.name ?? 'attachment',
      contentType: info.contentType,
      size: info.size,
      url: `${url.origin}${service.urlPath}/attachments/${id}?ref=${ref}`,
    });
  }
  return accepted;
}
