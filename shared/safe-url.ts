/**
 * Whether a URL may be handed to the operating system's browser. Only plain `https:` URLs
 * with a normal host pass: no `javascript:`, `file:`, UNC paths, credentials in the URL or
 * hosts with control or look-alike characters.
 */
export function isSafeExternalUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  if (raw !== raw.trim() || /[\s\u0000-\u001f\u007f\\]/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (!raw.toLowerCase().startsWith('https://')) return false;
  // ASCII hostnames only (IDN arrives punycoded as xn--, which is refused as a look-alike risk).
  if (!/^[a-z0-9.-]+$/.test(url.hostname) || url.hostname.split('.').some((l) => l.startsWith('xn--'))) return false;
  if (!url.hostname.includes('.') || url.hostname.startsWith('.') || url.hostname.endsWith('.')) return false;
  return true;
}
