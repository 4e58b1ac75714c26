import { ruleOn } from '../event-rules';
import { readWriteAndEmail, readWriteAndMoments, readWriteEmailAndMoments } from '../grants';
import { worker } from '../module-kit';
import type { ModuleDef } from '../types';

// A reminder is a one-time schedule (ADR 0012): kept from the activity's events, sent when it fires.
const keepReminders = worker('schedule-reminders', 'functions/notifications/schedule-reminders.ts', "Creates, moves and deletes an activity's reminder schedule", readWriteAndMoments);
const reminders = worker('send-reminders', 'functions/notifications/send-reminders.ts', 'Emails an activity reminder when its schedule fires', readWriteEmailAndMoments);
const leadOwner = worker('notify-lead-owner', 'functions/notifications/notify-lead-owner.ts', "Emails a captured lead's owner", readWriteAndEmail);
const caseOwner = worker('notify-case-owner', 'functions/notifications/notify-case-owner.ts', "Emails a case's owner what its client did in the portal", readWriteAndEmail);
const digest = worker('new-leads-digest', 'functions/notifications/send-new-leads-digest.ts', 'Morning digest of leads still waiting for first contact', readWriteAndEmail, 300);

/** The emails the CRM sends on its own: on events, and on schedules in the client's time zone. */
export const notificationsModule: ModuleDef = {
  functions: [keepReminders, reminders, leadOwner, caseOwner, digest],
  rules: [
    {
      id: 'lead-captured-notify-owner',
      description: 'A lead arrived through a web form: email its owner',
      eventPattern: ruleOn('LeadCaptured'),
      function: leadOwner.id,
    },
    {
      id: 'case-opened-in-portal-notify-owner',
      description: 'A case was created (the function keeps those opened in the portal): email its owner',
      eventPattern: ruleOn('RecordCreated', { detail: { record: { type: ['case'] } } }),
      function: caseOwner.id,
    },
    {
      id: 'activity-changed-schedule-reminder',
      description: "An activity was created or changed: create, move or delete its reminder's one-time schedule",
      eventPattern: ruleOn(['RecordCreated', 'RecordUpdated'], { detail: { record: { type: ['activity'] } } }),
      function: keepReminders.id,
    },
    {
      id: 'case-client-replied-notify-owner',
      description: "A case's client wrote on it in the portal: email its owner",
      eventPattern: ruleOn('CaseCommentAdded', { detail: { from: ['client'] } }),
      function: caseOwner.id,
    },
  ],
  schedules: [
    {
      id: 'new-leads-morning-digest',
      description: 'Weekday mornings: each owner gets the leads still waiting for first contact',
      expression: 'cron(0 9 ? * MON-FRI *)',
      timeZone: 'client',
      function: digest.id,
    },
  ],
  oneTimeTargets: [{ moment: 'reminder', description: "An activity's reminder: email its owner if it is still wanted", function: reminders.id }],
};
