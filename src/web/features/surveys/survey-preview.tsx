import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { visibleQuestions } from '../../../domain/surveys/questions.ts';
import type { SurveyAnswerValue, SurveyAnswers, SurveyDefinition } from '../../../shared/survey.schemas.ts';
import { QuestionInput } from './question-inputs.tsx';
import '../../locales/lazy/surveys.strings.ts';

interface SurveySectionsProps {
  definition: SurveyDefinition;
  answers: SurveyAnswers;
  onChange: (questionId: string, value: SurveyAnswerValue | undefined) => void;
  errorOf?: (questionId: string) => ReactNode;
  readOnly?: boolean;
}

/**
 * The questionnaire by section, showing only the questions whose condition
 * the answers meet (a conditional question appears as soon as its earlier
 * answer has the value, and goes when it changes).
 */
export function SurveySections({ definition, answers, onChange, errorOf, readOnly = false }: SurveySectionsProps) {
  const shown = new Set(visibleQuestions(definition, answers).map((q) => q.id));
  return (
    <Stack gap="lg">
      {definition.sections.map((section) => {
        const questions = section.questions.filter((q) => shown.has(q.id));
        if (questions.length === 0) return null;
        return (
          <Paper key={section.id} component="section" withBorder p="lg" radius="md" aria-labelledby={`section-${section.id}`}>
            <Stack gap="lg">
              <div>
                <Title order={2} size="h3" id={`section-${section.id}`}>
                  {section.title}
                </Title>
                {section.description && <Text mt={4}>{section.description}</Text>}
              </div>
              {questions.map((question) => (
                <QuestionInput key={question.id} question={question} value={answers[question.id]} onChange={(value) => onChange(question.id, value)} error={errorOf?.(question.id)} readOnly={readOnly} />
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** The builder's "Preview": the questionnaire exactly as respondents see it; what is typed here is never saved. */
export function SurveyPreview({ title, description, anonymous, definition }: { title: string; description: string; anonymous: boolean; definition: SurveyDefinition }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  return (
    <Stack gap="md" data-testid="survey-preview">
      <Alert color="blue" variant="light" title={t('surveys.preview.title')}>
        {t('surveys.preview.notSaved')}
      </Alert>
      <Title order={2}>{title}</Title>
      {description && <Text style={{ whiteSpace: 'pre-line' }}>{description}</Text>}
      {anonymous && <AnonymousNotice />}
      <SurveySections
        definition={definition}
        answers={answers}
        onChange={(id, value) =>
          setAnswers((current) => {
            const next = { ...current };
            if (value === undefined) delete next[id];
            else next[id] = value;
            return next;
          })
        }
      />
    </Stack>
  );
}

/** Said at the top of an anonymous survey, before anything is typed. */
export function AnonymousNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" title={t('surveys.anonymous.title')}>
      {t('surveys.anonymous.respondentText', { min: 5 })}
    </Alert>
  );
}
