import type { CurrentUser, SessionState } from '../../shared/account.schemas.ts';
import type { Application, Call, Evaluation, Programme } from '../../shared/programme.schemas.ts';

// Data shaped as the API answers it (each is parsed with its contract schema by the client).
export const CITY_ID = '11111111-1111-4111-8111-111111111111';
export const APPLICATION_ID = '22222222-2222-4222-8222-222222222222';
const CALL_ID = '33333333-3333-4333-8333-333333333333';

export function sessionOf(roles: CurrentUser['roles'] = []): SessionState {
  return { csrfToken: 'csrf-token', user: { id: '44444444-4444-4444-8444-444444444444', email: 'rep@valencia.example', name: 'Rita Rep', locale: 'en', roles } };
}

export const representative = () => sessionOf([{ role: 'city_representative', cityId: CITY_ID, cityName: 'Valencia', primaryContact: true }]);

export function programme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    slug: 'gsv-2027',
    title: 'Group study visits 2027',
    format: 'group_study_visits',
    editionYear: 2027,
    current: 'host_call',
    next: 'host_selection',
    phase: 'running',
    description: '',
    settings: {
      timeZone: 'Europe/Brussels',
      hostCount: 2,
      visitorsPerHost: 3,
      visitorTargetYearMax: 2030,
      requireDiscussionGroups: false,
      evaluatorsPerApplication: 2,
      maxDelegatesPerCity: 3,
      visitLengthDays: 3,
      learningPhases: 3,
      evaluationDays: 14,
      daysWithoutVisits: [],
    },
    milestones: [],
    steps: [],
    publishedAt: '2026-06-01T10:00:00.000Z',
    locks: [],
    version: 1,
    ...overrides,
  };
}

export function call(overrides: Partial<Call> = {}): Call {
  return {
    id: CALL_ID,
    programmeSlug: 'gsv-2027',
    programmeTitle: 'Group study visits 2027',
    published: true,
    kind: 'host',
    opensAt: '2027-01-10T09:00:00Z',
    closesAt: '2027-03-31T15:00:00Z',
    timeZone: 'Europe/Brussels',
    state: 'open',
    questions: [],
    criteria: [],
    decisionsPublishedAt: null,
    openProblems: [],
    formLock: null,
    reopenings: [],
    version: 4,
    ...overrides,
  };
}

export function application(overrides: Partial<Application> = {}): Application {
  return {
    id: APPLICATION_ID,
    callId: CALL_ID,
    callKind: 'host',
    programmeSlug: 'gsv-2027',
    cityId: CITY_ID,
    cityName: 'Valencia',
    cityCountry: 'ES',
    status: 'draft',
    answers: {},
    submittedAt: null,
    updatedAt: '2027-02-01T10:00:00Z',
    decisionReason: null,
    version: 7,
    ...overrides,
  };
}

export function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    applicationId: APPLICATION_ID,
    cityName: 'Valencia',
    criteria: [
      { id: 'relevance', name: 'Relevance', weight: 2, scaleMax: 5 },
      { id: 'impact', name: 'Impact', weight: 1, scaleMax: 20 },
    ],
    scores: {},
    comment: '',
    status: 'draft',
    version: 3,
    ...overrides,
  };
}
