import type { z } from 'zod';
import type { Reason } from './reason.ts';
import { isReasonCode, reason } from './reason-texts.ts';

/**
 * A refinement's reason code, carried on its issue (`params: { reason: 'CODE' }`)
 * so the web app and the server's field errors show people the catalogue's
 * sentence instead of the schema's English message.
 */
export const because = (code: Parameters<typeof reason>[0]) => ({ params: { reason: code } });

/** A bound of a too_small/too_big issue as a parameter people read: a number, or a day for dates. */
function bound(value: unknown, origin: string): string | number {
  if (origin === 'date') {
    const date = value instanceof Date ? value : new Date(Number(value));
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 10);
  }
  return Number(value);
}

/**
 * Every kind of schema issue as a reason (src/shared/reason-texts.ts), with
 * its limit: what people see instead of zod's default English ("Too big:
 * expected string to have <=200 characters"). Used by the web app's forms
 * (useApiForm) and by the server's field errors, so both say the same.
 */
export function issueReason(issue: z.core.$ZodIssue): Reason {
  switch (issue.code) {
    case 'too_small': {
      const min = bound(issue.minimum, issue.origin);
      switch (issue.origin) {
        case 'string':
          return Number(min) <= 1 ? reason('FIELD_REQUIRED') : reason('TEXT_TOO_SHORT', { min });
        case 'array':
        case 'set':
          return Number(min) <= 1 ? reason('LIST_REQUIRED') : reason('LIST_TOO_SHORT', { min });
        case 'date':
          return reason('DATE_TOO_EARLY', { min });
        case 'file':
          return reason('FILE_EMPTY');
        default:
          return issue.inclusive === false ? reason('NUMBER_NOT_ABOVE', { min }) : reason('NUMBER_TOO_SMALL', { min });
      }
    }
    case 'too_big': {
      const max = bound(issue.maximum, issue.origin);
      switch (issue.origin) {
        case 'string':
          return reason('TEXT_TOO_LONG', { max });
        case 'array':
        case 'set':
          return reason('LIST_TOO_LONG', { max });
        case 'date':
          return reason('DATE_TOO_LATE', { max });
        case 'file':
          return reason('FILE_TOO_BIG_BYTES', { max });
        default:
          return issue.inclusive === false ? reason('NUMBER_NOT_BELOW', { max }) : reason('NUMBER_TOO_BIG', { max });
      }
    }
    case 'invalid_type':
      // Issues carry no input unless asked; zod's message ends with what it received.
      if (issue.input === undefined ? /received (undefined|null)$/.test(issue.message) : issue.input === null || issue.input === '') return reason('FIELD_REQUIRED');
      if (issue.expected === 'int') return reason('WHOLE_NUMBER_EXPECTED');
      if (issue.expected === 'number' || issue.expected === 'bigint') return reason('NUMBER_EXPECTED');
      if (issue.expected === 'date') return reason('DATE_INVALID');
      return reason('VALUE_INVALID');
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return reason('EMAIL_INVALID');
        case 'url':
          return reason('URL_INVALID');
        case 'date':
        case 'duration':
          return reason('DATE_INVALID');
        case 'time':
          return reason('TIME_INVALID');
        case 'datetime':
          return reason('DATE_TIME_INVALID');
        default:
          return reason('FORMAT_INVALID');
      }
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? reason('WHOLE_NUMBER_EXPECTED') : reason('NUMBER_STEP', { step: Number(issue.divisor) });
    case 'invalid_value':
      return reason('CHOICE_INVALID');
    case 'unrecognized_keys':
      return reason('FIELDS_UNKNOWN', { keys: issue.keys.join(', ') });
    case 'custom': {
      const code: unknown = issue.params?.reason;
      return typeof code === 'string' && isReasonCode(code) ? { code } : reason('VALUE_INVALID');
    }
    default:
      return reason('VALUE_INVALID');
  }
}
