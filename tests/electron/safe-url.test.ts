import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../shared/safe-url';

/** Everything a page (or a compromised renderer) might try to hand to the OS browser. */
const HOSTILE: Array<[string, unknown]> = [
  ['a javascript: URL', 'javascript:alert(1)'],
  ['an upper-case JAVASCRIPT: URL', 'JAVASCRIPT:alert(1)'],
  ['a javascript: URL hidden behind a tab', 'java\tscript:alert(1)'],
  ['a local file', 'file:///etc/passwd'],
  ['a file URL to a network share', 'file://server/share/payload.exe'],
  ['a Windows UNC path', '\\\\server\\share\\payload.exe'],
  ['a UNC path with forward slashes', '//server/share/payload.exe'],
  ['plain http', 'http://www.most.gov.cn/'],
  ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
  ['a vbscript: URL', 'vbscript:msgbox(1)'],
  ['credentials in the URL', 'https://user:pass@example.cn/'],
  ['a user name only', 'https://user@example.cn/'],
  ['a backslash that browsers read as a path separator', 'https://evil.com\\@good.com'],
  ['a leading space', ' https://example.cn/'],
  ['a trailing space', 'https://example.cn/ '],
  ['a newline inside', 'https://example.cn/\nSet-Cookie:x'],
  ['a trailing newline', 'https://example.cn/\n'],
  ['a NUL byte', 'https://example.cn/\u0000'],
  ['a punycode look-alike host', 'https://xn--80ak6aa92e.com/'],
  ['a punycode label further down', 'https://login.xn--80ak6aa92e.com/'],
  ['a Unicode (IDN) host', 'https://аррӏе.com/'],
  ['a scheme with nothing after it', 'https://'],
  ['a host without a dot', 'https://localhost/'],
  ['an empty string', ''],
  ['a relative path', '/settings'],
  ['a custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
  ['a URL of 3000 characters', `https://example.cn/${'a'.repeat(3000)}`],
  ['null', null],
  ['undefined', undefined],
  ['a number', 42],
  ['an object', {}],
  ['an object that stringifies to a safe URL', { toString: () => 'https://example.cn/' }],
  ['an array holding a safe URL', ['https://example.cn/']],
];

describe('isSafeExternalUrl', () => {
  it.each(HOSTILE)('refuses %s', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each([['https://www.most.gov.cn/'], ['https://example.cn/path?q=1'], ['https://example.cn/path#section'], ['HTTPS://EXAMPLE.CN/']])(
    'accepts the plain https link %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );
});
