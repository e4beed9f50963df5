import type { SurveyDefinition, SurveyOption, SurveyRespondent, SurveyTemplateKey } from '../../shared/survey.schemas.ts';

/** A questionnaire the platform ships, with the settings it suggests. */
export interface SurveyTemplate {
  key: SurveyTemplateKey;
  title: string;
  description: string;
  respondent: SurveyRespondent;
  anonymous: boolean;
  definition: SurveyDefinition;
}

/** The support-needs survey's questions whose answers become a city's priorities (priorities.ts). */
export const PRIORITY_SECTORS_QUESTION = 'priority-sectors';
export const PRIORITY_LEVERS_QUESTION = 'priority-levers';

const options = (pairs: Record<string, string>): SurveyOption[] => Object.entries(pairs).map(([value, label]) => ({ value, label }));
const yesNo = options({ yes: 'Yes', maybe: 'Maybe', no: 'No' });
const formats = options({
  'study-visits': 'Study visits to Mission Cities',
  'discussion-groups': 'Facilitated discussion groups',
  twinning: 'Twinning with one city',
  'expert-support': 'One-to-one expert support',
  webinars: 'Webinars',
  guidance: 'Written guidance and case studies',
});

const supportNeeds: SurveyTemplate = {
  key: 'support-needs',
  title: 'What support does your city need?',
  description: 'Tell the programme what your city wants to learn and how. Your answers shape the next learning activities and who you are matched with.',
  respondent: 'city',
  anonymous: false,
  definition: {
    sections: [
      {
        id: 'exchange',
        title: 'Exchange with other cities',
        questions: [
          { id: 'interest-exchange', type: 'rating', scale: '1-5', lowLabel: 'Not at all', highLabel: 'Very much', required: true, text: 'How much does your city want to exchange with like-minded cities?' },
          { id: 'interest-visits', type: 'rating', scale: '1-5', lowLabel: 'Not at all', highLabel: 'Very much', required: true, text: 'How much does your city want short study visits to Mission Cities?' },
          { id: 'would-send-delegation', type: 'single', options: yesNo, required: true, text: 'Would your city send a small delegation on a two-day study visit in the next year?' },
          { id: 'delegation-size', type: 'number', min: 1, max: 10, integer: true, required: false, showIf: { questionId: 'would-send-delegation', equals: 'yes' }, text: 'How many people would travel?' },
        ],
      },
      {
        id: 'priorities',
        title: 'Priorities',
        questions: [
          { id: PRIORITY_SECTORS_QUESTION, type: 'sector', multiple: true, max: 3, required: true, text: 'Which sectors matter most to your city now? (up to three)' },
          { id: PRIORITY_LEVERS_QUESTION, type: 'lever', multiple: true, max: 3, required: false, text: 'Which systemic levers does your city most need help with? (up to three)' },
          { id: 'formats', type: 'multiple', options: formats, max: 3, required: true, text: 'Which ways of learning suit your city? (up to three)' },
          { id: 'format-ranking', type: 'ranking', options: options({ 'study-visits': 'Study visits', 'discussion-groups': 'Discussion groups', 'expert-support': 'Expert support', webinars: 'Webinars' }), required: false, text: 'Put these in order, the most useful first.' },
        ],
      },
      {
        id: 'capacity',
        title: 'Languages, barriers and capacity',
        questions: [
          { id: 'languages', type: 'multiple', options: options({ en: 'English', fr: 'French', de: 'German', es: 'Spanish', it: 'Italian', pl: 'Polish', other: 'Another language' }), required: true, text: 'In which languages can your team work with other cities?' },
          {
            id: 'barriers',
            type: 'matrix',
            scale: '1-5',
            lowLabel: 'Not a barrier',
            highLabel: 'A major barrier',
            items: options({ 'staff-time': 'Staff time', funding: 'Funding', language: 'Language', 'political-support': 'Political support', data: 'Data' }),
            required: true,
            text: 'How much does each of these hold your city back?',
          },
          { id: 'staff-capacity', type: 'number', min: 0, max: 1000, integer: true, required: false, text: 'How many people in your administration work on climate neutrality (full-time equivalent)?' },
          { id: 'anything-else', type: 'long-text', required: false, text: 'Anything else the programme should know?' },
        ],
      },
    ],
  },
};

const groupMeetingFeedback: SurveyTemplate = {
  key: 'group-meeting-feedback',
  title: 'Feedback after a group meeting',
  description: 'A few questions after each meeting of your discussion group, so the facilitators can improve the next one.',
  respondent: 'person',
  anonymous: true,
  definition: {
    sections: [
      {
        id: 'meeting',
        title: 'The meeting',
        questions: [
          { id: 'overall', type: 'rating', scale: '1-5', lowLabel: 'Poor', highLabel: 'Excellent', required: true, text: 'How was the meeting overall?' },
          { id: 'aspects', type: 'matrix', scale: '1-5', lowLabel: 'Poor', highLabel: 'Excellent', items: options({ content: 'Content', facilitation: 'Facilitation', exchange: 'Exchange with other cities', 'time-use': 'Use of time' }), required: false, text: 'How were these parts of it?' },
          { id: 'recommend', type: 'rating', scale: '0-10', lowLabel: 'Not at all likely', highLabel: 'Extremely likely', required: true, text: 'How likely are you to recommend these meetings to a colleague in another city?' },
          { id: 'next-step', type: 'long-text', required: false, text: 'What will you do differently after this meeting?' },
        ],
      },
    ],
  },
};

const studyVisitFeedback: SurveyTemplate = {
  key: 'study-visit-feedback',
  title: 'Feedback after a study visit',
  description: 'How the visit went, from the host and from each visiting city.',
  respondent: 'city',
  anonymous: false,
  definition: {
    sections: [
      {
        id: 'visit',
        title: 'The visit',
        questions: [
          { id: 'overall', type: 'rating', scale: '1-5', lowLabel: 'Poor', highLabel: 'Excellent', required: true, text: 'Overall' },
          { id: 'relevance', type: 'rating', scale: '1-5', lowLabel: 'Not relevant', highLabel: 'Very relevant', required: true, text: 'Relevance to your city' },
          { id: 'organisation', type: 'rating', scale: '1-5', lowLabel: 'Poor', highLabel: 'Excellent', required: true, text: 'Organisation' },
          { id: 'comments', type: 'long-text', maxLength: 5000, required: false, text: 'Comments' },
        ],
      },
    ],
  },
};

const sixMonthsAfterVisit: SurveyTemplate = {
  key: 'six-months-after-visit',
  title: 'Six months after the study visit',
  description: 'What your city has done with what it learnt on the visit.',
  respondent: 'city',
  anonymous: false,
  definition: {
    sections: [
      {
        id: 'replication',
        title: 'Replication',
        questions: [
          { id: 'started', type: 'single', options: options({ yes: 'Yes', preparing: 'In preparation', no: 'No' }), required: true, text: 'Has your city started to replicate a solution it saw?' },
          { id: 'started-on', type: 'date', required: false, showIf: { questionId: 'started', equals: 'yes' }, text: 'When did it start?' },
          { id: 'what-done', type: 'long-text', required: true, showIf: { questionId: 'started', equals: 'yes' }, text: 'What has your city done so far?' },
          { id: 'barriers', type: 'multiple', options: options({ funding: 'Funding', 'staff-time': 'Staff time', 'political-support': 'Political support', regulation: 'Regulation', other: 'Something else' }), required: false, text: 'What is holding it back?' },
          { id: 'in-touch-with', type: 'city', required: false, text: 'Which city from the visit are you most in touch with?' },
          { id: 'usefulness', type: 'rating', scale: '0-10', lowLabel: 'Not useful', highLabel: 'Very useful', required: true, text: 'Looking back, how useful was the visit?' },
        ],
      },
    ],
  },
};

export const SURVEY_TEMPLATES: Record<SurveyTemplateKey, SurveyTemplate> = {
  'support-needs': supportNeeds,
  'group-meeting-feedback': groupMeetingFeedback,
  'study-visit-feedback': studyVisitFeedback,
  'six-months-after-visit': sixMonthsAfterVisit,
};
