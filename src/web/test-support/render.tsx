import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { cssVariablesResolver, theme } from '../app/theme.ts';
import { LeaveWarning } from '../components/leave-warning.tsx';

/** One request the component sent: method, path with query, and the JSON body. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

type Reply = { status?: number; body: unknown } | ((request: SentRequest) => { status?: number; body: unknown });

/**
 * Answers `fetch` from a table of `'METHOD /path'` → reply, the only thing a
 * component test stubs: everything else (API client, CSRF, parsing, React
 * Query, Mantine) is the real code. An unlisted request fails the test.
 */
export function mockApi(routes: Record<string, Reply>) {
  const sent: SentRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = init?.method ?? 'GET';
    const path = `${url.pathname}${url.search}`;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method, path, body };
    sent.push(request);
    const route = routes[`${method} ${path}`] ?? routes[`${method} ${url.pathname}`];
    if (!route) throw new Error(`No answer in the test for ${method} ${path}`);
    const reply = typeof route === 'function' ? route(request) : route;
    const status = reply.status ?? 200;
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), { status, headers: { 'Content-Type': type } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    /** The requests that change something (not the GETs that load the page), in the order sent. */
    sent: () => sent.filter((r) => r.method !== 'GET'),
    /** Every request, GETs included, as `METHOD path`. */
    requested: () => sent.map((r) => `${r.method} ${r.path}`),
  };
}

/** A problem+json refusal with field errors, as the server's error handler writes it. */
export function problem(status: number, code: string, errors: { field: string; message: string }[] = [], detail?: string) {
  return { status, body: { type: 'about:blank', title: code, status, code, ...(detail ? { detail } : {}), ...(errors.length ? { errors } : {}) } };
}

/**
 * Renders a page at `path` (matched by `pattern`) in a data router like the
 * app's (so useBlocker works), with the app's providers; returns a user-event
 * session and the router (`router.navigate('/elsewhere')` leaves the page).
 */
export function renderPage(element: ReactElement, { path = '/', pattern = '*' }: { path?: string; pattern?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const user = userEvent.setup();
  // The layout's LeaveWarning asks before leaving a page with unsaved changes.
  const page = (
    <>
      {element}
      <LeaveWarning />
    </>
  );
  const routes = [{ path: pattern, element: page }, ...(pattern === '*' ? [] : [{ path: '*', element: <p>Elsewhere</p> }])];
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { user, router, ...view };
}
