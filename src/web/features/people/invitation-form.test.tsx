import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreateInvitationBody } from '../../../shared/account.schemas.ts';
import { mockApi, renderPage } from '../../test-support/render.tsx';
import { InvitationForm } from './invitation-form.tsx';

const session = { user: null, csrfToken: 'token' };
const sentInvitation = (body: CreateInvitationBody) => ({
  body: { id: '00000000-0000-4000-8000-000000000001', cityName: null, status: 'pending', invitedBy: 'Anna', createdAt: '2026-12-01T10:00:00Z', expiresAt: '2026-12-08T10:00:00Z', ...body },
});

describe('InvitationForm', () => {
  it('sends the other roles ticked, never the first role a second time, and says it was sent', async () => {
    const api = mockApi({
      'GET /api/session': { body: session },
      'POST /api/invitations': (request) => sentInvitation(CreateInvitationBody.parse(request.body)),
    });
    const { user } = renderPage(<InvitationForm />);
    await user.type(screen.getByLabelText(/^Email address/), 'nia@example.org');
    await user.type(screen.getByLabelText(/^Name/), 'Nia');
    await user.click(screen.getByRole('checkbox', { name: 'evaluator' }));
    await user.click(screen.getByRole('checkbox', { name: 'expert' }));
    // Evaluator becomes the first role: it is no longer offered among the others.
    await user.selectOptions(screen.getByLabelText(/^Role/), 'evaluator');
    expect(screen.queryByRole('checkbox', { name: 'evaluator' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(screen.getByText('Invitation sent to nia@example.org.')).toBeInTheDocument());
    expect(api.sent()).toEqual([
      {
        method: 'POST',
        path: '/api/invitations',
        body: { email: 'nia@example.org', name: 'Nia', role: 'evaluator', cityId: null, primaryContact: false, otherRoles: ['expert'] },
      },
    ]);
    // Ready for the next person.
    expect(screen.getByRole('checkbox', { name: 'expert' })).not.toBeChecked();
  });
});
