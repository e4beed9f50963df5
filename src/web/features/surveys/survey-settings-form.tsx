import { Group, Paper, Radio, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { SurveyAudience, SurveyDefinition, SurveyRespondent } from '../../../shared/survey.schemas.ts';
import { AudiencePicker, ProgrammeSelect } from './audience-picker.tsx';
import '../../locales/lazy/surveys.strings.ts';

/** What the builder edits: the settings and the questionnaire. */
export interface BuilderValues {
  title: string;
  description: string;
  audience: SurveyAudience;
  respondent: SurveyRespondent;
  anonymous: boolean;
  opensOn: string;
  closesOn: string;
  programmeId: string | null;
  definition: SurveyDefinition;
}

interface SettingsProps {
  form: UseFormReturnType<BuilderValues>;
  /** Sent: who answers and whether answers are anonymous can no longer change. */
  sent: boolean;
  /** "Reaches 120 cities, 310 people" (as saved), or null while it loads. */
  reach: string | null;
}

/** Title, description, audience, respondent, anonymity, the answer window and the programme. */
export function SurveySettingsForm({ form, sent, reach }: SettingsProps) {
  const { t } = useTranslation();
  const values = form.getValues();
  const audienceError = Object.entries(form.errors).find(([path]) => path === 'audience' || path.startsWith('audience.'))?.[1];
  return (
    <Paper component="section" withBorder p="lg" radius="md" aria-labelledby="settings-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="settings-heading">
          {t('surveys.settings.title')}
        </Title>
        <TextInput label={t('surveys.settings.name')} required {...form.getInputProps('title')} />
        <Textarea label={t('surveys.settings.description')} description={t('surveys.settings.descriptionHint')} autosize minRows={3} {...form.getInputProps('description')} />
        <AudiencePicker value={values.audience} onChange={(audience) => form.setFieldValue('audience', audience)} error={typeof audienceError === 'string' ? audienceError : undefined} />
        <Text fw={600} aria-live="polite" data-testid="audience-reach">
          {reach ?? ''}
        </Text>
        <Radio.Group
          label={t('surveys.settings.respondent')}
          description={sent ? t('surveys.settings.lockedAfterSend') : t('surveys.settings.respondentHint')}
          {...form.getInputProps('respondent')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="city" label={t('surveys.settings.respondents.city')} disabled={sent} />
            <Radio value="person" label={t('surveys.settings.respondents.person')} disabled={sent} />
          </Stack>
        </Radio.Group>
        <Switch
          label={t('surveys.settings.anonymous')}
          description={`${t('surveys.settings.anonymousMeans', { min: 5 })}${sent ? ` ${t('surveys.settings.lockedAfterSend')}` : ''}`}
          disabled={sent}
          {...form.getInputProps('anonymous', { type: 'checkbox' })}
        />
        <Group align="flex-start" wrap="wrap">
          <TextInput type="date" label={t('surveys.settings.opensOn')} required w={200} {...form.getInputProps('opensOn')} />
          <TextInput type="date" label={t('surveys.settings.closesOn')} required w={200} {...form.getInputProps('closesOn')} />
        </Group>
        <Text size="sm" c="dark.6">
          {t('surveys.settings.windowHint')}
        </Text>
        <ProgrammeSelect
          value={values.programmeId}
          onChange={(id) => form.setFieldValue('programmeId', id)}
          label={t('surveys.settings.programme')}
          description={t('surveys.settings.programmeHint')}
          clearable
        />
      </Stack>
    </Paper>
  );
}
