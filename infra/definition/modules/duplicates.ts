import { ruleOn } from '../event-rules';
import { readWrite } from '../grants';
import { worker } from '../module-kit';
import type { ModuleDef } from '../types';

const detect = worker('detect-duplicates', 'functions/duplicates/detect-duplicates.ts', 'Keeps the duplicates view of accounts and contacts in step', readWrite);
const follow = worker('follow-merge', 'functions/duplicates/follow-merge.ts', "Moves a merged record's children and timeline to the survivor", readWrite);

/** Duplicates (REC-12): pairs kept in step with the records, and merges followed through. */
export const duplicatesModule: ModuleDef = {
  functions: [detect, follow],
  rules: [
    {
      id: 'duplicates-detect',
      description: 'An account or contact was created, changed or merged, or two leads were merged: update its duplicate pairs',
      eventPattern: ruleOn(['RecordCreated', 'RecordUpdated', 'RecordsMerged'], { detail: { record: { type: ['lead', 'account', 'contact'] } } }),
      function: detect.id,
    },
    {
      id: 'lead-duplicates-detect',
      description: 'A lead was created, changed, repeated, rejected or converted: update its duplicate pairs',
      eventPattern: ruleOn(['LeadCreated', 'LeadUpdated', 'LeadResubmitted', 'LeadRejected', 'LeadConverted']),
      function: detect.id,
    },
    {
      id: 'records-merged-follow',
      description: "Two records were merged: move the merged one's children and timeline to the survivor",
      eventPattern: ruleOn('RecordsMerged'),
      function: follow.id,
    },
  ],
};
