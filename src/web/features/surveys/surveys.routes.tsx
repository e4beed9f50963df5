import type { RouteObject } from 'react-router';
import { lazyPage, signedIn, withRole } from '../../components/lazy-page.tsx';

/** The survey pages (issue 22); the app's router mounts them under the main layout. The server checks every call again. The results page (results.*) is mounted by its own route file. */
export const surveyRoutes: RouteObject[] = [
  { path: 'surveys', lazy: lazyPage(() => import('./my-surveys.page.tsx'), (m) => m.MySurveysPage, signedIn) },
  { path: 'surveys/manage', lazy: lazyPage(() => import('./manage-surveys.page.tsx'), (m) => m.ManageSurveysPage, withRole('programme_manager')) },
  { path: 'surveys/new', lazy: lazyPage(() => import('./new-survey.page.tsx'), (m) => m.NewSurveyPage, withRole('programme_manager')) },
  { path: 'surveys/:id/edit', lazy: lazyPage(() => import('./survey-builder.page.tsx'), (m) => m.SurveyBuilderPage, withRole('programme_manager')) },
  { path: 'surveys/:id/answer', lazy: lazyPage(() => import('./answer-survey.page.tsx'), (m) => m.AnswerSurveyPage, signedIn) },
];
