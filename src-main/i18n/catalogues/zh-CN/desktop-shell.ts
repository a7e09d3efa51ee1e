/** 桌面外壳自身的文字（按官员在开始屏幕选择的语言）：窗口标题、“关于”面板、无法启动时的对话框，以及日志查看器中关于主进程内容的说明。 */
import type { enDesktopShell } from '../en/desktop-shell';

export const zhCNDesktopShell: { readonly [K in keyof typeof enDesktopShell]: string } = {
  'window.title':
    '{mode, select, none {Keyferry — 密钥仪式} rehearsal {Keyferry — 演练} online {Keyferry — 联网工作站} other {Keyferry — 离线工作站}}',
  'about.version': '{version}（构建 {build}）',
  'about.copyright': '版权所有 © 2026 {author}。依据 {licence} 授权；许可证全文见应用程序资源旁的 LICENSE.txt。',
  'about.credits':
    '跨物理隔离将自带密钥（BYOK）导入云 KMS（华为云 KMS）的密钥仪式，有见证人、日志和打印的回执。\n{homepage}',
  'startup.debugging.title': 'Keyferry 不会带调试开关启动',
  'startup.debugging.message': '启动时带有 {switchesList}，这会让其他程序读取其内存。\n\n请不带这些开关启动 Keyferry。',
  'startup.failed.title': 'Keyferry 无法启动',
  'startup.quit': '退出',
} as const;
