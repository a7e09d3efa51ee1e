/** The desktop app's screens (and the language names). */
import type { enScreens } from '../en/screens';

export const zhCNScreens: { readonly [K in keyof typeof enScreens]: string } = {
  'language.en': 'English',
  'language.zh-CN': '简体中文',
  'language.label': '语言',
  'activity.running': '{action}…',
  'activity.progress': '{action}：{done}/{total}',
  'activity.failed': '{action}未成功。',
  'activity.nextStep': '下一步：',
  'activity.code': '错误码 {code}',
  'activity.dismiss': '关闭',
  'activity.done': '{action}：已完成。',
  'setup.paperSize.label': '回执纸张',
  'setup.paperSize.hint': '回执和托管单以此纸张尺寸保存为 PDF，并记入日志。',
  'setup.paperSize.A4': 'A4（210 × 297 毫米）',
  'setup.paperSize.Letter': '美国 Letter（8.5 × 11 英寸）',
};
