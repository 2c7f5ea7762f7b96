const STORAGE_KEY = 'alliance.token';

/**
 * Browser mode: the host prints a URL with `#token=…`. Keep the token for this tab only
 * and remove it from the address bar, so it is not bookmarked or shown on a projector.
 */
export function takeAccessToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(STORAGE_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(STORAGE_KEY);
}
