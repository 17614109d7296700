import { LitElement } from 'lit';
import { FieldProblems, focusFirstInvalid, localised } from '../../forms/field-problems.js';
import { I18nController } from '../../i18n/i18n.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { failureMessage } from '../admin/failure.js';
import { accountStyles } from './account.styles.js';

/** What the account forms share: field problems, a busy flag, a failure message, and how a request is sent. */
export class AccountForm extends LitElement {
  static override styles = [sharedStyles, accountStyles];
  static override properties = { problems: { state: true }, busy: { state: true }, done: { state: true }, failure: { state: true } };

  declare problems: FieldProblems;
  declare busy: boolean;
  /** The request succeeded. */
  declare done: boolean;
  declare failure: string;

  protected readonly i18n = new I18nController(this);

  constructor() {
    super();
    this.problems = new FieldProblems();
    this.busy = false;
    this.done = false;
    this.failure = '';
  }

  /** Shows problems found before sending; true when there are none. */
  protected accept(problems: FieldProblems): boolean {
    this.failure = '';
    this.done = false;
    this.problems = problems;
    if (problems.empty) return true;
    void focusFirstInvalid(this);
    return false;
  }

  /**
   * Sends; the server's field errors go next to their fields in the reader's language (`messages`),
   * an invalid one-time token becomes `tokenFailure`, anything else a general failure.
   */
  protected async attempt(send: () => Promise<unknown>, messages: Record<string, string>, tokenFailure?: string): Promise<boolean> {
    this.busy = true;
    try {
      await send();
      this.done = true;
      return true;
    } catch (error) {
      const fields = FieldProblems.fromApi(error);
      if (tokenFailure && fields?.message('token')) this.failure = tokenFailure;
      else if (fields) this.accept(new FieldProblems(localised(fields, messages)));
      else this.failure = failureMessage(this.i18n, error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
