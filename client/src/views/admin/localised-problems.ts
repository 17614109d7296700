import type { FieldProblemView as FieldProblem } from '../../../../server/contract/problem.schemas.js';
import type { FieldProblems } from '../../forms/field-problems.js';

/**
 * The same fields as `problems` (from the shared zod schema or the server, whose words are English),
 * each with the message this form gives for it in the reader's language; other fields keep theirs.
 */
export function localised(problems: FieldProblems | undefined, messages: Record<string, string>): FieldProblem[] {
  return (problems?.fields ?? []).map((field) => ({ field, message: messages[field] ?? problems?.message(field) ?? '' }));
}
