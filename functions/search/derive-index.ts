import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { deriveFromImage, derivedImageOfStream } from '../../shared/data/derived-index';
import { logger } from '../observability/logger';

/**
 * Stream → derived index (ADR 0009): the stack's filter hands over every new image of a record
 * and the redirects merges leave; each record's newest image in the batch is derived (older ones
 * are already superseded). A record that fails is reported at its first record in the batch, so
 * the stream replays from there; what was done again is found done.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const byRecord = new Map<string, { first: DynamoDBRecord; newest: DynamoDBRecord }>();
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    const pk = image.pk?.S ?? '';
    const seen = byRecord.get(pk);
    byRecord.set(pk, { first: seen?.first ?? record, newest: record });
  }
  const failed: string[] = [];
  let written = 0;
  await Promise.all(
    [...byRecord.values()].map(async ({ first, newest }) => {
      const image = derivedImageOfStream(newest.dynamodb!.NewImage!);
      if (!image) return;
      try {
        const done = await deriveFromImage(image);
        written += done.puts + done.deletes;
      } catch (error) {
        logger.error('Derived index failed', { error: error as Error, sequenceNumber: first.dynamodb?.SequenceNumber });
        failed.push(first.dynamodb!.SequenceNumber!);
      }
    }),
  );
  logger.debug('Derived index', { records: byRecord.size, written, failed: failed.length });
  const earliest = failed.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0];
  return { batchItemFailures: earliest ? [{ itemIdentifier: earliest }] : [] };
}
