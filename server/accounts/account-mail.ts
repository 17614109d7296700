/** The web app's account pages that mail links open (client route /account/<section>). */
export type AccountLinkSection = 'accept-invitation' | 'reset-password';

/** Links carry the token in the fragment: it never reaches a server log or a Referer header. */
export const linkWithToken = (publicUrl: string, section: AccountLinkSection, token: string) => `${publicUrl}/account/${section}#token=${token}`;
