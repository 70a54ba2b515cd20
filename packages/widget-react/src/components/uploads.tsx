import type { KefuClient } from '@kefu/client';
import { useEffect, useState } from 'react';
import { enUploads } from '../i18n/en-parts';
import { withPartI18n } from '../i18n/part-translate';
import type { Translate } from '../i18n/translate';
import { zhCNUploads } from '../i18n/zh-cn-parts';
import { uploadsCss } from '../theme/parts-css';
import { usePartCss } from '../theme/use-part-css';

/** A file the customer picked, dropped or pasted, until its message is sent. */
export interface QueuedFile {
  id: string;
  file: File;
}

/** What the uploads part is given by `Uploads` (lazy-parts.tsx). */
export interface UploadsPartProps {
  files: readonly QueuedFile[];
  /** The conversation to send into: the current one, or a new one. */
  conversation(): Promise<string>;
  /** The file is sent (or the customer removed it): take it off the list. */
  onDone(id: string): void;
  t: Translate;
  client: KefuClient;
}

/**
 * The files on their way: each uploads at once (`client.upload`) with its progress and, for a
 * photo, a preview; once stored it goes out as a message of its own, as a photo does in a chat
 * app. A failed upload says why and can be removed; removing one in progress cancels it.
 */
function UploadsPartView({ files, ...shared }: UploadsPartProps) {
  usePartCss('uploads', uploadsCss);
  return (
    <ul className="kefu-uploads" aria-label={shared.t('uploads')}>
      {files.map((queued) => (
        <Upload key={queued.id} queued={queued} {...shared} />
      ))}
    </ul>
  );
}

function Upload({
  queued,
  conversation,
  onDone,
  t,
  client,
}: Omit<UploadsPartProps, 'files'> & { queued: QueuedFile }) {
  const { file, id } = queued;
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    if (!file.type.startsWith('image/') || typeof URL.createObjectURL !== 'function') return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one upload per queued file
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const conversationId = await conversation();
      const attachment = await client.upload(file, {
        conversationId,
        signal: controller.signal,
        onProgress: ({ loaded, total }) => setProgress(total > 0 ? loaded / total : 0),
      });
      client.send(conversationId, '', { attachments: [attachment] });
      onDone(id);
    })().catch((failure: unknown) => {
      if (controller.signal.aborted) return;
      setError(failure instanceof Error ? failure.message : String(failure));
    });
    return () => controller.abort();
  }, [id]);

  const percent = Math.round(progress * 100);
  return (
    <li className="kefu-upload" data-status={error ? 'failed' : 'uploading'}>
      {preview ? <img src={preview} alt="" /> : null}
      <span className="kefu-upload-name">{file.name}</span>
      {error ? (
        <span className="kefu-failed" role="alert">
          {t('uploadFailed', { reason: error })}
        </span>
      ) : (
        <progress max={100} value={percent} aria-label={t('uploading', { name: file.name })}>
          {percent}%
        </progress>
      )}
      <button
        type="button"
        className="kefu-icon-button"
        aria-label={t('removeUpload', { name: file.name })}
        onClick={() => onDone(id)}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </li>
  );
}

/** `UploadsPartView` with its strings (i18n/part-translate.tsx). */
export const UploadsPart = withPartI18n(UploadsPartView, { en: enUploads, 'zh-CN': zhCNUploads });
