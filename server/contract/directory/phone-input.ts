import { z } from 'zod';

/** Phone numbers as the API takes them; free of server runtime code, so the web app checks forms with it. */

export const PHONE_TYPES = ['voice', 'mobile', 'whatsapp', 'hotline', 'fax', 'text'] as const;

/** Arabic-Indic and Persian digits as typed on Arabic and Kurdish keyboards, read as 0–9. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const westernDigit = (d: string) => String((d.codePointAt(0)! - 0x0660) % 0x90);

/**
 * The national significant numbers of Iraq's numbering plan (country code +964, ITU-T E.164; plan of
 * the Communications and Media Commission of Iraq as listed in ITU-T Operational Bulletin "Iraq (country
 * code +964)" and summarised at https://en.wikipedia.org/wiki/Telephone_numbers_in_Iraq):
 * - mobile: 7 and nine digits (07XX XXX XXXX dialled at home: 75 Korek, 77 Asiacell, 78/79 Zain);
 * - landline, Baghdad: area code 1 and seven digits (01 XXX XXXX);
 * - landline elsewhere: a two-digit area code (Basra 40, Mosul 60, Kirkuk 50, Sulaymaniyah 53,
 *   Duhok 62, Erbil 66, …) and six or seven digits.
 */
const IRAQI_NATIONAL = /^(7[3-9]\d{8}|1\d{7}|[2-6]\d{7,8})$/;
/** Short codes dialled as they are (hotlines such as 104 police, 122 emergency, 533 anti-trafficking). */
const SHORT_CODE = /^[1-9]\d{2,3}$/;

/**
 * An Iraqi number in E.164 (`+9647701234567`), from the international form (`+964 770 123 4567`,
 * `00964…`, with or without the trunk 0 after the country code) or the local one (`0770 123 4567`);
 * short codes stay as dialled. Undefined when it is not an Iraqi number.
 */
export function normaliseIraqiPhone(input: string): string | undefined {
  const compact = input.replace(EASTERN_DIGITS, westernDigit).replace(/[\s().\-\u200e\u200f]/g, '');
  if (SHORT_CODE.test(compact)) return compact;
  const national = /^(?:\+|00)964(?:0)?(\d+)$/.exec(compact)?.[1] ?? /^0(\d+)$/.exec(compact)?.[1];
  return national && IRAQI_NATIONAL.test(national) ? `+964${national}` : undefined;
}

/**
 * A stored number grouped for reading, as dialled from abroad: `+964 770 123 4567`, `+964 1 234 5678`,
 * `+964 66 222 1234`; a short code, or a number stored before the rule, stays as it is.
 */
export function phoneForReading(number: string): string {
  const groups = /^\+964(?:(7\d\d)|(1)|([2-6]\d))(\d{3})(\d{3,4})$/.exec(number);
  return groups ? ['+964', ...groups.slice(1).filter(Boolean)].join(' ') : number;
}

export const PhoneSchema = z.strictObject({
  number: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const number = normaliseIraqiPhone(value);
      if (number) return number;
      ctx.addIssue({ code: 'custom', message: 'iraqiPhone' });
      return z.NEVER;
    }),
  type: z.enum(PHONE_TYPES).default('voice'),
  description: z.string().trim().max(200).optional(),
});
export type Phone = z.infer<typeof PhoneSchema>;
