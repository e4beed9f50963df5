import type { RouteObject } from 'react-router';

/** The pages of this feature; the app's router mounts them under the main layout. */
export const visitsRoutes: RouteObject[] = [];
