import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { Attachment } from '@shared/domain/attachments/attachment';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { Spinner } from '../../ui/Spinner';
import { UploadError } from '../../api/upload-file';
import { apiErrorMessage } from '../../api/api-error-message';
import { useUserName } from '../../api/use-users';
import { recordKeys, useRecordsHttp, type RecordResource } from '../records-http';
import { useRecordsMessages, type RecordsMessages } from '../records-messages';
import { acceptedFiles, attachmentContentType, attachmentsApi, maxAttachmentBytes, putFile, startDownload } from './attachments-api';
import '../../styles/records.css';

/**
 * A record's files (contracts, scans, specifications): the list with download and delete, and
 * uploads with progress. The bytes go straight to the file store; the API only hands out links.
 *
 *   <AttachmentsPanel resource="accounts" id={account.id} />
 */
interface UploadState {
  key: string;
  name: string;
  phase: 'preparing' | 'uploading' | 'finishing' | 'failed';
  percent: number;
  error?: string;
}

export function AttachmentsPanel({ resource, id }: { resource: RecordResource; id: string }) {
  const { t, format } = useI18n();
  const m = useRecordsMessages();
  const userName = useUserName();
  const http = useRecordsHttp();
  const api = useMemo(() => attachmentsApi(http, resource, id), [http, resource, id]);
  const queryClient = useQueryClient();
  const headingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const [removing, setRemoving] = useState<Attachment | undefined>();
  const [actionError, setActionError] = useState<string | undefined>();
  const aborts = useRef(new Set<AbortController>());
  useEffect(() => {
    const controllers = aborts.current;
    return () => controllers.forEach((controller) => controller.abort());
  }, []);

  const list = useQuery({ queryKey: recordKeys.attachments(resource, id), queryFn: api.list });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: recordKeys.attachments(resource, id) });
    void queryClient.invalidateQueries({ queryKey: recordKeys.timeline(resource, id) });
  };

  const download = useMutation({
    mutationFn: (attachment: Attachment) => api.download(attachment.id),
    onMutate: () => setActionError(undefined),
    onSuccess: (link, attachment) => startDownload(link.url, link.fileName ?? attachment.fileName),
    onError: (error) => setActionError(apiErrorMessage(error, t)),
  });
  const remove = useMutation({
    mutationFn: (attachment: Attachment) => api.remove(attachment.id),
    onMutate: () => setActionError(undefined),
    onSuccess: () => {
      setRemoving(undefined);
      refresh();
    },
    onError: (error) => {
      setRemoving(undefined);
      // Already gone: the list was stale.
      if (isApiError(error) && error.status === 404) refresh();
      else setActionError(apiErrorMessage(error, t));
    },
  });

  const update = (key: string, changes: Partial<UploadState>) => setUploads((current) => current.map((u) => (u.key === key ? { ...u, ...changes } : u)));

  async function uploadOne(file: File) {
    const key = `${file.name}:${file.size}:${Date.now()}:${Math.random()}`;
    const contentType = attachmentContentType(file);
    const problem =
      file.size === 0
        ? m.attachments.emptyFile
        : file.size > maxAttachmentBytes
          ? m.attachments.tooBig((file.size / 1024 / 1024).toFixed(1))
          : !contentType
            ? m.attachments.wrongType
            : undefined;
    if (problem || !contentType) {
      setUploads((current) => [...current, { key, name: file.name, phase: 'failed', percent: 0, error: problem }]);
      return;
    }
    setUploads((current) => [...current, { key, name: file.name, phase: 'preparing', percent: 0 }]);
    const controller = new AbortController();
    aborts.current.add(controller);
    try {
      const { attachment, upload } = await api.start({ fileName: file.name, contentType, bytes: file.size });
      update(key, { phase: 'uploading' });
      await putFile(upload, file, (percent) => update(key, { percent }), controller.signal);
      update(key, { phase: 'finishing', percent: 100 });
      await api.complete(attachment.id);
      setUploads((current) => current.filter((u) => u.key !== key));
      refresh();
    } catch (error) {
      if (error instanceof UploadError && error.kind === 'aborted') return;
      update(key, { phase: 'failed', error: uploadErrorText(error, m, t) });
    } finally {
      aborts.current.delete(controller);
    }
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setUploads((current) => current.filter((u) => u.phase !== 'failed'));
    for (const file of files) await uploadOne(file);
  }

  const items = list.data?.items.filter((a) => a.status !== 'removed') ?? [];
  const busy = uploads.some((u) => u.phase !== 'failed');
  return (
    <section className="record-panel attachments-panel" aria-labelledby={headingId} data-testid="attachments-panel">
      <div className="record-panel-head">
        <h2 id={headingId} className="detail-title">
          {m.attachments.title} {items.length > 0 ? <span className="record-count">{items.length}</span> : null}
        </h2>
        <label className={busy ? 'button button-upload button-busy' : 'button button-upload'}>
          <input ref={inputRef} type="file" multiple accept={acceptedFiles} className="visually-hidden" data-testid="attachment-input" onChange={(event) => void choose(event)} />
          <span aria-hidden="true">+</span> {m.attachments.add}
        </label>
      </div>
      <p className="muted record-hint">{m.attachments.limits}</p>

      {uploads.length > 0 ? (
        <ul className="attachment-uploads" aria-live="polite">
          {uploads.map((u) => (
            <li key={u.key} className={u.phase === 'failed' ? 'attachment-upload attachment-upload-failed' : 'attachment-upload'} data-testid="attachment-upload">
              {u.phase === 'failed' ? (
                <>
                  <span className="break">{u.name}</span>
                  <span className="field-error" role="alert">
                    {u.error}
                  </span>
                  <button type="button" className="button button-link" onClick={() => setUploads((current) => current.filter((x) => x.key !== u.key))}>
                    ×<span className="visually-hidden">{m.common.cancel}</span>
                  </button>
                </>
              ) : (
                <>
                  <Spinner size="sm" />
                  <span className="break">
                    {u.phase === 'preparing' ? m.attachments.preparing(u.name) : u.phase === 'finishing' ? m.attachments.finishing(u.name) : m.attachments.uploading(u.name, u.percent)}
                  </span>
                  <progress className="attachment-progress" max={100} value={u.percent} aria-label={u.name} />
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      {actionError ? <ErrorNotice>{actionError}</ErrorNotice> : null}

      {list.isPending ? (
        <LoadingState text={m.attachments.loading} />
      ) : list.isError ? (
        <ErrorNotice
          action={
            <button type="button" className="button" onClick={() => void list.refetch()}>
              {m.common.retry}
            </button>
          }
        >
          {apiErrorMessage(list.error, t)}
        </ErrorNotice>
      ) : items.length === 0 ? (
        <p className="muted">{m.attachments.empty}</p>
      ) : (
        <ul className="attachment-list" aria-label={m.attachments.caption}>
          {items.map((attachment) => (
            <li key={attachment.id} className="attachment-item" data-testid="attachment-item">
              <div className="attachment-main">
                <button
                  type="button"
                  className="button-link attachment-name break"
                  onClick={() => download.mutate(attachment)}
                  disabled={attachment.status !== 'stored'}
                  data-testid="attachment-download"
                >
                  {attachment.fileName}
                </button>
                <span className="cell-sub">
                  {m.attachments.size(attachment.bytes)} · {format.dateTime(attachment.storedAt ?? attachment.createdAt)} · {userName(attachment.createdBy)}
                  {attachment.status === 'pending' ? ` · ${m.attachments.pending}` : ''}
                </span>
              </div>
              <div className="attachment-actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => download.mutate(attachment)}
                  disabled={attachment.status !== 'stored' || (download.isPending && download.variables?.id === attachment.id)}
                >
                  {download.isPending && download.variables?.id === attachment.id ? <Spinner size="sm" /> : null}
                  {m.attachments.download}
                </button>
                <button type="button" className="button button-danger" onClick={() => setRemoving(attachment)} data-testid="attachment-delete">
                  {m.attachments.delete}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <Dialog open={Boolean(removing)} title={m.attachments.delete} onClose={() => (remove.isPending ? undefined : setRemoving(undefined))} testId="attachment-delete-dialog">
        {removing ? (
          <div className="dialog-form">
            <p className="break">{m.attachments.confirmDelete(removing.fileName)}</p>
            <div className="form-actions">
              <button type="button" className="button button-danger" disabled={remove.isPending} onClick={() => remove.mutate(removing)} data-testid="attachment-delete-confirm">
                {remove.isPending ? <Spinner size="sm" /> : null}
                {remove.isPending ? m.attachments.deleting : m.attachments.delete}
              </button>
              <button type="button" className="button" onClick={() => setRemoving(undefined)} disabled={remove.isPending}>
                {m.common.cancel}
              </button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </section>
  );
}

function uploadErrorText(error: unknown, m: RecordsMessages, t: Parameters<typeof apiErrorMessage>[1]): string {
  if (error instanceof UploadError) return error.kind === 'expired' ? m.attachments.uploadExpired : m.attachments.uploadFailed;
  if (isApiError(error)) {
    const field = error.fields[0];
    if (field?.path === 'bytes') return error.status === 422 ? m.attachments.sizeMismatch : m.attachments.tooBig('> 25');
    if (field?.path === 'contentType') return m.attachments.wrongType;
    if (field?.path === 'file') return m.attachments.notUploaded;
    if (error.status === 413) return m.attachments.tooBig('> 25');
    if (error.status === 415) return m.attachments.wrongType;
  }
  return apiErrorMessage(error, t);
}
