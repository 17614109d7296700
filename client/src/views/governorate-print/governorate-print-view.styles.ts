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
  tr.category td {
    background: var(--ct-surface-strong);
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
  footer {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 6mm;
    margin-block-start: 3mm;
    font-size: 8pt;
    color: var(--ct-muted);
  }
  @media print {
    .toolbar {
      display: none;
    }
    .sheet {
      max-inline-size: none;
      padding: 0;
      border: 0;
      font-size: 7.5pt;
      line-height: 1.2;
    }
    th,
    td {
      padding: 0.5mm 1mm;
    }
    tr.category th {
      padding-block-start: 0.8mm;
      font-size: 8pt;
    }
    .phones,
    .person {
      font-size: 7.5pt;
    }
    h1 {
      font-size: 12pt;
    }
  }
`;
