import type { ThemeConfig } from 'antd';

/**
 * Government-office blue; CJK fonts first so Chinese renders the same on Windows, UOS and Kylin.
 * Ant Design's animations are off when the system asks for reduced motion (Windows: 设置 →
 * 辅助功能 → 动画效果).
 */
export function appTheme({ reducedMotion }: { reducedMotion: boolean }): ThemeConfig {
  return {
    token: {
      colorPrimary: '#1f5fbf',
      borderRadius: 6,
      motion: !reducedMotion,
      fontFamily:
        '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", -apple-system, "Segoe UI", Roboto, sans-serif',
    },
  };
}

/**
 * Read once, when the app starts — not followed live: turning Ant Design's motion off inserts
 * a provider above the whole app, which remounts it, and a clerk would lose the page and any
 * half-filled form. A changed setting applies from the next start.
 */
export const START_THEME = appTheme({ reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches });
