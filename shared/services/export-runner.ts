import { fileStore } from '../adapters/file-store';
import { writeCsv, writeXlsx, type Cell, type CsvFile } from '../adapters/spreadsheet-writer';
import { ConditionFailed } from '../data/change-set';
import { getCustomFields } from '../data/custom-fields-repository';
import { getExport, saveExport } from '../data/exports-repository';
import { getLinkedRecords } from '../data/records-repository';
import { listUsers } from '../data/users-repository';
import { sees, type Visibility } from '../auth/visibility';
import type { Actor } from '../domain/common/actor';
import { DomainError } from '../domain/common/errors';
import { entry } from '../domain/common/change';
import { newId } from '../domain/common/clock';
import { exportContentType, exportFileName, exportTitle, maxExportRows, type ExportJob } from '../domain/exports/export-job';
import { kinds } from '../domain/records/kinds';
import { exportColumns, type ExportContext } from '../domain/transfer/export-rows';
import { isCustomizable } from './custom-field-service';
import { visibilityFor } from './visibility-service';
import { listPagesOf, requesterOf } from './export-service';

/**
 * Writes an export's file (rule `export-requested-run`): the list read page by page as the UI
 * reads it (one Query each), written as typed XLSX cells or as CSV in the asked dialect (text
 * neutralised against formulas), stored, and the job marked done; a Windows-1251 CSV's job says
 * which characters the code page could not hold.
 * A redelivered event finds the job done and does nothing; a crash before that rewrites the file.
 */
export async function runExport(id: string, now: () => Date = () => new Date()): Promise<'done' | 'failed' | 'stale'> {
  const job = await getExport(id);
  if (!job || job.status !== 'running') return 'stale';
  const type = job.recordType;
  const [customFields, users] = await Promise.all([isCustomizable(type) ? getCustomFields(type).then((s) => s.fields) : [], listUsers()]);
  const owners = new Map(users.map((u) => [u.id, { email: u.email, ...(u.name ? { name: u.name } : {}) }]));
  const columns = exportColumns(kinds[type], customFields, job.locale);
  const page = listPagesOf(requesterOf(job), type, job.filters);
  const accounts = accountNamer(requesterOf(job));
  const context: ExportContext = { owners, accountNames: accounts.names };

  const rows: Cell[][] = [];
  let cursor: string | undefined;
  let truncated = false;
  do {
    const { items, nextCursor } = await page(cursor, 100);
    await accounts.learn(items as { accountId?: unknown }[]);
    for (const record of items) rows.push(columns.map((c) => c.value(record as Record<string, unknown>, context)));
    cursor = nextCursor;
    if (rows.length >= maxExportRows && cursor) truncated = true;
  } while (cursor && !truncated);

  const file: CsvFile = job.format === 'csv' ? writeCsv(columns, rows, job.csvDialect) : { bytes: await writeXlsx(exportTitle(job), columns, rows) };
  const fileKey = `exports/${job.id}.${job.format}`;
  await fileStore().write(fileKey, file.bytes, exportContentType(job));

  const at = now();
  const done: ExportJob = {
    ...job,
    status: 'done',
    rows: rows.length,
    truncated,
    ...(file.loss ? { encodingLoss: file.loss } : {}),
    fileKey,
    fileName: exportFileName(job),
    updatedAt: at.toISOString(),
    version: job.version + 1,
  };
  try {
    await saveExport(done, job, entry({ actor: { type: 'system', id: 'export' }, now: at, newId: () => newId(at) }, 'updated', { changes: [{ field: 'status', from: 'running', to: 'done' }], data: { rows: rows.length } }));
  } catch (error) {
    if (error instanceof ConditionFailed) return 'stale';
    throw error;
  }
  return 'done';
}

/**
 * The names of the accounts a page's records belong to, read in one BatchGetItem per page for the
 * ids not met before, and kept only where the exporter may see the account: an export names no
 * more than the list's own links would show.
 */
function accountNamer(requester: Actor): { names: ReadonlyMap<string, string>; learn: (items: readonly { accountId?: unknown }[]) => Promise<void> } {
  const names = new Map<string, string>();
  const asked = new Set<string>();
  let visibility: Promise<Visibility | undefined> | undefined;
  return {
    names,
    async learn(items) {
      const ids = [...new Set(items.flatMap((item) => (typeof item.accountId === 'string' && !asked.has(item.accountId) ? [item.accountId] : [])))];
      if (!ids.length) return;
      ids.forEach((id) => asked.add(id));
      // A role that may not read accounts gets their ids only.
      visibility ??= visibilityFor(requester, 'accounts', 'read').catch((error: unknown) => {
        if (error instanceof DomainError) return undefined;
        throw error;
      });
      const [seen, found] = await Promise.all([visibility, getLinkedRecords(ids.map((id) => ({ type: 'account' as const, id })))]);
      if (!seen) return;
      for (const account of found.values()) if (sees(seen, account.ownerId)) names.set(account.id, String((account as { name?: unknown }).name ?? ''));
    },
  };
}
