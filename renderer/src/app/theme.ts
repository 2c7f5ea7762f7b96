import type { ThemeConfig } from 'antd';

/** Government-office blue; CJK fonts first so Chinese renders the same on Windows, UOS and Kylin. */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    borderRadius: 6,
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", -apple-system, "Segoe UI", Roboto, sans-serif',
  },
};
