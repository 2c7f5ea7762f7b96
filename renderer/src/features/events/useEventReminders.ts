import { App as AntApp } from 'antd';
import { useEffect, useRef } from 'react';
import type { EventReminder } from '../../../../shared/domain/event';
import { useApp } from '../../app/AppContext';

const STORAGE_KEY = 'alliance.eventReminders.shown';
const POLL_MS = 60_000;
const KEEP = 500;

function shownKeys(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

function remember(keys: string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(keys.slice(-KEEP)));
  } catch {
    // storage full or disabled: the reminder may show again, nothing worse
  }
}

/**
 * Polls events.reminders every minute and shows each reminder once (its key is remembered in
 * localStorage): a desktop notification when the permission is granted, else an in-app one.
 * `onOpen` opens the event (clicking the notification).
 */
export function useEventReminders(onOpen: (eventId: string) => void, title: string, openText: string): void {
  const { api } = useApp();
  const { notification } = AntApp.useApp();
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  useEffect(() => {
    let live = true;
    const show = (r: EventReminder) => {
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const n = new Notification(title, { body: r.message, tag: r.key });
        n.onclick = () => {
          window.focus();
          openRef.current(r.eventId);
        };
        return;
      }
      notification.info({
        key: r.key,
        title,
        description: r.message,
        duration: 0,
        // Bottom left: it stays until read, and on the right it would lie over dialogs' buttons and drawers.
        placement: 'bottomLeft',
        onClick: () => {
          notification.destroy(r.key);
          openRef.current(r.eventId);
        },
        style: { cursor: 'pointer' },
        props: { 'data-testid': 'event-reminder', title: openText } as Record<string, string>,
      });
    };
    const poll = async () => {
      try {
        const reminders = await api.call('events.reminders');
        if (!live) return;
        const seen = shownKeys();
        const fresh = reminders.filter((r) => !seen.includes(r.key));
        if (fresh.length === 0) return;
        remember([...seen, ...fresh.map((r) => r.key)]);
        fresh.forEach(show);
      } catch {
        // reminders are a convenience: a failed poll is retried in a minute
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, notification, title, openText]);
}
