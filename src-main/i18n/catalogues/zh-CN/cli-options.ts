/** CLI option problems shared by several commands (twin of ../en/cli-options.ts). */
import type { enCliOptions } from '../en/cli-options';

export const zhCNCliOptions: { readonly [K in keyof typeof enCliOptions]: string } = {
  'problem.CLI_BAD_NUMBER': '{option} 的值“{text}”不是 {min} 到 {max} 之间的整数。',
  'problem.CLI_BAD_NUMBER.next': '请为 {option} 指定 {min} 到 {max} 之间的整数。',
};
