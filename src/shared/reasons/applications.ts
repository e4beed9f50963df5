// The English texts of the reasons of one area — applications, their answers and attachments.
// Each code once; ../reason-texts.ts merges the areas into REASON_TEXTS.

export const APPLICATIONS_REASONS = {
  // Application answers (domain/calls/answers.ts)
  ANSWER_NOT_A_QUESTION: 'This is not a question of the call.',
  ANSWER_REQUIRED: 'Answer “{{label}}” before submitting.',
  ANSWER_NOT_TEXT: 'Write the answer as text.',
  ANSWER_TOO_LONG: 'Use at most {{max}} characters (now {{length}}).',
  ANSWER_CHOOSE_ONE: 'Choose one of the options.',
  ANSWER_CHOOSE_EACH_ONCE: 'Choose among the options, each once.',
  ANSWER_CHOOSE_SECTORS: 'Choose among the six sectors.',
  ANSWER_CHOOSE_FROM_LIST: 'Choose from the list.',
  ANSWER_DATES: 'Give dates like 2027-05-20.',
  ANSWER_DATES_OUTSIDE_VISITS: 'Choose dates in the study visits period, {{windowStart}} to {{windowEnd}}; outside it: {{dates}}.',
  ANSWER_DELEGATES: 'Give a number of delegates from 1 to {{max}}.',
  // Applications and their attachments (server/modules/applications)
  APPLICATION_NOT_FOUND: 'There is no such application, or it is not yours to see.',
  APPLICATION_CHANGED: 'This application changed since you opened it (perhaps in another tab or by a colleague). Reload it and apply your changes again.',
  APPLY_FOR_OWN_CITY_ONLY: 'You can apply only for a city you represent.',
  ANSWERS_NOT_VALID: 'Some answers are not valid.',
  APPLICATION_EXISTS_FOR_CITY: '{{city}} has already applied to this call; open its application instead.',
  APPLICATION_CHANGE_OWN_ONLY: 'Only the city’s own representatives can change its application.',
  APPLICATION_WITHDRAWN: 'This application was withdrawn.',
  APPLICATION_ALREADY_SUBMITTED: 'This application is already submitted.',
  ANSWERS_REQUIRED_BEFORE_SUBMIT: 'Answer the required questions before submitting.',
  APPLICATION_WITHDRAW_OWN_ONLY: 'Only the city’s own representatives can withdraw its application.',
  APPLICATION_ALREADY_WITHDRAWN: 'This application was already withdrawn.',
  ATTACHMENT_NO_FILE_QUESTION: 'This call has no file question “{{question}}”.',
  ATTACHMENT_REQUIRED_REPLACE: '“{{label}}” is required in a submitted application: upload another PDF to replace the file instead.',
  ATTACHMENT_REPLACE_NOT_REMOVE: 'Required: replace the file rather than removing it.',
  ATTACHMENT_NONE: 'No file is attached to this question.',
  // Uploaded PDF files (server/lib/pdf-upload.ts)
  UPLOAD_TOO_LARGE: 'The file is too large: upload a PDF of at most {{max}}.',
  UPLOAD_TOO_LARGE_SIZE: 'The file is too large ({{size}}): upload a PDF of at most {{max}}.',
  UPLOAD_NOT_PDF_TYPE: 'Only PDF files can be uploaded; this upload was sent as “{{type}}”. Save the document as PDF and upload it again.',
  UPLOAD_NO_TYPE: 'Only PDF files can be uploaded; this upload was sent without a type. Save the document as PDF and upload it again.',
  UPLOAD_EMPTY: 'The file is empty. Choose the PDF again.',
  UPLOAD_NOT_PDF_CONTENT: 'This file is not a PDF (it does not start with “%PDF-”). Save the document as PDF and upload it again.',
} as const satisfies Record<string, string>;
