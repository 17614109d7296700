/** The one-time token of a mail link (`#token=…`): in the fragment, so it never reached the server's logs. */
export function tokenFromLocation(): string {
  return new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
}
