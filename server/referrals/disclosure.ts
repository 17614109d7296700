/**
 * The small-count rule, one for every referral aggregate read beyond the viewer's own organisation
 * (referral stats, coverage referral rows, the network): no figure may single out a referral.
 * - A count of 1 to 4 is withheld: `null`, and the object holding it says `fewerThanFive: true`.
 * - Within a breakdown whose cells add up to a total anyone can read or work out, either no cell is
 *   withheld or at least two whose sum is 5 or more, so subtraction never recovers one.
 * - Counts are taken over whole, completed calendar months (UTC), so no choice of period narrows to a day.
 * See PERMISSIONS.md ("Referral figures cannot single anyone out").
 */
export const SMALL_COUNT = 5;

export const isSmall = (count: number) => count > 0 && count < SMALL_COUNT;

/** A count as shown: withheld counts are null. */
export const shown = (count: number): number | null => (isSmall(count) ? null : count);

/**
 * The cells of one breakdown with the small ones withheld and, while the withheld ones are one alone
 * or add up to less than 5, the next smallest non-zero cell withheld too. Zeros stay shown: a withheld
 * cell is then known to be at least 1, which the rule already allows for.
 */
export function suppressCells(counts: readonly number[]): (number | null)[] {
  const withheld = new Set(counts.flatMap((c, i) => (isSmall(c) ? [i] : [])));
  if (withheld.size === 0) return [...counts];
  const sum = () => [...withheld].reduce((s, i) => s + counts[i]!, 0);
  const candidates = counts
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => c > 0 && !withheld.has(i))
    .sort((a, b) => a.c - b.c);
  while ((withheld.size < 2 || sum() < SMALL_COUNT) && candidates.length) withheld.add(candidates.shift()!.i);
  return counts.map((c, i) => (withheld.has(i) ? null : c));
}

/** `suppressCells` on rows with a `count`, each row marked with `fewerThanFive`. */
export function suppressRows<T extends { count: number }>(rows: readonly T[]): (Omit<T, 'count'> & { count: number | null; fewerThanFive: boolean })[] {
  const counts = suppressCells(rows.map((r) => r.count));
  return rows.map((r, i) => ({ ...r, count: counts[i]!, fewerThanFive: counts[i] === null }));
}

/** A median (or any figure drawn from individual referrals) only over 5 or more of them. */
export const medianOver = (values: number, median: number | null): number | null => (values < SMALL_COUNT ? null : median);

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const nextMonthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));

/**
 * The period widened to whole calendar months and cut at the start of the current one (`to` is
 * exclusive): any two answers then differ by whole completed months, so no choice of periods singles
 * out a day.
 */
export function aggregatedPeriod(period: { from?: Date; to?: Date }, now = new Date()): { from: Date | null; to: Date } {
  const from = period.from ? monthStart(period.from) : null;
  const end = period.to ? (monthStart(period.to).getTime() === period.to.getTime() ? period.to : nextMonthStart(period.to)) : now;
  const to = new Date(Math.min(end.getTime(), monthStart(now).getTime()));
  return { from: from && from > to ? to : from, to };
}
