import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * How far each stream consumer got in each shard, so that a restart resumes right after the last
 * record it handled: nothing lost, nothing handed over twice. Kept in a JSON file in the data dir
 * (or in memory for an in-memory stack); a new stream (the table was re-created) starts afresh.
 */
export interface ShardCheckpoint {
  /** Sequence number of the last record handled (or skipped by the filter). */
  after?: string;
  /** The shard is closed and every record in it was handled. */
  done?: boolean;
}

interface ConsumerProgress {
  streamArn: string;
  shards: Record<string, ShardCheckpoint>;
}

export class StreamCheckpoints {
  private readonly progress: Record<string, ConsumerProgress>;

  /** `file` undefined: kept in memory only. */
  constructor(private readonly file?: string) {
    this.progress = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, ConsumerProgress>) : {};
  }

  get(consumerId: string, streamArn: string, shardId: string): ShardCheckpoint {
    const consumer = this.progress[consumerId];
    return consumer?.streamArn === streamArn ? (consumer.shards[shardId] ?? {}) : {};
  }

  set(consumerId: string, streamArn: string, shardId: string, checkpoint: ShardCheckpoint): void {
    let consumer = this.progress[consumerId];
    if (consumer?.streamArn !== streamArn) consumer = this.progress[consumerId] = { streamArn, shards: {} };
    consumer.shards[shardId] = checkpoint;
    if (this.file) {
      // Written whole and renamed into place, so a crash mid-write never leaves a torn file.
      writeFileSync(`${this.file}.tmp`, JSON.stringify(this.progress, null, 2));
      renameSync(`${this.file}.tmp`, this.file);
    }
  }
}
