import { teamRoutes } from '../../../shared/api/routes/teams';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const teams = api('teams', 'functions/teams/teams-api.ts', 'Teams: managers and members, for team visibility', readWrite);

export const teamsModule: ModuleDef = { functions: [teams], routes: serve(teams, teamRoutes) };
