import type { Lead } from './lead';

/** Ф.И.О. in Russian order (last, first, middle), falling back to the company. */
export function leadDisplayName(lead: Pick<Lead, 'lastName' | 'firstName' | 'middleName' | 'company'>): string {
  const person = [lead.lastName, lead.firstName, lead.middleName].filter(Boolean).join(' ');
  return person || lead.company || '—';
}
