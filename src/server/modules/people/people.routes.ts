import { GrantRoleBody, PeopleQuery, Person, PersonDirectory, PersonParams, RoleCityQuery, RoleParams } from '../../../shared/people.schemas.ts';
import { Problem } from '../../../shared/problem.ts';
import { requireUser } from '../../plugins/auth.plugin.ts';
import type { App } from '../../route-types.ts';
import { grantRoleTo, peopleDirectory, personOrThrow, withdrawRole } from './people.service.ts';

const managers = ['programme_manager'] as const;

export async function peopleRoutes(app: App) {
  app.get('/api/people', {
    config: { access: managers },
    schema: {
      tags: ['people'],
      summary: 'The directory of people, by name: search by name or email, filter by role, city, country and status',
      querystring: PeopleQuery,
      response: { 200: PersonDirectory },
    },
    handler: async (request) => peopleDirectory(app.db, request.query),
  });

  app.get('/api/people/:id', {
    config: { access: managers },
    schema: { tags: ['people'], summary: 'A person with their roles, last sign-in and whether the account is active', params: PersonParams, response: { 200: Person, 404: Problem } },
    handler: async (request) => personOrThrow(app.db, request.params.id),
  });

  app.post('/api/people/:id/roles', {
    config: { access: managers },
    schema: {
      tags: ['people'],
      summary: 'Give a person a role (a city representative’s names the city); the person is emailed',
      params: PersonParams,
      body: GrantRoleBody,
      response: { 200: Person, 404: Problem, 409: Problem },
    },
    handler: async (request) =>
      grantRoleTo(app.db, { personId: request.params.id, body: request.body, actor: requireUser(request), publicUrl: app.config.publicUrl, ip: request.ip }),
  });

  app.delete('/api/people/:id/roles/:role', {
    config: { access: managers },
    schema: {
      tags: ['people'],
      summary: 'Withdraw a role (`cityId` names a representative’s city); never the last active manager’s, a city’s last representative’s or its primary contact’s',
      params: RoleParams,
      querystring: RoleCityQuery,
      response: { 200: Person, 404: Problem, 409: Problem },
    },
    handler: async (request) =>
      withdrawRole(app.db, { personId: request.params.id, role: request.params.role, cityId: request.query.cityId ?? null, actor: requireUser(request), ip: request.ip }),
  });
}
