import type { CallKind, Criterion, Question } from '../../shared/programme.schemas.ts';

// The template's calls ask what the real programme asks (the programme's
// article and docs/PRODUCT.md): why the city applies, the solutions to show
// or to learn about, the sectors, the team and its delegates, preferred
// dates, and the commitment to share what comes of it. Every question and
// criterion stays editable until the first application is submitted.

const COMMITMENT_OPTIONS = ['Yes, we commit to this', 'Not yet: we explain why in our answers above'];

const HOST_QUESTIONS: Question[] = [
  { id: 'motivation', type: 'long_text', label: 'Why does your city want to host a Group Study Visit?', help: 'What you hope to gain from the visiting cities, and why now.', required: true, options: [], maxLength: 3000 },
  {
    id: 'solutions',
    type: 'solutions',
    label: 'Which of your solutions could visitors see on site?',
    help: 'Choose them from your city’s solutions in the library; add any that are missing there first.',
    required: true,
    options: [],
  },
  { id: 'sectors', type: 'sectors', label: 'Sectors the visit would cover', help: '', required: true, options: [] },
  {
    id: 'team',
    type: 'long_text',
    label: 'Who would organise the visit, and who would present?',
    help: 'Your team and their roles, and the partners (utilities, universities, companies, citizens’ groups) who would show their work.',
    required: true,
    options: [],
    maxLength: 2000,
  },
  { id: 'dates', type: 'preferred_dates', label: 'Dates in the visit period that suit you', help: 'Two days in a row; add as many options as you can.', required: false, options: [] },
  {
    id: 'sharing',
    type: 'single_choice',
    label: 'Will you share your plans, data and lessons openly with the visiting cities, and answer their follow-up questions?',
    help: '',
    required: true,
    options: COMMITMENT_OPTIONS,
  },
];

const HOST_CRITERIA: Criterion[] = [
  { id: 'solutions', name: 'Solutions worth visiting', weight: 3, scaleMax: 5 },
  { id: 'capacity', name: 'Team and capacity to host', weight: 2, scaleMax: 5 },
  { id: 'fit', name: 'Fit with the sectors the visiting cities want to learn about', weight: 1, scaleMax: 5 },
  { id: 'sharing', name: 'Commitment to share openly', weight: 1, scaleMax: 5 },
];

const VISITOR_QUESTIONS: Question[] = [
  { id: 'motivation', type: 'long_text', label: 'What does your city want to learn, and why now?', help: '', required: true, options: [], maxLength: 3000 },
  {
    id: 'solutions',
    type: 'solutions',
    label: 'Which Mission City solutions would you most like to see?',
    help: 'Choose them from the library; they help us match you with a host.',
    required: false,
    options: [],
  },
  { id: 'sectors', type: 'sectors', label: 'Sectors of interest', help: '', required: true, options: [] },
  { id: 'replication', type: 'long_text', label: 'What could you replicate within two years?', help: '', required: true, options: [], maxLength: 3000 },
  {
    id: 'team',
    type: 'long_text',
    label: 'Who would visit, and what is their role in your city’s transition?',
    help: 'Officers, elected members, partners: the people who would turn what they see into action.',
    required: true,
    options: [],
    maxLength: 2000,
  },
  { id: 'delegates', type: 'delegates', label: 'Number of delegates', help: 'As many as the programme allows per city, at most.', required: true, options: [] },
  { id: 'dates', type: 'preferred_dates', label: 'Dates in the visit period that suit your delegation', help: '', required: false, options: [] },
  {
    id: 'sharing',
    type: 'single_choice',
    label: 'Will your city share what it learns and report on its replication 3, 6 and 12 months after the visit?',
    help: '',
    required: true,
    options: COMMITMENT_OPTIONS,
  },
];

const VISITOR_CRITERIA: Criterion[] = [
  { id: 'motivation', name: 'Motivation and learning goals', weight: 2, scaleMax: 5 },
  { id: 'replication', name: 'Replication potential', weight: 3, scaleMax: 5 },
  { id: 'team', name: 'Team and political commitment', weight: 2, scaleMax: 5 },
  { id: 'sharing', name: 'Commitment to share results', weight: 1, scaleMax: 5 },
];

/** The questions and weighted criteria a new edition's call starts with. */
export function templateCallForm(kind: CallKind): { questions: Question[]; criteria: Criterion[] } {
  return kind === 'host' ? { questions: HOST_QUESTIONS, criteria: HOST_CRITERIA } : { questions: VISITOR_QUESTIONS, criteria: VISITOR_CRITERIA };
}
