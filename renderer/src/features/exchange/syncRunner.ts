import { useSyncExternalStore } from 'react';
import type { SyncSummary } from '../../../../shared/domain/exchange';
import type { ApiClient } from '../../api/client';

/**
 * 立即同步 and 自动同步, one runner for the whole renderer: a sync started by the button and
 * one started by the timer never overlap, and the last outcome stays for the card to show
 * after the settings page was left and opened again. The timer lives here (not in the card),
 * so once switched on it keeps running while the app is open, whatever page is shown.
 */

export type SyncOutcome = { at: string; auto: boolean } & ({ ok: true; summary: SyncSummary } | { ok: false; error: unknown });

export interface AutoSyncSettings {
  enabled: boolean;
  minutes: number;
}

export interface SyncState {
  syncing: boolean;
  last: SyncOutcome | null;
  auto: AutoSyncSettings;
}

export const AUTO_MINUTES = { min: 1, max: 240, initial: 10 } as const;
const STORAGE_KEY = 'alliance.exchange.autoSync';

let state: SyncState = { syncing: false, last: null, auto: readAuto() };
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let timerApi: ApiClient | null = null;
let timerMinutes = 0;
/** Called after a sync that brought something in (the card reloads its lists). */
const afterSync = new Set<(outcome: SyncOutcome) => void>();

function set(next: Partial<SyncState>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

function readAuto(): AutoSyncSettings {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<AutoSyncSettings> | null;
    const minutes = Number(raw?.minutes);
    return { enabled: raw?.enabled === true, minutes: Number.isInteger(minutes) && minutes >= AUTO_MINUTES.min && minutes <= AUTO_MINUTES.max ? minutes : AUTO_MINUTES.initial };
  } catch {
    return { enabled: false, minutes: AUTO_MINUTES.initial };
  }
}

/** Runs one sync unless one is running (then answers null). Never throws: the outcome says. */
export async function runSync(api: ApiClient, auto = false): Promise<SyncOutcome | null> {
  if (state.syncing) return null;
  set({ syncing: true });
  let outcome: SyncOutcome;
  try {
    outcome = { at: new Date().toISOString(), auto, ok: true, summary: await api.call('exchange.sync') };
  } catch (error) {
    outcome = { at: new Date().toISOString(), auto, ok: false, error };
  }
  set({ syncing: false, last: outcome });
  for (const f of afterSync) f(outcome);
  return outcome;
}

/** Starts (or stops) the timer as the saved settings say; called when the card mounts and when they change. */
export function applyAutoSync(api: ApiClient, next: AutoSyncSettings = state.auto): void {
  if (next !== state.auto) {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // private mode: the switch holds until the window closes
    }
    set({ auto: next });
  }
  if (timer && timerApi === api && next.enabled && timerMinutes === next.minutes) return;
  if (timer) clearInterval(timer);
  timer = null;
  timerApi = null;
  if (!next.enabled) return;
  timerApi = api;
  timerMinutes = next.minutes;
  timer = setInterval(() => void runSync(api, true), next.minutes * 60_000);
}

export function onSynced(f: (outcome: SyncOutcome) => void): () => void {
  afterSync.add(f);
  return () => afterSync.delete(f);
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useSyncState(): SyncState {
  return useSyncExternalStore(subscribe, () => state);
}
