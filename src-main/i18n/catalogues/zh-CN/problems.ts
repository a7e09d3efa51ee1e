/** Problems: `problem.CODE` (what went wrong) and `problem.CODE.next` (what to do next). */
import type { enProblems } from '../en/problems';

export const zhCNProblems: { readonly [K in keyof typeof enProblems]: string } = {
  'problem.INTERNAL': '意外故障：{detail}',
  'problem.INTERNAL.next': '没有任何步骤被标记为已完成。请重试该步骤；如果再次失败，请保留日志并报告。',
  'problem.UI_UNAVAILABLE': '{action}无法连接 Keyferry 主进程。',
  'problem.UI_UNAVAILABLE.next': '请重新启动 Keyferry；没有任何步骤被标记为已完成。',
  'problem.CLI_UNKNOWN_LANGUAGE': 'Keyferry 不支持语言“{lang}”。',
  'problem.CLI_UNKNOWN_LANGUAGE.next': '请使用 --lang en 或 --lang zh-CN。',
  'problem.WRAPPING_KEY_WEAK':
    '包装密钥（指纹 {fingerprint}…）{weakness, select, size {为 RSA-{bits}；包装密钥必须是 RSA-2048、RSA-3072 或 RSA-4096} exponentSmall {的公钥指数为 {exponent}；小于 3 时 RSA 根本不加密（为 1 时任何人都能读出包装后的文件）} exponentEven {的公钥指数为偶数（{exponent}），这不是 RSA 加密} exponentLarge {的公钥指数不小于 {exponent}；最大允许 2^256} modulusEven {的模数为偶数，任何人都能分解} modulusSmallFactor {的模数能被 {divisor} 整除，任何人都能分解} modulusSquare {的模数是完全平方数，任何人都能分解} other {的模数的两个素数过于接近，任何人都能分解}}。未用它包装任何内容。',
  'problem.WRAPPING_KEY_WEAK.next':
    'KMS 从不签发这样的密钥：请将其来源的介质或连接视为已被篡改，告知仪式管理员，并在联网工作站上重新获取导入参数。',
  'problem.IDENTIFIER_INVALID':
    '{kind, select, ceremonyId {仪式 ID} keyId {密钥 ID} projectId {项目 ID} region {区域} other {别名}}“{value}”（来自{sourcePhrase}）无效：{kind, select, ceremonyId {仪式 ID 为 1-64 个字母、数字、点、下划线或连字符，以字母或数字开头} keyId {KMS 密钥 ID 为 36 个字符，由小写字母和数字按 8-4-4-4-12 分组并以连字符连接} projectId {项目 ID 为 32 位小写十六进制数字} region {区域为 cn-north-4 或 ap-southeast-1 这样的 ID} other {别名为 1-255 个 a-z A-Z 0-9 : / _ - 字符}}。',
  'problem.IDENTIFIER_INVALID.next':
    '{kind, select, projectId {请从控制台（我的凭证 → API 凭证 → 项目列表）复制该区域的项目 ID} region {请按控制台显示的区域 ID 填写} other {请按控制台或回执上显示的内容准确复制}}，然后重新执行该步骤。',
};
