import { Button, Checkbox, Group as Row, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpressInterestBody, type Group } from '../../../shared/group.schemas.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fieldErrorsOf, validateWith } from '../../lib/form-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { SECTORS } from './create-group-form.tsx';
import { useExpressInterest } from './groups.api.ts';
import { MembershipBadge } from './membership-badge.tsx';
import { SuccessNotice } from './success-notice.tsx';
import { TitledSection } from './titled-section.tsx';

interface City {
  id: string;
  name: string;
}

/** A city representative asks for their city to join, or sees where the request stands. */
export function InterestSection({ group, cities }: { group: Group; cities: City[] }) {
  const { t } = useTranslation();
  const requests = group.members ?? [];
  const pending = cities.filter((c) => !requests.some((m) => m.cityId === c.id));
  const decided = requests.filter((m) => cities.some((c) => c.id === m.cityId));
  return (
    <TitledSection id="interest-heading" title={t('groups.interest.title')}>
      <Stack gap="sm">
        {decided.map((m) => (
          <Text key={m.cityId}>
            {t('groups.interest.statusOf', { city: m.cityName })} <MembershipBadge status={m.status} />
          </Text>
        ))}
        {pending.length > 0 && <InterestForm groupId={group.id} cities={pending} />}
      </Stack>
    </TitledSection>
  );
}

function InterestForm({ groupId, cities }: { groupId: string; cities: City[] }) {
  const { t } = useTranslation();
  const express = useExpressInterest(groupId);
  const { formRef, errors, setErrors, clearError } = useFieldErrors();
  const [cityId, setCityId] = useState(cities[0]?.id ?? '');
  const [sectors, setSectors] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateWith(ExpressInterestBody, { cityId, sectors, message }, t);
    if (!checked.ok) return setErrors(checked.errors);
    express.mutate(checked.data, {
      onSuccess: () => setSent(true),
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };
  const cityName = cities.find((c) => c.id === cityId)?.name ?? '';

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('groups.interest.formLabel')}>
      {sent && <SuccessNotice>{t('groups.interest.sent')}</SuccessNotice>}
      <ProblemAlert error={express.error} />
      <Stack gap="md">
        {cities.length > 1 ? (
          <NativeSelect label={t('groups.interest.city')} value={cityId} onChange={(e) => setCityId(e.currentTarget.value)} data={cities.map((c) => ({ value: c.id, label: c.name }))} error={errors.cityId} />
        ) : (
          <Text>{t('groups.interest.forCity', { city: cityName })}</Text>
        )}
        <Checkbox.Group label={t('groups.interest.sectors')} description={t('groups.interest.sectorsHint')} value={sectors} onChange={setSectors} error={errors.sectors}>
          <Row gap="md" mt={4}>
            {SECTORS.map((code) => (
              <Checkbox key={code} value={code} label={t(`sectors.${code}`)} />
            ))}
          </Row>
        </Checkbox.Group>
        <Textarea
          label={t('groups.interest.message')}
          description={t('groups.interest.messageHint')}
          autosize
          minRows={3}
          value={message}
          onChange={(e) => {
            setMessage(e.currentTarget.value);
            clearError('message');
          }}
          error={errors.message}
        />
        <div>
          <Button type="submit" loading={express.isPending}>
            {t('groups.interest.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
