import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createElectronFake());
vi.mock('electron', () => fake.module);

const { menuTemplate } = await import('../../electron/main/menu');

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [item.label ?? '', ...labels((item.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]).filter(Boolean);
}

function menu(label: string, template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.find((item) => item.label === label)!.submenu as MenuItemConstructorOptions[];
}

describe('the application menu', () => {
  it('is in Chinese with 文件, 编辑, 视图 and 帮助', () => {
    const template = menuTemplate({ isPackaged: true, platform: 'linux', version: '1.2.3' });
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(menu('编辑', template))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(labels(menu('文件', template))).toEqual(['退出']);
    for (const label of labels(template)) expect(label).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) => menu('视图', menuTemplate({ isPackaged, platform: 'linux', version: '1' })).map((i) => i.role);
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('shows the version under 帮助 → 关于', async () => {
    const about = menu('帮助', menuTemplate({ isPackaged: true, platform: 'linux', version: '1.2.3' }))[0]!;
    expect(about.label).toBe('关于');
    (about.click as () => void)();
    const showMessageBox = (fake.module.dialog as { showMessageBox: ReturnType<typeof vi.fn> }).showMessageBox;
    expect(showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: '关于', detail: expect.stringContaining('1.2.3') }));
  });

  it('puts the application menu first on macOS', () => {
    const template = menuTemplate({ isPackaged: true, platform: 'darwin', version: '1' });
    expect(template[0]!.label).toBe('联盟协同工作台');
    expect(template.slice(1).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });
});
