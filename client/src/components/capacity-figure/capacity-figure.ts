import { css, html, nothing } from 'lit';
import type { ServiceSummary } from '../../../../server/contract/directory/services/service.schemas.js';
import { formatRelative, translate, type I18nController } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/types.js';

type Capacity = NonNullable<ServiceSummary['capacity']>[number];

/** "3 of 12 beds free" in a language (digits of its locale). */
function figureIn(lang: Lang, c: Capacity): string {
  const params = { available: c.available, ...(c.maximum === null ? {} : { maximum: c.maximum }) };
  return translate(lang, c.maximum === null ? `capacity.freeOpen.${c.unit}` : `capacity.free.${c.unit}`, params);
}

export const capacityText = (i18n: I18nController, c: Capacity): string => figureIn(i18n.lang, c);

/** The whole line in one language, as plain text: the printed pathway sets two languages side by side. */
export function capacityLineIn(lang: Lang, c: Capacity): string {
  const when = formatRelative(lang, c.updatedAt);
  return c.stale
    ? translate(lang, 'capacity.stale', { when })
    : `${figureIn(lang, c)}${translate(lang, 'app.comma')}${translate(lang, 'capacity.updated', { when })}`;
}

/**
 * The capacity figures of a service, each with how long ago it was given. A stale one (the server
 * decides, against the configured age) is said to be out of date and never shown as current.
 */
export function renderCapacity(i18n: I18nController, capacity: ServiceSummary['capacity']) {
  if (!capacity?.length) return nothing;
  return html`<ul class="capacity plain">
    ${capacity.map((c) => {
      const when = i18n.relative(c.updatedAt);
      return html`<li class="capacity-figure ${c.stale ? 'stale' : 'current'}" title=${i18n.date(c.updatedAt)}>
        ${c.stale
          ? html`<s>${capacityText(i18n, c)}</s> ${i18n.t('capacity.stale', { when })}`
          : html`<strong>${capacityText(i18n, c)}</strong>${i18n.t('app.comma')}${i18n.t('capacity.updated', { when })}`}
      </li>`;
    })}
  </ul>`;
}

/** Free places stand out; a stale figure reads as a warning, not as a number to trust. */
export const capacityStyles = css`
  .capacity {
    margin-block: 0.35rem;
    padding: 0;
    list-style: none;
  }
  .capacity-figure.stale {
    color: var(--ct-muted);
  }
`;
