import { Button, Checkbox, Group as Row, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpressInterestBody, type Group } from '../../../shared/group.schemas.ts';
import { PageSection } from '../../components/page-section.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { SECTORS } from './create-group-form.tsx';
import { useExpressInterest } from './groups.api.ts';
import { MembershipBadge } from './membership-badge.tsx';
import { SuccessNotice } from './success-notice.tsx';

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
    <PageSection id="interest-heading" title={t('groups.interest.title')}>
      <Stack gap="sm">
        {decided.map((m) => (
          <Text key={m.cityId}>
            {t('groups.interest.statusOf', { city: m.cityName })} <MembershipBadge status={m.status} />
          </Text>
        ))}
        {pending.length > 0 && <InterestForm groupId={group.id} cities={pending} />}
      </Stack>
    </PageSection>
  );
}

function InterestForm({ groupId, cities }: { groupId: string; cities: City[] }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const initialValues: { cityId: string; sectors: (typeof SECTORS)[number][]; message: string } = { cityId: cities[0]?.id ?? '', sectors: [], message: '' };
  const form = useApiForm({ initialValues, schema: ExpressInterestBody, mutation: useExpressInterest(groupId), onSuccess: () => setSent(true) });
  const cityName = cities.find((c) => c.id === form.values.cityId)?.name ?? '';

  return (
    <form {...form.formProps} aria-label={t('groups.interest.formLabel')}>
      {sent && <SuccessNotice>{t('groups.interest.sent')}</SuccessNotice>}
      <ProblemAlert error={form.requestError} />
      <Stack gap="md">
        {cities.length > 1 ? (
          <NativeSelect label={t('groups.interest.city')} data={cities.map((c) => ({ value: c.id, label: c.name }))} {...form.getInputProps('cityId')} />
        ) : (
          <Text>{t('groups.interest.forCity', { city: cityName })}</Text>
        )}
        <Checkbox.Group label={t('groups.interest.sectors')} description={t('groups.interest.sectorsHint')} {...form.getInputProps('sectors')}>
          <Row gap="md" mt={4}>
            {SECTORS.map((code) => (
              <Checkbox key={code} value={code} label={t(`sectors.${code}`)} />
            ))}
          </Row>
        </Checkbox.Group>
        <Textarea label={t('groups.interest.message')} description={t('groups.interest.messageHint')} autosize minRows={3} {...form.getInputProps('message')} />
        <div>
          <Button {...form.submitProps}>{t('groups.interest.submit')}</Button>
        </div>
      </Stack>
    </form>
  );
}
