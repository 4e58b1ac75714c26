import { userRoutes } from '../../../shared/api/routes/users';
import { userAdministration } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const users = api('users', 'functions/users/users-api.ts', 'Users: sign-in bookkeeping, the directory, invitations, roles, disabling, access requests', userAdministration);

export const usersModule: ModuleDef = { functions: [users], routes: serve(users, userRoutes) };
