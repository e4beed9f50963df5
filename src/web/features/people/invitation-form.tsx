import { Alert, Button, Checkbox, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateInvitationBody } from '../../../shared/account.schemas.ts';
import type { CitySummary } from '../../../shared/city.schemas.ts';
import { Role, ROLES } from '../../../shared/roles.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { CityPicker } from './city-picker.tsx';
import { useCreateInvitation } from './people.api.ts';

/** Invite a person by email with one role (and, for a city representative, their city). */
export function InvitationForm() {
  const { t } = useTranslation();
  const create = useCreateInvitation();
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('city_representative');
  const [city, setCity] = useState<CitySummary | null>(null);
  const [primaryContact, setPrimaryContact] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const forCity = role === 'city_representative';

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    const values = { email, name, role, cityId: forCity ? (city?.id ?? null) : null, primaryContact: forCity && primaryContact };
    const checked = validateWith(CreateInvitationBody, values, t);
    if (!checked.ok) {
      // The schema's only cross-field rule: a city representative needs a city.
      const cityError = checked.errors.cityId === undefined ? {} : { cityId: t('people.cityRequired') };
      return setErrors({ ...checked.errors, ...cityError });
    }
    create.mutate(checked.data, {
      onSuccess: (invitation) => {
        setSentTo(invitation.email);
        setEmail('');
        setName('');
        setCity(null);
        setPrimaryContact(false);
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('people.inviteTitle')}>
      {sentTo && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('people.invitationSent', { email: sentTo })}
        </Alert>
      )}
      <ProblemAlert error={create.error} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              clearError('email');
            }}
            error={errors.email}
          />
          <TextInput
            label={t('fields.name')}
            autoComplete="off"
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              clearError('name');
            }}
            error={errors.name}
          />
          <NativeSelect
            label={t('fields.role')}
            required
            value={role}
            onChange={(event) => {
              const parsed = Role.safeParse(event.currentTarget.value);
              if (parsed.success) setRole(parsed.data);
              clearError('role');
              clearError('cityId');
            }}
            data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
            error={errors.role}
          />
          {forCity && (
            <CityPicker
              value={city}
              onChange={(next) => {
                setCity(next);
                clearError('cityId');
              }}
              error={errors.cityId}
            />
          )}
        </SimpleGrid>
        {forCity && (
          <Checkbox
            label={t('people.primaryContact')}
            checked={primaryContact}
            onChange={(event) => setPrimaryContact(event.currentTarget.checked)}
          />
        )}
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('people.sendInvitation')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
