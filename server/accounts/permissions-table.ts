import { ACTIONS, PERMISSION_RULES, PERMISSIONS, ROLES } from './permissions.js';

const mark = (cell: { own: boolean; other: boolean }) => (cell.other ? 'any' : cell.own ? 'own' : '—');

/** The permission matrix as a Markdown document: one row per action, one column per role. */
export function permissionsMarkdown(): string {
  const header = `| Action | ${ROLES.join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':---:').join('|')}|`;
  const rows = ACTIONS.map((action) => `| \`${action}\` | ${ROLES.map((role) => mark(PERMISSIONS[role][action])).join(' | ')} |`);
  return [
    '# Permission matrix',
    '',
    'Generated from `server/accounts/permissions.ts` by `npm run docs:permissions`; a test fails when this file',
    'is out of date. **any** — on every organisation\'s records; **own** — on the records of the user\'s own',
    'organisation only; **—** — not allowed. Anonymous visitors only read the public directory.',
    '',
    header,
    rule,
    ...rows,
    '',
    '## Rules beyond the table',
    '',
    ...PERMISSION_RULES.map((rule) => `- ${rule}`),
    '',
  ].join('\n');
}
