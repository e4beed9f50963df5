import { Checkbox, Group as Row, Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useGroup } from './groups.api.ts';

/** What a post's fields hold, by the request's names. */
export interface PostValues {
  body: string;
  mentionedCityIds: string[];
}
export const EMPTY_POST: PostValues = { body: '', mentionedCityIds: [] };

/** The part of a post's form these fields use: its inputs for `body` and `mentionedCityIds`. */
interface PostForm {
  getInputProps: (path: keyof PostValues) => GetInputPropsReturnType;
}

/** A post's text and the cities it mentions, as starting a discussion and replying take them. */
export function PostFields({
  groupId,
  label,
  description,
  bodyRef,
  form,
}: {
  groupId: string;
  label: string;
  description: string;
  bodyRef?: Ref<HTMLTextAreaElement>;
  form: PostForm;
}) {
  return (
    <>
      <Textarea ref={bodyRef} label={label} description={description} required autosize minRows={4} {...form.getInputProps('body')} />
      <MentionPicker groupId={groupId} input={form.getInputProps('mentionedCityIds')} />
    </>
  );
}

/** Choose member cities to mention in a post; shown only when the group has admitted cities. */
function MentionPicker({ groupId, input }: { groupId: string; input: GetInputPropsReturnType }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  const cities = (group.data?.members ?? []).filter((member) => member.status === 'admitted');
  if (cities.length === 0) return null;
  return (
    <Checkbox.Group label={t('groups.mentions.label')} description={t('groups.mentions.hint')} {...input}>
      <Row gap="md" mt={4}>
        {cities.map((city) => (
          <Checkbox key={city.cityId} value={city.cityId} label={city.cityName} />
        ))}
      </Row>
    </Checkbox.Group>
  );
}
