import { Checkbox, Group as Row } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGroup } from './groups.api.ts';

/** Choose member cities to mention in a post; shown only when the group has admitted cities. */
export function MentionPicker({ groupId, value, onChange, error }: { groupId: string; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  const cities = (group.data?.members ?? []).filter((member) => member.status === 'admitted');
  if (cities.length === 0) return null;
  return (
    <Checkbox.Group label={t('groups.mentions.label')} description={t('groups.mentions.hint')} value={value} onChange={onChange} error={error}>
      <Row gap="md" mt={4}>
        {cities.map((city) => (
          <Checkbox key={city.cityId} value={city.cityId} label={city.cityName} />
        ))}
      </Row>
    </Checkbox.Group>
  );
}
