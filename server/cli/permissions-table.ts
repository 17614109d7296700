/** `npm run docs:permissions`: writes server/accounts/PERMISSIONS.md from the permission matrix in code. */
import { writeFileSync } from 'node:fs';
import { permissionsMarkdown } from '../accounts/permissions-table.js';
import { fromRepoRoot } from '../platform/paths.js';

const file = fromRepoRoot('server', 'accounts', 'PERMISSIONS.md');
writeFileSync(file, permissionsMarkdown());
console.log(`Wrote ${file}`);
