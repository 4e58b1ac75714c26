/** Roles (ACC-1). Each is a Cognito group of the same name; a user's groups arrive in the JWT. */
export const roles = [
  'admin',
  'sales-manager',
  'sales-rep',
  'marketer',
  'service-agent',
  'service-manager',
  'executive',
  'portal-user',
] as const;

export type Role = (typeof roles)[number];

export const roleDescriptions: Record<Role, string> = {
  admin: 'Administers users, settings and all records',
  'sales-manager': 'Leads a sales team and sees its records',
  'sales-rep': 'Works own leads, accounts and deals',
  marketer: 'Runs forms, lists and campaigns',
  'service-agent': 'Handles customer cases',
  'service-manager': 'Leads service agents and their cases',
  executive: 'Reads reports',
  'portal-user': "A client's or partner's person using the portal",
};

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

/** Roles as people call them, for emails and screens. */
export const roleTitles: Record<'ru' | 'en', Record<Role, string>> = {
  ru: {
    admin: 'Администратор',
    'sales-manager': 'Руководитель отдела продаж',
    'sales-rep': 'Менеджер по продажам',
    marketer: 'Маркетолог',
    'service-agent': 'Специалист поддержки',
    'service-manager': 'Руководитель поддержки',
    executive: 'Руководитель компании',
    'portal-user': 'Пользователь портала',
  },
  en: {
    admin: 'Administrator',
    'sales-manager': 'Sales manager',
    'sales-rep': 'Sales representative',
    marketer: 'Marketer',
    'service-agent': 'Service agent',
    'service-manager': 'Service manager',
    executive: 'Executive',
    'portal-user': 'Portal user',
  },
};
