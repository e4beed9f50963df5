import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, problem, renderPage } from '../../test-support/render.tsx';
import { SignInForm } from './sign-in-form.tsx';

const session = { user: null, csrfToken: 'token' };

describe('SignInForm', () => {
  it('says in words what is missing, focuses it, and sends nothing', async () => {
    const api = mockApi({ 'GET /api/session': { body: session } });
    const { user } = renderPage(<SignInForm onSignedIn={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText(/Email/);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(document.activeElement).toBe(email);
    expect(api.sent()).toEqual([]);
  });

  it('shows the server field error on its field', async () => {
    const api = mockApi({
      'GET /api/session': { body: session },
      'POST /api/session': problem(400, 'VALIDATION_FAILED', [{ field: 'body.password', message: 'Too weak.' }]),
    });
    const { user } = renderPage(<SignInForm onSignedIn={vi.fn()} />);
    await user.type(screen.getByLabelText(/Email/), 'a@example.org');
    await user.type(screen.getByLabelText(/^Password/), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByText('Too weak.')).toBeInTheDocument());
    expect(api.sent()).toEqual([{ method: 'POST', path: '/api/session', body: { email: 'a@example.org', password: 'secret' } }]);
  });
});
