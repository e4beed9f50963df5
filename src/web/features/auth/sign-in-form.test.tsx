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

describe('SignInForm with two-step sign-in', () => {
  it('goes to the second step, not to the page asked for, when the account asks for a code', async () => {
    mockApi({ 'GET /api/session': { body: session }, 'POST /api/session': { body: { ...session, secondStep: true } } });
    const onSignedIn = vi.fn();
    const onSecondStep = vi.fn();
    const { user } = renderPage(<SignInForm onSignedIn={onSignedIn} onSecondStep={onSecondStep} />);
    await user.type(screen.getByLabelText(/Email/), 'a@example.org');
    await user.type(screen.getByLabelText(/^Password/), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSecondStep).toHaveBeenCalledOnce());
    expect(onSignedIn).not.toHaveBeenCalled();
  });
});

describe('SignInForm after wrong credentials', () => {
  const refused = () => ({
    'GET /api/session': { body: session },
    'POST /api/session': problem(401, 'INVALID_CREDENTIALS'),
  });
  const signInWrongly = async (user: ReturnType<typeof renderPage>['user']) => {
    await user.type(screen.getByLabelText(/Email/), 'a@example.org');
    await user.type(screen.getByLabelText(/^Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('The email address or password is not right. Check both and try again.');
  };

  it('clears "wrong email or password" as soon as the person edits a field', async () => {
    mockApi(refused());
    const { user } = renderPage(<SignInForm onSignedIn={vi.fn()} />);
    await signInWrongly(user);
    await user.type(screen.getByLabelText(/^Password/), 'x');
    expect(screen.queryByText('The email address or password is not right. Check both and try again.')).not.toBeInTheDocument();
  });

  it('shows only the new field error when the next submit stops at one', async () => {
    mockApi(refused());
    const { user } = renderPage(<SignInForm onSignedIn={vi.fn()} />);
    await signInWrongly(user);
    await user.clear(screen.getByLabelText(/Email/));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText(/Email/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('The email address or password is not right. Check both and try again.')).not.toBeInTheDocument();
  });
});
