import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs (Powertools); the service name groups a client's functions in CloudWatch. */
export const logger = new Logger({ serviceName: 'crm', logLevel: process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'INFO' });
