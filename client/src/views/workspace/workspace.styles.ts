import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { tableStyles } from '../../styles/table.styles.js';

/** The workspace's layout and forms: section navigation beside (or, on phones, above) the section. */
export const styles = [
  formStyles,
  tableStyles,
  css`
  :host {
    display: block;
  }
  .workspace {
    display: grid;
    /* minmax(0, …): wide tables scroll inside their box instead of widening the page on a phone. */
    grid-template-columns: minmax(0, 1fr);
    gap: 1.5rem;
  }
  @media (min-width: 56rem) {
    .workspace {
      grid-template-columns: 13rem minmax(0, 1fr);
      align-items: start;
    }
  }
  .sections ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  @media (min-width: 56rem) {
    .sections ul {
      flex-direction: column;
    }
  }
  .sections a {
    display: flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 0.75rem;
    border-radius: 6px;
    text-decoration: none;
  }
  .sections a[aria-current='page'] {
    background: var(--ct-surface-strong);
    font-weight: 600;
    border-inline-start: 4px solid var(--ct-primary);
  }
  .list-header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.75rem;
    margin-block-end: 1rem;
  }
  .records {
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
  }
  .records li {
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
    padding-block: 0.6rem;
    border-block-end: 1px solid var(--ct-border-soft);
  }
  .records li > button {
    align-self: start;
  }
  .records a {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    font-weight: 600;
  }
  form {
    margin-block: 1rem;
  }
  .field {
    margin-block-end: 1rem;
  }
  .field input:not([type='checkbox']):not([type='radio']),
  .field select,
  .field textarea {
    inline-size: 100%;
  }
  .field-row {
    display: grid;
    gap: 0 1rem;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  .field.check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.5rem;
    align-items: center;
  }
  .field.check label {
    margin: 0;
  }
  .field.check .hint,
  .field.check .field-error {
    grid-column: 2;
  }
  fieldset {
    margin-block-end: 1rem;
  }
  .choice-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0 1rem;
  }
  .phone-row {
    display: grid;
    gap: 0 1rem;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    align-items: end;
  }
  .phone-row .button {
    margin-block-end: 1rem;
  }
  .save-bar,
  .record-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-block: 1rem;
  }
  .table-wrap {
    margin-block-end: 1.5rem;
  }
  td.actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .matches {
    list-style: none;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .chosen {
    list-style: none;
    padding: 0;
    margin-block: 0 0.5rem;
  }
  .chosen li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding-block: 0.25rem;
  }
  .status:empty {
    display: none;
  }
`,
];
