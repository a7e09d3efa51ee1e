/** Problems: `problem.CODE` (what went wrong) and `problem.CODE.next` (what to do next). */
import type { enProblems } from '../en/problems';

export const zhCNProblems: { readonly [K in keyof typeof enProblems]: string } = {
  'problem.INTERNAL': '意外故障：{detail}',
  'problem.INTERNAL.next': '没有任何步骤被标记为已完成。请重试该步骤；如果再次失败，请保留日志并报告。',
  'problem.UI_UNAVAILABLE': '{action}无法连接 Keyferry 主进程。',
  'problem.UI_UNAVAILABLE.next': '请重新启动 Keyferry；没有任何步骤被标记为已完成。',
  'problem.CLI_UNKNOWN_LANGUAGE': 'Keyferry 不支持语言“{lang}”。',
  'problem.CLI_UNKNOWN_LANGUAGE.next': '请使用 --lang en 或 --lang zh-CN。',
};
