import { Logger } from '@aws-lambda-powertools/logger';
import { envOr } from '../../shared/config/runtime-env';

/** Structured JSON logs (Powertools); the service name groups a client's functions in CloudWatch. */
export const logger = new Logger({ serviceName: 'crm', logLevel: envOr('logLevel', 'INFO') === 'DEBUG' ? 'DEBUG' : 'INFO' });
