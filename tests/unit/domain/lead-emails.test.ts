import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/leads/lead';
import { leadCapturedEmail, newLeadsDigestEmail } from '../../../shared/notifications/lead-emails';

const lead: Lead = {
  id: '01JTEST00000000000000000000',
  lastName: 'Иванов',
  firstName: 'Иван',
  company: 'ООО <script>',
  email: 'ivan@example.ru',
  ownerId: 'u1',
  status: 'new',
  source: { channel: 'website', campaign: 'Осень', utm: { source: 'yandex' } },
  submissionCount: 1,
  createdAt: '2026-11-22T09:00:00.000Z',
  createdBy: 'website',
  updatedAt: '2026-11-22T09:00:00.000Z',
  version: 1,
};

describe('lead emails', () => {
  it('tells the owner who came in, in Russian, with a link to the card and escaped HTML', () => {
    const mail = leadCapturedEmail(lead, 'owner@example.ru', 'https://crm.example.com', 'ru');
    expect(mail.subject).toBe('Новый лид с сайта: Иванов Иван');
    expect(mail.text).toContain('Компания: ООО <script>');
    expect(mail.text).toContain('Источник: Осень · yandex');
    expect(mail.html).toContain('ООО &lt;script&gt;');
    expect(mail.html).toContain('href="https://crm.example.com/leads/01JTEST00000000000000000000"');
  });

  it('speaks English for an English-speaking client', () => {
    expect(leadCapturedEmail(lead, 'o@example.com', 'https://x', 'en').subject).toBe('New lead from the website: Иванов Иван');
  });

  it('lists up to 20 waiting leads and counts the rest', () => {
    const many = Array.from({ length: 23 }, (_, i) => ({ ...lead, id: `id${i}`, lastName: `Лид${i}` }));
    const mail = newLeadsDigestEmail(many, 'o@example.ru', 'https://x', 'ru');
    expect(mail.subject).toBe('Лиды ждут первого контакта: 23');
    expect(mail.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(20);
    expect(mail.text).toContain('и ещё 3');
  });
});
