import { leadSchema } from '../../shared/domain/leads/lead';

/** A lead as the lead routes answer it, named once in the OpenAPI document (ADR 0017). */
export const leadAnswer = leadSchema.meta({ title: 'Lead' });
