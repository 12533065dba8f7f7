/**
 * Navigates with a full page load, not the client router: after signing in or out the
 * server must render with the new cookie, and no page rendered for the old one may stay
 * in the router cache.
 */
export function fullPageLoad(path: string) {
  window.location.assign(path);
}
