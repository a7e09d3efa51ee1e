/** Problems: `problem.CODE` (what went wrong) and `problem.CODE.next` (what to do next). */
import type { enProblems } from '../en/problems';

export const zhCNProblems: { readonly [K in keyof typeof enProblems]: string } = {
  'problem.INTERNAL': '意外故障：{detail}',
  'problem.INTERNAL.next': '没有任何步骤被标记为已完成。请重试该步骤；如果再次失败，请保留日志并报告。',
  'problem.UI_UNAVAILABLE': '{action}无法连接 Keyferry 主进程。',
  'problem.UI_UNAVAILABLE.next': '请重新启动 Keyferry；没有任何步骤被标记为已完成。',
  'problem.CLI_UNKNOWN_LANGUAGE': 'Keyferry 不支持语言“{lang}”。',
  'problem.CLI_UNKNOWN_LANGUAGE.next': '请使用 --lang en 或 --lang zh-CN。',
  'problem.IDENTIFIER_INVALID':
    '来自 {source} 的{kind, select, ceremonyId {仪式 ID} keyId {密钥 ID} projectId {项目 ID} region {区域} other {别名}}“{value}”无效：{kind, select, ceremonyId {仪式 ID 为 1-64 个字母、数字、点、下划线或连字符，以字母或数字开头} keyId {KMS 密钥 ID 为 36 个字符，由小写字母和数字按 8-4-4-4-12 分组并以连字符连接} projectId {项目 ID 为 32 位小写十六进制数字} region {区域为 cn-north-4 或 ap-southeast-1 这样的 ID} other {别名为 1-255 个 a-z A-Z 0-9 : / _ - 字符}}。',
  'problem.IDENTIFIER_INVALID.next':
    '{kind, select, projectId {请从控制台（我的凭证 → API 凭证 → 项目列表）复制该区域的项目 ID} region {请按控制台显示的区域 ID 填写} other {请按控制台或回执上显示的内容准确复制}}，然后重新执行该步骤。',
};
