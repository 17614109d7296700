import { html, type TemplateResult } from 'lit';
import { GROUP_COLOURS } from '../../styles/shared.styles.js';

/** Colour class of a category group (safety, health, …); anything unknown is grey. */
export function groupClass(group: string | null | undefined): string {
  return group && group in GROUP_COLOURS ? `group-${group}` : 'group-other';
}

/**
 * A small decorative dot in the colour of a category group. Colours come from classes, not style
 * attributes, which the server's Content-Security-Policy (style-src 'self') refuses.
 */
export function colourDot(group: string | null | undefined): TemplateResult {
  return html`<span class="dot ${groupClass(group)}" aria-hidden="true"></span>`;
}
