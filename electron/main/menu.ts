import { dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { WINDOW_TITLE } from './window';

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  version: string;
}

/**
 * A small Chinese menu. Roles keep the standard shortcuts (and make copy/paste work at all
 * on macOS); labels are set explicitly so they do not follow the OS language. Developer
 * tools are offered only in development.
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: '关于', click: () => showAbout(options.version) };
  const view: MenuItemConstructorOptions[] = [
    { label: '重新加载', role: 'reload' },
    ...(options.isPackaged ? [] : [{ label: '开发者工具', role: 'toggleDevTools' } as MenuItemConstructorOptions]),
    { type: 'separator' },
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ label: '退出', role: 'quit' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [about] },
  ];
  // macOS puts the application's own menu first, whatever its label says.
  if (options.platform === 'darwin') {
    template.unshift({ label: WINDOW_TITLE, submenu: [about, { type: 'separator' }, { label: '退出', role: 'quit' }] });
  }
  return template;
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}

function showAbout(version: string): void {
  void dialog.showMessageBox({
    type: 'info',
    title: '关于',
    message: WINDOW_TITLE,
    detail: `版本 ${version}\n东北地区国家高新区联盟`,
    buttons: ['确定'],
  });
}

