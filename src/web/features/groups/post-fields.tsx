import { Checkbox, Group as Row, Textarea } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/form-errors.ts';
import { useGroup } from './groups.api.ts';

/**
 * A post's text and the cities it mentions, as starting a discussion and
 * replying take them. The form keeps the values and their errors.
 */
export function PostFields({
  groupId,
  label,
  description,
  bodyRef,
  body,
  onBody,
  mentions,
  onMentions,
  errors,
  clearError,
}: {
  groupId: string;
  label: string;
  description: string;
  bodyRef?: Ref<HTMLTextAreaElement>;
  body: string;
  onBody: (body: string) => void;
  mentions: string[];
  onMentions: (cityIds: string[]) => void;
  /** The form's field errors (useFieldErrors), by the request's field names. */
  errors: FieldErrors;
  clearError: (field: string) => void;
}) {
  return (
    <>
      <Textarea
        ref={bodyRef}
        label={label}
        description={description}
        required
        autosize
        minRows={4}
        value={body}
        onChange={(e) => {
          onBody(e.currentTarget.value);
          clearError('body');
        }}
        error={errors.body}
      />
      <MentionPicker groupId={groupId} value={mentions} onChange={onMentions} error={errors.mentionedCityIds} />
    </>
  );
}

/** Choose member cities to mention in a post; shown only when the group has admitted cities. */
function MentionPicker({ groupId, value, onChange, error }: { groupId: string; value: string[]; onChange: (ids: string[]) => void; error: string | undefined }) {
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
