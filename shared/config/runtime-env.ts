/**
 * Environment every function reads, set by the CDK stack in the cloud and by the local runtime on
 * a laptop. AWS endpoints are not here: the SDK's own `AWS_ENDPOINT_URL_<SERVICE>` variables
 * point it at the local stand-ins.
 */
export const envNames = {
  tableName: 'TABLE_NAME',
  /** Which DynamoDB index serves each of the code's while a table is between releases (shared/data/table-schema.ts). */
  tableIndexes: 'TABLE_INDEXES',
  eventBusName: 'EVENT_BUS_NAME',
  senderEmail: 'SENDER_EMAIL',
  appUrl: 'APP_URL',
  locale: 'CLIENT_LOCALE',
  /** The client company's name as people know it (emails say "the <name> CRM"). */
  displayName: 'CLIENT_DISPLAY_NAME',
  timeZone: 'CLIENT_TIME_ZONE',
  currency: 'CLIENT_CURRENCY',
  /** Days audit entries and usage counters live (the client's `auditRetentionDays`); 400 when unset. */
  auditRetentionDays: 'CLIENT_AUDIT_RETENTION_DAYS',
  allowedFormOrigins: 'ALLOWED_FORM_ORIGINS',
  /** API functions only: the value the edge sends in `edgeHeaders.secret` (shared/config/edge.ts). */
  edgeSecret: 'EDGE_SECRET',
  /** The file store (ADR 0010): the bucket in the cloud, else a directory with a secret to sign its local URLs. */
  filesBucket: 'FILES_BUCKET',
  filesDir: 'FILES_DIR',
  filesUrlSecret: 'FILES_URL_SECRET',
  /** Functions that administer users (invitations, roles, disabling): the Cognito user pool. */
  userPoolId: 'USER_POOL_ID',
  /**
   * Functions that set one-time moments (ADR 0012): the Scheduler group, the role Scheduler invokes
   * with, and per moment kind the function it invokes (MOMENT_TARGET_<KIND>, see momentTargetEnv).
   */
  momentGroup: 'MOMENT_SCHEDULE_GROUP',
  momentRoleArn: 'MOMENT_SCHEDULER_ROLE_ARN',
  momentTargetReminder: 'MOMENT_TARGET_REMINDER',
  momentTargetImportCheck: 'MOMENT_TARGET_IMPORT_CHECK',
  momentTargetMigrations: 'MOMENT_TARGET_MIGRATIONS',
  /** `DEBUG` makes the functions' logs verbose; anything else is INFO. */
  logLevel: 'LOG_LEVEL',
} as const;

export type EnvKey = keyof typeof envNames;

export function env(key: EnvKey): string {
  const value = process.env[envNames[key]];
  if (value === undefined || value === '') throw new Error(`Missing environment variable ${envNames[key]}`);
  return value;
}

export function envOr(key: EnvKey, fallback: string): string {
  return process.env[envNames[key]] || fallback;
}
