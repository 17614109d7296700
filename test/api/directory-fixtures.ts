import type { Express } from 'express';
import type { SignedIn } from '../support/auth.js';
import { createTestUser, signedInAgent } from '../support/auth.js';

/** Writes through the API as a signed-in user and returns the created record. */
export async function post<T = Record<string, unknown>>(who: SignedIn, path: string, body: unknown, expected = 201, ifMatch?: number): Promise<T> {
  const req = who.agent.post(`/api/v1${path}`).set('X-CSRF-Token', who.csrf);
  if (ifMatch !== undefined) req.set('If-Match', `"${ifMatch}"`);
  const res = await req.send(body as object);
  if (res.status !== expected) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export interface Created {
  id: string;
  version: number;
}

/** The secret of the confidential service: none of these strings may appear in a public response. */
export const SECRET = {
  street: '17 Jasmine Garden Lane',
  name: 'Jasmine Safe House',
  nameAr: 'بيت الياسمين الآمن',
  lat: 36.2311,
  lng: 43.9876,
};

/**
 * A small directory, built through the API as a platform admin:
 * A (local NGO, accepts referrals, Baghdad): S1 Emergency Shelter for Women (Baghdad, confirmed),
 *   S3 confidential safe accommodation at the Erbil safe house, S6 an inactive shelter programme;
 * B (international NGO, Basrah): S2 Legal Aid Clinic (Basrah), S5 hotline (service area by P-code, no location);
 * C (government, Sulaymaniyah): S4 Child Protection Unit at a location that is itself confidential.
 */
export async function buildDirectory(app: Express) {
  const admin = await signedInAgent(app, { role: 'platform-admin' });
  const orgA = await post<Created>(admin, '/organizations', {
    name: { en: 'Hope Shelter Network', ar: 'شبكة مأوى الأمل' },
    type: 'local-ngo',
    acceptsReferrals: true,
    governorates: ['IQ-BG', 'IQ-AR'],
    languages: ['ar', 'en'],
  });
  const orgB = await post<Created>(admin, '/organizations', {
    name: { en: 'Legal Aid Iraq', ar: 'المساعدة القانونية في العراق' },
    type: 'international-ngo',
    acceptsReferrals: false,
    governorates: ['IQ-BA'],
  });
  const orgC = await post<Created>(admin, '/organizations', {
    name: { en: 'Kurdistan Protection Office', ckb: 'نووسینگەی پاراستنی کوردستان' },
    type: 'government',
    acceptsReferrals: true,
    governorates: ['IQ-SU'],
  });
  // A and C accept referrals on the platform only with someone there to receive them.
  await createTestUser({ role: 'caseworker', organizationId: orgA.id });
  await createTestUser({ role: 'gov-liaison', organizationId: orgC.id });

  const baghdad = await post<Created>(admin, '/locations', {
    organizationId: orgA.id,
    name: { en: 'Karrada centre' },
    address: { street: { en: 'Karrada Street 5' }, city: { en: 'Baghdad' }, governorate: 'IQ-BG' },
    lat: 33.3152,
    lng: 44.3661,
  });
  const basrah = await post<Created>(admin, '/locations', {
    organizationId: orgB.id,
    name: { en: 'Basrah office' },
    address: { city: { en: 'Basrah' }, governorate: 'IQG02' },
    lat: 30.5085,
    lng: 47.7804,
  });
  // Not flagged itself: it is secret because a confidential service uses it.
  const safeHouse = await post<Created>(admin, '/locations', {
    organizationId: orgA.id,
    name: { en: SECRET.name, ar: SECRET.nameAr },
    address: { street: { en: SECRET.street }, city: { en: 'Erbil' }, district: 'Ainkawa', governorate: 'IQ-AR' },
    lat: SECRET.lat,
    lng: SECRET.lng,
  });
  const flagged = await post<Created>(admin, '/locations', {
    organizationId: orgC.id,
    name: { en: 'Sarchinar protection house' },
    address: { street: { en: '9 Sarchinar Road' }, governorate: 'IQ-SU' },
    lat: 35.5811,
    lng: 45.3905,
    confidential: true,
  });

  const s1 = await post<Created>(admin, '/services', {
    organizationId: orgA.id,
    name: { en: 'Emergency Shelter for Women', ar: 'مأوى طوارئ للنساء' },
    description: { en: 'Short-term accommodation and meals.' },
    categories: ['shelter'],
    populations: ['women', 'trafficking-survivors'],
    languages: ['ar', 'en'],
    locationIds: [baghdad.id],
  });
  const s2 = await post<Created>(admin, '/services', {
    organizationId: orgB.id,
    name: { en: 'Legal Aid Clinic', ar: 'عيادة المساعدة القانونية' },
    description: { en: 'Free legal representation; also arranges shelter referrals.' },
    categories: ['legal-aid'],
    populations: ['migrants'],
    languages: ['en', 'ar'],
    locationIds: [basrah.id],
  });
  const s3 = await post<Created>(admin, '/services', {
    organizationId: orgA.id,
    name: { en: 'Safe accommodation', ar: 'الإيواء الآمن' },
    description: { en: 'Protected accommodation for survivors.' },
    categories: ['shelter'],
    populations: ['trafficking-survivors'],
    languages: ['ar', 'ckb'],
    locationIds: [safeHouse.id],
    confidential: true,
  });
  const s4 = await post<Created>(admin, '/services', {
    organizationId: orgC.id,
    name: { en: 'Child Protection Unit', ar: 'وحدة حماية الطفل', ckb: 'یەکەی پاراستنی منداڵ' },
    description: { ckb: 'پەناگە بۆ منداڵانی بێ سەرپەرشت' },
    categories: ['child-protection'],
    populations: ['girls', 'boys'],
    languages: ['ckb', 'ar'],
    locationIds: [flagged.id],
  });
  const s5 = await post<Created>(admin, '/services', {
    organizationId: orgB.id,
    name: { en: 'Trafficking hotline', ar: 'الخط الساخن لمكافحة الاتجار' },
    categories: ['hotlines'],
    populations: ['trafficking-survivors', 'migrants'],
    languages: ['ar', 'en', 'bn'],
    governorates: ['IQG02'],
  });
  const s6 = await post<Created>(admin, '/services', {
    organizationId: orgA.id,
    name: { en: 'Shelter aftercare programme' },
    categories: ['shelter'],
    governorates: ['IQ-BG'],
    status: 'inactive',
  });
  await post(admin, `/services/${s1.id}/confirm`, {}, 200);

  return {
    admin,
    orgs: { A: orgA, B: orgB, C: orgC },
    locations: { baghdad, basrah, safeHouse, flagged },
    services: { s1, s2, s3, s4, s5, s6 },
  };
}
export type Directory = Awaited<ReturnType<typeof buildDirectory>>;
