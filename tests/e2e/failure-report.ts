import type { Page, Request } from 'playwright-core';
import type { AsyncDispatch } from '../../electron/core/dispatcher';

/**
 * What a failed end-to-end test leaves in the log (CI keeps only the log): the test's
 * error (with Playwright's call log: what it waited for), the page's accessibility tree — what
 * the failed locator searched —, its errors, its last contract calls, and a `FAILED-…`
 * screenshot. A retried test's first error is otherwise never printed.
 */
export async function reportFailure(app: { page: Page; errors: string[]; screenshot(name: string): Promise<void> }, testName: string, failure: string) {
  const name = `FAILED-${testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}`;
  const snapshot = await app.page
    .locator('body')
    .ariaSnapshot({ timeout: 5_000 })
    .then((tree) => tree.split('\n').slice(0, 400).join('\n'))
    .catch((e: Error) => `(no snapshot: ${e.message})`);
  await app.screenshot(name).catch(() => {});
  const calls = logs.get(app.page)?.report() ?? '(none)';
  console.error(`[e2e] ${testName}: ${failure}\npage at failure (${app.page.url()}), errors ${JSON.stringify(app.errors)}\nlast contract calls:\n${calls}\n${snapshot}`);
}

const logs = new WeakMap<Page, ApiCallLog>();

/**
 * A page's contract calls as the browser saw them (sent → answered) and as the host ran
 * them, so a slow answer shows whether the core or the way to it was slow.
 */
export class ApiCallLog {
  private readonly started = performance.now();
  private readonly lines: string[] = [];
  private readonly waiting = new Map<Request, number>();

  /** The host's dispatch, timed. */
  timed(dispatch: AsyncDispatch): AsyncDispatch {
    return async (channel, input) => {
      const t = performance.now();
      const result = await dispatch(channel, input);
      this.add(t, `host    ${channel} ran ${Math.round(performance.now() - t)} ms (${result.ok ? 'ok' : result.error.code})`);
      return result;
    };
  }

  /** Follows the page's calls to the host. */
  watch(page: Page): void {
    logs.set(page, this);
    page.on('request', (r) => {
      if (r.url().includes('/api/')) this.waiting.set(r, performance.now());
    });
    page.on('requestfinished', (r) => this.settle(r, 'answered'));
    page.on('requestfailed', (r) => this.settle(r, 'failed'));
  }

  report(): string {
    const pending = [...this.waiting].map(([r, t]) => `${this.at(t)} browser ${channelOf(r)} still waiting`);
    return [...this.lines.slice(-20), ...pending].join('\n');
  }

  private settle(r: Request, how: string): void {
    const t = this.waiting.get(r);
    if (t === undefined) return;
    this.waiting.delete(r);
    this.add(t, `browser ${channelOf(r)} ${how} after ${Math.round(performance.now() - t)} ms`);
  }

  private at(t: number): string {
    return `+${((t - this.started) / 1000).toFixed(1)} s`;
  }

  private add(t: number, line: string): void {
    this.lines.push(`${this.at(t)} ${line}`);
    if (this.lines.length > 100) this.lines.shift();
  }
}

function channelOf(r: Request): string {
  return decodeURIComponent(new URL(r.url()).pathname.replace(/^.*\/api\//, ''));
}
