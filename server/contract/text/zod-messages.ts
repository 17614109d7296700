import type { z } from 'zod';
import type { Language } from './languages.js';
import { isMessageKey, say, type Message, type MessageKey, type MessageParams } from './messages.js';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const sized = (origin: string, bound: number | bigint, small: boolean, inclusive: boolean): MessageKey => {
  switch (origin) {
    case 'string':
      return small && Number(bound) === 1 ? 'required' : small ? 'textTooShort' : 'textTooLong';
    case 'array':
    case 'set':
      return small ? 'tooFewItems' : 'tooManyItems';
    case 'date':
      return small ? 'dateTooEarly' : 'dateTooLate';
    default:
      if (small) return inclusive ? 'numberTooSmall' : 'numberNotAbove';
      return inclusive ? 'numberTooBig' : 'numberNotBelow';
  }
};

const EXPECTED: Partial<Record<string, MessageKey>> = { number: 'expectedNumber', int: 'expectedWholeNumber', string: 'expectedText', date: 'expectedDate' };
const FORMATS: Partial<Record<string, MessageKey>> = { email: 'invalidEmail', url: 'invalidUrl', date: 'expectedDate', datetime: 'expectedDate' };

/** The message key of an issue zod raises itself (a schema's own message takes precedence over it). */
function keyOf(issue: RawIssue): MessageKey {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : (EXPECTED[issue.expected] ?? 'invalidValue');
    case 'too_small':
      return sized(issue.origin, issue.minimum, true, issue.inclusive !== false);
    case 'too_big':
      return sized(issue.origin, issue.maximum, false, issue.inclusive !== false);
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'invalidFormat';
    case 'not_multiple_of':
      return 'notMultipleOf';
    case 'unrecognized_keys':
      return 'unknownFields';
    case 'invalid_value':
      return 'chooseOption';
    default:
      return 'invalidValue';
  }
}

/**
 * Parse options that leave every message a key, to be written in a language when shown: zod's own
 * issues get their key here; the contract's rules name theirs (`.refine(rule, 'eachNeedOnce')`).
 */
export const PARSE_OPTIONS = { error: keyOf } as const;

/** The values a message mentions, from the issue (bounds, divisor, unknown keys, a rule's params). */
function paramsOf(issue: Issue): MessageParams {
  switch (issue.code) {
    case 'too_small':
      return { min: Number(issue.minimum) };
    case 'too_big':
      return { max: Number(issue.maximum) };
    case 'not_multiple_of':
      return { divisor: Number(issue.divisor) };
    case 'unrecognized_keys':
      return { keys: issue.keys.join(', ') };
    case 'custom':
      return (issue.params ?? {}) as MessageParams;
    default:
      return {};
  }
}

/**
 * What an issue of a parse with PARSE_OPTIONS means, in no language yet; a message that is not a key
 * (a server schema's own English) is kept as written.
 */
export function issueMessage(issue: Issue): Message | string {
  return isMessageKey(issue.message) ? { key: issue.message, params: paramsOf(issue) } : issue.message;
}

/** A message in `lang`; a string is a message key, or text not yet keyed that stays as written (English). */
export function sayText(text: Message | string, lang: Language): string {
  if (typeof text !== 'string') return say(text, lang);
  return isMessageKey(text) ? say({ key: text }, lang) : text;
}

/** The error map of one language, for the issues of a parse with PARSE_OPTIONS: one schema, each form's language. */
export const errorMap =
  (lang: Language) =>
  (issue: Issue): string =>
    sayText(issueMessage(issue), lang);
