import { css } from 'lit';

/** Screen: a preview of the sheet. Print: A4 (page size set in index.html), small type, no chrome. */
export const styles = css`
  :host {
    display: block;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
  }
  /* English always on the left and Arabic on the right, whatever the interface language. */
  .sheet {
    direction: ltr;
    max-inline-size: 190mm;
    margin-inline: auto;
    padding: 8mm;
    border: 1px solid var(--ct-border-soft);
    background: #fff;
    font-size: 9.5pt;
    line-height: 1.3;
  }
  header {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 6mm;
    margin-block-end: 3mm;
    padding-block-end: 2mm;
    border-block-end: 2px solid var(--ct-primary);
  }
  h1 {
    margin: 0 0 1mm;
    font-size: 13pt;
    color: var(--ct-primary);
  }
  header p {
    margin: 0;
    color: var(--ct-muted);
    font-size: 8pt;
  }
  /* The law in force, English and the other language side by side, as the header. */
  .frames {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 6mm;
    margin-block-end: 2mm;
  }
  .legal-frame h2 {
    margin: 0;
    font-size: 1em;
    color: var(--ct-primary);
  }
  .legal-frame p {
    margin: 0;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  col.text {
    inline-size: 41%;
  }
  col.numbers {
    inline-size: 18%;
  }
  th,
  td {
    padding: 1mm 1.5mm;
    border-block-end: 1px solid var(--ct-border-soft);
    vertical-align: top;
    text-align: start;
  }
  thead th {
    font-size: 8pt;
    color: var(--ct-muted);
    font-weight: 600;
  }
  tr.category th {
    padding-block-start: 2mm;
    background: var(--ct-surface-strong);
    color: var(--ct-text);
    font-size: 9.5pt;
  }
  /* One row names the category in both languages, each on its own side. */
  tr.category th > span {
    display: inline-block;
    inline-size: 49%;
  }
  tr.category th > span[dir='rtl'] {
    text-align: right;
  }
  tbody {
    break-inside: avoid;
  }
  .phones {
    text-align: center;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    font-size: 8.5pt;
  }
  .phones a {
    color: inherit;
    text-decoration: none;
  }
  .person {
    color: var(--ct-muted);
    font-size: 8.5pt;
  }
  .more {
    margin-inline-start: 2mm;
    color: var(--ct-muted);
    font-size: 7.5pt;
    font-weight: normal;
    font-style: italic;
  }
  /* The QR code to the live page sits between the English and the other language's notes. */
  footer {
    display: grid;
    grid-template-columns: 1fr auto 1fr;
    align-items: center;
    gap: 6mm;
    margin-block-start: 3mm;
    font-size: 8pt;
    color: var(--ct-muted);
  }
  footer p {
    margin: 0 0 1mm;
  }
  @media print {
    .toolbar {
      display: none;
    }
    /*
     * Type shrinks with the number of categories (--groups, one service row each, set on the host by
     * the view) so that a pathway with more than today's 18 categories (7.5pt) still fits one A4 page.
     */
    .sheet {
      max-inline-size: none;
      padding: 0;
      border: 0;
      font-size: min(7.5pt, calc(135pt / var(--groups, 18)));
      line-height: 1.15;
    }
    th,
    td {
      padding: 0.4mm 1mm;
    }
    tr.category th {
      padding-block-start: 0.6mm;
      font-size: 1.05em;
    }
    thead th,
    .phones,
    .person,
    footer,
    header p {
      font-size: 1em;
    }
    .more {
      font-size: 0.95em;
    }
    /* The legal frame runs on as one paragraph per language: lines kept for the services. */
    .legal-frame > * {
      display: inline;
      margin-inline-end: 1mm;
    }
    h1 {
      font-size: 12pt;
    }
  }
`;
