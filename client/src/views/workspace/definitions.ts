import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { z } from 'zod';
import { activityInputWith } from '../../../../server/contract/activities/activity.input.js';
import { ACTIVITY_KINDS, AUDIENCES, REACH_GROUPS } from '../../../../server/contract/activities/vocabulary.js';
import { ContactCreate, ContactUpdate } from '../../../../server/contract/directory/contacts/contact.input.js';
import { locationInputWith } from '../../../../server/contract/directory/locations/location.input.js';
import { organizationInputWith } from '../../../../server/contract/directory/organizations/organization.input.js';
import { serviceInputWith } from '../../../../server/contract/directory/services/service.input.js';
import {
  GENDER_RESTRICTIONS,
  REQUIRED_IDENTIFICATIONS,
  RESPONSE_COMMITMENTS,
  ORGANIZATION_TYPES,
  POPULATIONS,
  SERVICE_LANGUAGES,
  SERVICE_STATUSES,
  WEEKDAYS,
} from '../../../../server/contract/directory/vocabulary.js';
import type { ScheduleView as Schedule } from '../../../../server/contract/directory/services/service.schemas.js';
import type { Reference } from '../../api/reference.js';
import { getOrganization } from '../../api/client.js';
import { listLocations, type ActivityView, type EditableContact, type EditableLocation, type EditableService, type OrganizationName, type OrganizationDetail } from '../../api/workspace.js';
import '../../components/location-picker/location-picker.js';
import type { PickedLocation } from '../../components/location-picker/location-picker.js';
import './organization-search.js';
import type { TextKey } from '../../i18n/en.js';
import type { I18nController } from '../../i18n/i18n.js';
import {
  checkField,
  choiceList,
  numberField,
  phonesField,
  selectField,
  textField,
  translatedField,
  type Choice,
  type FormContext,
} from './form-fields.js';
import type { RecordFormDefinition } from './record-form.js';

/** The workspace's record forms: which fields each record has, how they are labelled and laid out. */

// The forms offer governorates by their ISO codes, so a plain string stands in for the server's code lookup.
const organizationInput = organizationInputWith(z.string());
const serviceInput = serviceInputWith(z.string());
const locationInput = locationInputWith(z.string());
const activityInput = activityInputWith(z.string());

const label = (field: string) => `workspace.field.${field}` as TextKey;
const labelsOf = (fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, label(f)]));

const governorateChoices = (i18n: I18nController, reference: Reference | null): Choice[] =>
  (reference?.governorates ?? []).map((g) => ({ value: g.code, label: i18n.text(g.name) }));
const languageChoices = (i18n: I18nController): Choice[] => SERVICE_LANGUAGES.map((code) => ({ value: code, label: i18n.vocab('language', code) }));
/** The organisation's live places, to pick among (a service's places, the head office). */
const placeChoices = async (organizationId: string, i18n: I18nController, signal: AbortSignal): Promise<Choice[]> =>
  (await listLocations(organizationId, signal)).items.map((l) => ({ value: l.id, label: i18n.text(l.name) }));

/** Stored codes as the reader's words, for the conflict table. */
function codeLabel(field: string, code: string, i18n: I18nController, reference: Reference | null): string {
  switch (field) {
    case 'governorates':
      return reference ? i18n.text(reference.governorateName(code)) : code;
    case 'categories':
      return reference ? i18n.text(reference.categoryName(code)) : code;
    case 'languages':
      return i18n.vocab('language', code);
    case 'populations':
      return i18n.vocab('population', code);
    case 'type':
      return i18n.vocab('orgType', code);
    case 'status':
      return i18n.vocab('status', code);
    default:
      return code;
  }
}

function verifiedLine(i18n: I18nController, lastVerifiedAt: string | null) {
  return html`<p class="muted">
    ${i18n.t('service.lastVerified')}: ${lastVerifiedAt ? i18n.date(lastVerifiedAt) : i18n.t('service.neverVerified')}
  </p>`;
}

const PROFILE_FIELDS = [
  'name',
  'alternateName',
  'description',
  'type',
  'acceptsReferrals',
  'website',
  'email',
  'phones',
  'governorates',
  'languages',
  'yearIncorporated',
  'legalStatus',
  'headOfficeLocationId',
] as const;

export const profileForm: RecordFormDefinition<OrganizationDetail> = {
  section: 'profile',
  collection: 'organizations',
  fields: PROFILE_FIELDS,
  labels: labelsOf(PROFILE_FIELDS),
  defaults: {},
  toDraft: (o) => ({ ...o }),
  title: (o, i18n) => i18n.text(o.name),
  valueLabel: codeLabel,
  inputSchemas: { update: organizationInput.OrganizationUpdate },
  actions: ['confirm'],
  loadChoices: async (organizationId, i18n, signal) => ({
    headOfficeLocationId: [{ value: '', label: i18n.t('workspace.noHeadOffice') }, ...(await placeChoices(organizationId, i18n, signal))],
  }),
  summary: (o, i18n) => verifiedLine(i18n, o.lastVerifiedAt),
  renderFields: (ctx, reference, choices) => {
    const t = ctx.i18n;
    // Members edit their organisation here; its name and type are a platform admin's to change.
    const platformAdminsOnly = { ...ctx, readOnly: ctx.readOnly || !ctx.mayChangeNameAndType };
    return html`${translatedField(platformAdminsOnly, 'name', t.t(label('name')), { required: true })}
      ${ctx.mayChangeNameAndType ? nothing : html`<p class="hint">${t.t('workspace.nameAndTypeHint')}</p>`}
      ${textField(ctx, 'alternateName', t.t(label('alternateName')))}
      ${translatedField(ctx, 'description', t.t(label('description')), { multiline: true })}
      <div class="field-row">
        ${selectField(
          platformAdminsOnly,
          'type',
          t.t(label('type')),
          ORGANIZATION_TYPES.map((code) => ({ value: code, label: t.vocab('orgType', code) })),
        )}
        ${numberField(ctx, 'yearIncorporated', t.t(label('yearIncorporated')), { min: 1900, max: 2100 })}
        ${textField(ctx, 'legalStatus', t.t(label('legalStatus')))}
      </div>
      ${checkField(ctx, 'acceptsReferrals', t.t(label('acceptsReferrals')))}
      <div class="field-row">
        ${textField(ctx, 'website', t.t(label('website')), { type: 'url', dir: 'ltr' })}
        ${textField(ctx, 'email', t.t(label('email')), { type: 'email', dir: 'ltr' })}
      </div>
      ${phonesField(ctx, 'phones', t.t(label('phones')))}
      ${choiceList(ctx, 'governorates', t.t(label('governorates')), governorateChoices(t, reference))}
      ${choiceList(ctx, 'languages', t.t(label('languages')), languageChoices(t))}
      ${selectField(ctx, 'headOfficeLocationId', t.t(label('headOfficeLocationId')), choices.headOfficeLocationId ?? [])}`;
  },
};

const SERVICE_FIELDS = [
  'name',
  'description',
  'status',
  'categories',
  'populations',
  'ageMin',
  'ageMax',
  'genderRestriction',
  'requiredIdentification',
  'responseCommitment',
  'languages',
  'governorates',
  'eligibility',
  'applicationProcess',
  'fees',
  'free',
  'url',
  'email',
  'phones',
  'schedules',
  'locationIds',
  'confidential',
] as const;

/** Opening hours: per row the days and the times it opens and closes. */
function schedulesField(ctx: FormContext) {
  const t = ctx.i18n;
  const schedules = (ctx.editor.value('schedules') as Schedule[] | undefined) ?? [];
  const update = (index: number, change: Partial<Schedule> | null) =>
    ctx.editor.set(
      'schedules',
      change === null ? schedules.filter((_, i) => i !== index) : schedules.map((row, i) => (i === index ? { ...row, ...change } : row)),
    );
  const time = (index: number, key: 'opensAt' | 'closesAt', value: string | null) => html`<div class="field">
    <label for="schedule-${index}-${key}">${t.t(label(key))}</label>
    <input
      id="schedule-${index}-${key}"
      type="time"
      .value=${value ?? ''}
      ?disabled=${ctx.readOnly}
      aria-invalid=${ctx.editor.problems.invalid(`schedules.${index}.${key}`)}
      aria-describedby=${ifDefined(ctx.editor.problems.describedBy(`schedules.${index}.${key}`))}
      @input=${(e: Event) => update(index, { [key]: (e.target as HTMLInputElement).value || null })}
    />
    ${ctx.editor.problems.render(`schedules.${index}.${key}`)}
  </div>`;
  return html`<fieldset>
    <legend>${t.t('service.hours')}</legend>
    ${schedules.map((row, index) => {
      const days = `schedules.${index}.byDay`;
      return html`<fieldset>
        <legend>${t.t('workspace.scheduleRow', { n: index + 1 })}</legend>
        <div class="choice-grid">
          ${WEEKDAYS.map(
            (day) => html`<label class="choice">
              <input
                type="checkbox"
                .checked=${row.byDay.includes(day)}
                ?disabled=${ctx.readOnly}
                aria-invalid=${ctx.editor.problems.invalid(days)}
                aria-describedby=${ifDefined(ctx.editor.problems.describedBy(days))}
                @change=${(e: Event) =>
                  update(index, {
                    byDay: WEEKDAYS.filter((d) => (d === day ? (e.target as HTMLInputElement).checked : row.byDay.includes(d))),
                  })}
              />
              <span>${t.vocab('weekday', day)}</span>
            </label>`,
          )}
        </div>
        ${ctx.editor.problems.render(days)}
        <div class="field-row">${time(index, 'opensAt', row.opensAt)} ${time(index, 'closesAt', row.closesAt)}</div>
        ${ctx.readOnly
          ? nothing
          : html`<button type="button" class="button secondary" @click=${() => update(index, null)}>
              ${t.t('workspace.scheduleRemove', { n: index + 1 })}
            </button>`}
      </fieldset>`;
    })}
    ${ctx.readOnly
      ? nothing
      : html`<button
          type="button"
          class="button secondary"
          @click=${() => ctx.editor.set('schedules', [...schedules, { byDay: [], opensAt: null, closesAt: null }])}
        >
          ${t.t('workspace.scheduleAdd')}
        </button>`}
  </fieldset>`;
}

export const serviceForm: RecordFormDefinition<EditableService> = {
  section: 'services',
  collection: 'services',
  fields: SERVICE_FIELDS,
  labels: labelsOf(SERVICE_FIELDS),
  defaults: { name: {}, status: 'active', genderRestriction: 'any', requiredIdentification: 'none', free: true, confidential: false },
  toDraft: (s) => ({ ...s, locationIds: s.locations.map((l) => l.id) }),
  title: (s, i18n) => i18n.text(s.name),
  valueLabel: codeLabel,
  inputSchemas: { create: serviceInput.ServiceCreate, update: serviceInput.ServiceUpdate },
  actions: ['confirm', 'archive', 'restore'],
  archived: (s) => Boolean(s.archivedAt),
  loadChoices: async (organizationId, i18n, signal) => ({ locationIds: await placeChoices(organizationId, i18n, signal) }),
  summary: (s, i18n) => verifiedLine(i18n, s.lastVerifiedAt),
  renderFields: (ctx, reference, choices) => {
    const t = ctx.i18n;
    const categories = (reference?.groups ?? []).map(
      (group) =>
        html`${choiceList(
          ctx,
          'categories',
          t.text(group.name),
          (reference?.categories ?? []).filter((c) => c.parent === group.code).map((c) => ({ value: c.code, label: t.text(c.name) })),
        )}`,
    );
    return html`${translatedField(ctx, 'name', t.t(label('name')), { required: true })}
      ${translatedField(ctx, 'description', t.t(label('description')), { multiline: true })}
      ${selectField(
        ctx,
        'status',
        t.t(label('status')),
        SERVICE_STATUSES.map((code) => ({ value: code, label: t.vocab('status', code) })),
      )}
      <h3>${t.t(label('categories'))}</h3>
      ${categories}
      ${choiceList(
        ctx,
        'populations',
        t.t(label('populations')),
        POPULATIONS.map((code) => ({ value: code, label: t.vocab('population', code) })),
      )}
      <div class="field-row">
        ${numberField(ctx, 'ageMin', t.t(label('ageMin')), { min: 0, max: 120 })}
        ${numberField(ctx, 'ageMax', t.t(label('ageMax')), { min: 0, max: 120 })}
        ${selectField(
          ctx,
          'genderRestriction',
          t.t(label('genderRestriction')),
          GENDER_RESTRICTIONS.map((code) => ({ value: code, label: t.t(`service.gender.${code}`) })),
        )}
      </div>
      ${selectField(
        ctx,
        'requiredIdentification',
        t.t(label('requiredIdentification')),
        REQUIRED_IDENTIFICATIONS.map((code) => ({ value: code, label: t.t(`service.requiredIdentification.${code}`) })),
      )}
      ${selectField(ctx, 'responseCommitment', t.t(label('responseCommitment')), [
        { value: '', label: t.t('service.responseCommitment.none') },
        ...RESPONSE_COMMITMENTS.map((code) => ({ value: code, label: t.t(`service.responseCommitment.${code}`) })),
      ])}
      ${choiceList(ctx, 'languages', t.t(label('languages')), languageChoices(t))}
      ${choiceList(ctx, 'governorates', t.t(label('governorates')), governorateChoices(t, reference))}
      ${translatedField(ctx, 'eligibility', t.t(label('eligibility')), { multiline: true })}
      ${translatedField(ctx, 'applicationProcess', t.t(label('applicationProcess')), { multiline: true })}
      ${checkField(ctx, 'free', t.t(label('free')))}
      ${translatedField(ctx, 'fees', t.t(label('fees')))}
      <div class="field-row">
        ${textField(ctx, 'url', t.t(label('url')), { type: 'url', dir: 'ltr' })}
        ${textField(ctx, 'email', t.t(label('email')), { type: 'email', dir: 'ltr' })}
      </div>
      ${phonesField(ctx, 'phones', t.t(label('phones')))} ${schedulesField(ctx)}
      ${choiceList(ctx, 'locationIds', t.t(label('locationIds')), choices.locationIds ?? [])}
      <p><a href="/workspace/locations/new">${t.t('workspace.locations.new')}</a></p>
      ${checkField(ctx, 'confidential', t.t(label('confidential')), t.t('workspace.confidentialHint'))}`;
  },
};

const LOCATION_FIELDS = ['name', 'description', 'address', 'lat', 'lng', 'confidential'] as const;

/** A place of the organisation, set on the map or by typing its coordinates. */
export const locationForm: RecordFormDefinition<EditableLocation> = {
  section: 'locations',
  collection: 'locations',
  fields: LOCATION_FIELDS,
  labels: labelsOf(LOCATION_FIELDS),
  defaults: { name: {}, address: { governorate: 'IQ-BG' }, confidential: false },
  toDraft: (l) => ({ ...l, address: { ...l.address, district: l.address.district ?? undefined } }),
  title: (l, i18n) => i18n.text(l.name),
  valueLabel: codeLabel,
  inputSchemas: { create: locationInput.LocationCreate, update: locationInput.LocationUpdate },
  actions: ['archive', 'restore'],
  archived: (l) => Boolean(l.archivedAt),
  renderFields: (ctx, reference) => {
    const t = ctx.i18n;
    const governorate = String(ctx.editor.value('address.governorate') ?? '');
    const coordinate = (value: unknown) => (typeof value === 'number' ? value : null);
    return html`${translatedField(ctx, 'name', t.t(label('name')), { required: true })}
      ${translatedField(ctx, 'description', t.t(label('description')), { multiline: true })}
      <fieldset>
        <legend>${t.t(label('address'))}</legend>
        ${selectField(ctx, 'address.governorate', t.t(label('governorate')), governorateChoices(t, reference))}
        ${textField(ctx, 'address.district', t.t(label('district')))}
        ${translatedField(ctx, 'address.city', t.t(label('city')))}
        ${translatedField(ctx, 'address.street', t.t(label('street')))}
      </fieldset>
      <ct-location-picker
        .lat=${coordinate(ctx.editor.value('lat'))}
        .lng=${coordinate(ctx.editor.value('lng'))}
        .governorate=${governorate}
        ?disabled=${ctx.readOnly}
        @location-changed=${(e: CustomEvent<PickedLocation>) => {
          ctx.editor.set('lat', e.detail.lat);
          ctx.editor.set('lng', e.detail.lng);
        }}
      ></ct-location-picker>
      <div class="field-row">
        ${numberField(ctx, 'lat', t.t(label('lat')), { min: -90, max: 90, step: 'any' })}
        ${numberField(ctx, 'lng', t.t(label('lng')), { min: -180, max: 180, step: 'any' })}
      </div>
      ${checkField(ctx, 'confidential', t.t(label('confidential')), t.t('workspace.confidentialHint'))}`;
  },
};

const CONTACT_FIELDS = ['name', 'title', 'serviceId', 'department', 'email', 'phones', 'languages', 'referralFocalPoint'] as const;

export const contactForm: RecordFormDefinition<EditableContact> = {
  section: 'contacts',
  collection: 'contacts',
  fields: CONTACT_FIELDS,
  labels: labelsOf(CONTACT_FIELDS),
  defaults: { name: '', referralFocalPoint: false },
  toDraft: (c) => ({ ...c }),
  title: (c) => c.name,
  valueLabel: codeLabel,
  inputSchemas: { create: ContactCreate, update: ContactUpdate },
  actions: ['archive', 'restore'],
  archived: (c) => Boolean(c.archivedAt),
  loadChoices: async (organizationId, i18n, signal) => ({
    serviceId: [
      { value: '', label: i18n.t('workspace.wholeOrganization') },
      ...(await getOrganization(organizationId, signal)).services.map((s) => ({ value: s.id, label: i18n.text(s.name) })),
    ],
  }),
  renderFields: (ctx, _reference, choices) => {
    const t = ctx.i18n;
    return html`${textField(ctx, 'name', t.t(label('name')), { required: true })}
      ${translatedField(ctx, 'title', t.t(label('title')))}
      ${selectField(ctx, 'serviceId', t.t(label('serviceId')), choices.serviceId ?? [])}
      ${textField(ctx, 'department', t.t(label('department')))}
      ${textField(ctx, 'email', t.t(label('email')), { type: 'email', dir: 'ltr' })}
      ${phonesField(ctx, 'phones', t.t(label('phones')))}
      ${choiceList(ctx, 'languages', t.t(label('languages')), languageChoices(t))}
      ${checkField(ctx, 'referralFocalPoint', t.t(label('referralFocalPoint')), t.t('workspace.focalPointHint'))}`;
  },
};

const ACTIVITY_FIELDS = ['title', 'kind', 'topic', 'governorates', 'districts', 'startDate', 'endDate', 'audience', 'reached', 'partners'] as const;

/** People reached by sex and age band: four counts edited together. */
function reachField(ctx: FormContext) {
  const t = ctx.i18n;
  const reached = (ctx.editor.value('reached') as Record<string, number> | undefined) ?? {};
  return html`<fieldset class="reach">
    <legend>${t.t(label('reached'))}</legend>
    <div class="field-row">
      ${REACH_GROUPS.map(
        (group) => html`<div class="field">
          <label for="reach-${group}">${t.vocab('population', group)}</label>
          <input
            id="reach-${group}"
            type="number"
            inputmode="numeric"
            min="0"
            .value=${String(reached[group] ?? 0)}
            ?disabled=${ctx.readOnly}
            aria-invalid=${ctx.editor.problems.invalid(`reached.${group}`)}
            @input=${(e: Event) =>
              ctx.editor.set('reached', { ...reached, [group]: Number((e.target as HTMLInputElement).value || 0) })}
          />
          ${ctx.editor.problems.render(`reached.${group}`)}
        </div>`,
      )}
    </div>
  </fieldset>`;
}

/** Partner organisations, found by name; the draft keeps their names to show them, the API takes their ids. */
function partnersField(ctx: FormContext, organizationId: string) {
  const t = ctx.i18n;
  const partners = (ctx.editor.value('partners') as OrganizationName[] | undefined) ?? [];
  return html`<fieldset>
    <legend>${t.t(label('partners'))}</legend>
    ${partners.length
      ? html`<ul class="chosen">
          ${partners.map(
            (p) => html`<li>
              <span dir="auto">${t.text(p.name)}</span>
              ${ctx.readOnly
                ? nothing
                : html`<button
                    type="button"
                    class="button secondary"
                    @click=${() => ctx.editor.set('partners', partners.filter((x) => x.id !== p.id))}
                  >
                    ${t.t('workspace.partnerRemove', { name: t.text(p.name) })}
                  </button>`}
            </li>`,
          )}
        </ul>`
      : html`<p class="muted">${t.t('workspace.none')}</p>`}
    ${ctx.readOnly
      ? nothing
      : html`<ct-organization-search
          .label=${t.t('workspace.partnerAdd')}
          .excluded=${[organizationId, ...partners.map((p) => p.id)]}
          .error=${ctx.editor.problems.message('partners') ?? ''}
          @organization-chosen=${(e: CustomEvent<OrganizationName>) =>
            ctx.editor.set('partners', [...partners, { id: e.detail.id, name: e.detail.name }])}
        ></ct-organization-search>`}
  </fieldset>`;
}

export const activityForm: RecordFormDefinition<ActivityView> = {
  section: 'activities',
  collection: 'activities',
  fields: ACTIVITY_FIELDS,
  labels: labelsOf(ACTIVITY_FIELDS),
  defaults: { title: {}, kind: 'awareness-session', governorates: [], audience: [], reached: { women: 0, men: 0, girls: 0, boys: 0 }, partners: [] },
  toBody: (changes) =>
    changes.partners ? { ...changes, partners: (changes.partners as OrganizationName[]).map((p) => p.id) } : changes,
  toDraft: (a) => {
    const { women, men, girls, boys } = a.reached;
    return { ...a, reached: { women, men, girls, boys } };
  },
  title: (a, i18n) => i18n.text(a.title),
  valueLabel: codeLabel,
  inputSchemas: { create: activityInput.ActivityCreateSchema, update: activityInput.ActivityPatchSchema },
  // Activities can be archived but not restored (the API has no restore for them).
  actions: ['archive'],
  archived: (a) => a.archivedAt !== null,
  summary: (a, i18n) =>
    a.sample ? html`<p class="badge">${i18n.t('workspace.sampleRecord')}</p>` : nothing,
  renderFields: (ctx, reference, _choices, organizationId) => {
    const t = ctx.i18n;
    const districts = (ctx.editor.value('districts') as string[] | undefined) ?? [];
    return html`${translatedField(ctx, 'title', t.t(label('title')), { required: true })}
      <div class="field-row">
        ${selectField(
          ctx,
          'kind',
          t.t(label('kind')),
          ACTIVITY_KINDS.map((code) => ({ value: code, label: t.t(`workspace.kind.${code}`) })),
        )}
        ${textField(ctx, 'topic', t.t(label('topic')))}
      </div>
      ${choiceList(ctx, 'governorates', t.t(label('governorates')), governorateChoices(t, reference))}
      <div class="field">
        <label for="field-districts">${t.t(label('districts'))}</label>
        <input
          id="field-districts"
          aria-describedby="districts-hint"
          .value=${districts.join(', ')}
          ?disabled=${ctx.readOnly}
          @change=${(e: Event) =>
            ctx.editor.set(
              'districts',
              (e.target as HTMLInputElement).value
                .split(/[,،]/)
                .map((d) => d.trim())
                .filter(Boolean),
            )}
        />
        <p class="hint" id="districts-hint">${t.t('workspace.districtsHint')}</p>
        ${ctx.editor.problems.render('districts')}
      </div>
      <div class="field-row">
        ${textField(ctx, 'startDate', t.t(label('startDate')), { type: 'date', required: true })}
        ${textField(ctx, 'endDate', t.t(label('endDate')), { type: 'date' })}
      </div>
      ${choiceList(
        ctx,
        'audience',
        t.t(label('audience')),
        AUDIENCES.map((code) => ({ value: code, label: t.t(`workspace.audience.${code}`) })),
      )}
      ${reachField(ctx)} ${partnersField(ctx, organizationId)}`;
  },
};
