/** CLI option problems shared by several commands (twin of ../en/cli-options.ts). */
import type { enCliOptions } from '../en/cli-options';

export const zhCNCliOptions: { readonly [K in keyof typeof enCliOptions]: string } = {
  'problem.CLI_BAD_NUMBER': '{option} 的值“{text}”不是 {min} 到 {max} 之间的整数。',
  'problem.CLI_BAD_NUMBER.next': '请为 {option} 指定 {min} 到 {max} 之间的整数。',
  'problem.CLI_BAD_DURATION': '{option} 的值“{text}”不是 {min} 毫秒到 {max} 毫秒之间的时长。',
  'problem.CLI_BAD_DURATION.next': '请为 {option} 指定整数毫秒数，例如 60ms（或秒数，例如 2s）。',
  'problem.CLI_BAD_RATE': '{option} 的值“{text}”不是每秒 {min} 到 {max} 个请求之间的速率。',
  'problem.CLI_BAD_RATE.next': '请为 {option} 指定每秒请求数（整数），例如 20/s。',
  'problem.TITLE_DIFFERS_FROM_BUNDLE':
    '导入参数包中本次仪式的标题为“{bundle}”，但 --title 给出的是“{given}”：同一仪式的两份回执将出现不同的标题。',
  'problem.TITLE_DIFFERS_FROM_BUNDLE.next':
    '请省略 --title（将使用参数包中的标题），或给出与参数包完全相同的标题；如需更改标题，请在在线工作站上重新开始仪式。',
  'problem.PLAN_INVALID': '仪式计划无效：{issues}。',
  'problem.PLAN_INVALID.next':
    '请按所指字段后给出的格式更正计划文件中的该字段；keyferry online create-key --example-plan 会打印一份有效的计划供参考，--help 列出每个字段。',
};
