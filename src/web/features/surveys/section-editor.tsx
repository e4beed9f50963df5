import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_QUESTION_TYPES, type SurveyQuestionType, type SurveySection } from '../../../shared/survey.schemas.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import '../../locales/lazy/surveys.strings.ts';

interface SectionEditorProps {
  section: SurveySection;
  number: number;
  onChange: (section: SurveySection) => void;
  onMoveUp: (() => void) | null;
  onMoveDown: (() => void) | null;
  /** null: the section cannot go (the only one, or it holds questions with answers; `removeBlocked` says why). */
  onRemove: (() => void) | null;
  removeBlocked?: string | undefined;
  onAddQuestion: (type: SurveyQuestionType) => void;
  titleError?: string | undefined;
  /** The section's questions (QuestionEditor each). */
  children: ReactNode;
}

/** A section of the questionnaire: its title and introduction, moving and removing it (after asking), its questions and "Add a question". */
export function SectionEditor({ section, number, onChange, onMoveUp, onMoveDown, onRemove, removeBlocked, onAddQuestion, titleError, children }: SectionEditorProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [type, setType] = useState<SurveyQuestionType>('single');
  const name = section.title.trim() || t('surveys.editor.sectionNumber', { number });
  return (
    <Paper component="section" withBorder p="lg" radius="md" aria-labelledby={`section-heading-${section.id}`} bg="gray.0" data-testid="section-editor">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id={`section-heading-${section.id}`}>
            {t('surveys.editor.sectionHeading', { number, title: name })}
          </Title>
          <Group gap={4} wrap="wrap">
            <Button size="compact-sm" variant="default" disabled={!onMoveUp} onClick={() => onMoveUp?.()} aria-label={t('surveys.editor.moveSectionUp', { title: name })}>
              {t('surveys.editor.up')}
            </Button>
            <Button size="compact-sm" variant="default" disabled={!onMoveDown} onClick={() => onMoveDown?.()} aria-label={t('surveys.editor.moveSectionDown', { title: name })}>
              {t('surveys.editor.down')}
            </Button>
            <Button size="compact-sm" variant="default" disabled={!onRemove} onClick={() => setConfirming(true)} aria-label={t('surveys.editor.removeSection', { title: name })}>
              {t('surveys.editor.remove')}
            </Button>
          </Group>
        </Group>
        {removeBlocked && (
          <Text size="sm" c="dark.6">
            {removeBlocked}
          </Text>
        )}
        <TextInput label={t('surveys.editor.sectionTitle')} required value={section.title} onChange={(e) => onChange({ ...section, title: e.currentTarget.value })} error={titleError} />
        <Textarea
          label={t('surveys.editor.sectionDescription')}
          autosize
          minRows={1}
          value={section.description ?? ''}
          onChange={(e) => {
            const { description: _drop, ...rest } = section;
            onChange(e.currentTarget.value === '' ? rest : { ...rest, description: e.currentTarget.value });
          }}
        />
        {section.questions.length === 0 && <Text c="dark.6">{t('surveys.editor.noQuestions')}</Text>}
        {children}
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('surveys.editor.newQuestionType', { title: name })}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as SurveyQuestionType)}
            data={SURVEY_QUESTION_TYPES.map((value) => ({ value, label: t(`surveys.types.${value}`) }))}
            w={260}
          />
          <Button variant="light" onClick={() => onAddQuestion(type)}>
            {t('surveys.editor.addQuestion')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('surveys.editor.removeSectionTitle')}
        message={t('surveys.editor.removeSectionMessage', { title: name, count: section.questions.length })}
        confirmLabel={t('surveys.editor.removeSectionConfirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onRemove?.();
        }}
      />
    </Paper>
  );
}
