/**
 * Mailboxes of a role, not of a person (REC-11): in B2B many people write from info@ or sales@ of
 * their company, so sharing one says the records are of one company, not one person. The local
 * part before `@` (and before a `+tag`), lower case; data, so a list, not logic.
 */
export const roleMailboxes: ReadonlySet<string> = new Set([
  // English
  'info', 'information', 'sales', 'sale', 'office', 'support', 'help', 'helpdesk', 'hello', 'hi', 'contact', 'contacts', 'contactus',
  'mail', 'email', 'admin', 'administrator', 'webmaster', 'postmaster', 'hostmaster', 'noreply', 'no-reply', 'donotreply',
  'reception', 'secretary', 'team', 'service', 'services', 'order', 'orders', 'shop', 'store', 'billing', 'invoice', 'invoices',
  'accounting', 'accounts', 'finance', 'hr', 'jobs', 'job', 'careers', 'career', 'marketing', 'pr', 'press', 'media', 'news',
  'partners', 'partner', 'purchasing', 'procurement', 'tender', 'tenders', 'logistics', 'legal', 'it', 'feedback', 'general',
  // Russian, transliterated
  'zakaz', 'zakazy', 'pochta', 'post', 'priemnaya', 'priemnaja', 'sekretar', 'buh', 'buhgalteriya', 'bukh', 'bukhgalteriya',
  'kadry', 'otdel', 'prodazhi', 'snab', 'snabzhenie', 'zakupki', 'dogovor', 'dogovora', 'kontakt', 'kontakty', 'office1', 'manager',
  'managers', 'menedzher', 'opt', 'rozn', 'sklad', 'kanc', 'kancelyariya', 'reklama', 'marketing1', 'info1', 'sales1',
]);

/** Whether an email (already lower case, trimmed) is a role's mailbox. */
export const isRoleMailbox = (email: string): boolean => roleMailboxes.has(email.slice(0, email.indexOf('@')).split('+')[0] ?? '');
