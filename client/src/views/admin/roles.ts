import type { Role } from '../../../../server/contract/accounts/permission-matrix.js';
import type { I18nController } from '../../i18n/i18n.js';

export function roleLabel(i18n: I18nController, role: Role): string {
  return i18n.t(`admin.role.${role}`);
}
