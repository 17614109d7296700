import { html, nothing } from 'lit';
import { PASSWORD_MIN_LENGTH, passwordWeakness, type PasswordContext } from '../../../../server/contract/accounts/password-rules.js';
import { say } from '../../../../server/contract/text/messages.js';
import type { FieldProblemView as FieldProblem } from '../../../../server/contract/problem.schemas.js';
import type { FieldProblems } from '../../forms/field-problems.js';
import type { I18nController } from '../../i18n/i18n.js';

/**
 * A new password and its repetition, with the server's password rules stated and checked before
 * sending (the same rules module the server enforces).
 */
export function renderNewPassword(i18n: I18nController, problems: FieldProblems, field: string) {
  const hintId = `${field}-hint`;
  const describedBy = [hintId, problems.describedBy(field)].filter(Boolean).join(' ');
  return html`<div>
      <label for=${field}>${i18n.t('account.newPassword')}</label>
      <input id=${field} name=${field} type="password" autocomplete="new-password" dir="ltr" required
        aria-invalid=${problems.invalid(field)} aria-describedby=${describedBy} />
      <p class="hint" id=${hintId}>${i18n.t('account.passwordRules', { min: PASSWORD_MIN_LENGTH })}</p>
      ${problems.render(field)}
    </div>
    <div>
      <label for="confirmPassword">${i18n.t('account.confirmPassword')}</label>
      <input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" dir="ltr" required
        aria-invalid=${problems.invalid('confirmPassword')} aria-describedby=${problems.describedBy('confirmPassword') ?? nothing} />
      ${problems.render('confirmPassword')}
    </div>`;
}

/** What is wrong with the new password and its repetition, in the reader's language. */
export function newPasswordProblems(i18n: I18nController, data: FormData, field: string, context: PasswordContext): FieldProblem[] {
  const password = String(data.get(field) ?? '');
  const problems: FieldProblem[] = [];
  // Worded by the same messages the server refuses with, so the two never disagree.
  const weakness = passwordWeakness(password, context);
  if (weakness) problems.push({ field, message: say(weakness, i18n.lang) });
  if (password !== String(data.get('confirmPassword') ?? '')) problems.push({ field: 'confirmPassword', message: i18n.t('account.passwordsDiffer') });
  return problems;
}
