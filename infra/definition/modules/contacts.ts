import { contactRoutes } from '../../../shared/api/routes/contacts';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const contacts = api('contacts', 'functions/contacts/contacts-api.ts', 'Contacts: list, create, read, update, timeline', readWrite);

export const contactsModule: ModuleDef = { functions: [contacts], routes: serve(contacts, contactRoutes) };
