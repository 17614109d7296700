import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Gives every body cell of the host's tables a `data-label` with its column's header text, which
 * the shared table styles show above the value when a narrow box turns rows into stacked cards.
 */
export class TableCellLabels implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode }) {
    host.addController(this);
  }

  hostUpdated(): void {
    for (const table of this.host.renderRoot.querySelectorAll('table')) {
      const headerRow = table.tHead?.rows[table.tHead.rows.length - 1];
      if (!headerRow) continue;
      const labels: string[] = [];
      for (const cell of headerRow.cells) for (let i = 0; i < cell.colSpan; i++) labels.push(cell.textContent?.replace(/\s+/g, ' ').trim() ?? '');
      for (const body of table.tBodies) {
        for (const row of body.rows) {
          let column = 0;
          for (const cell of row.cells) {
            const label = labels[column] ?? '';
            if (label && cell.dataset.label !== label) cell.dataset.label = label;
            column += cell.colSpan;
          }
        }
      }
    }
  }
}
