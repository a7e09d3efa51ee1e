/** 仪式计划：各字段的格式与字段错误（../en/plan.ts 的中文版）。字段路径、别名和计划中的值原样显示。 */
import type { enPlan } from '../en/plan';

export const zhCNPlan: { readonly [K in keyof typeof enPlan]: string } = {
  'plan.field-shape':
    '{field, select, title {文字，1-200 个字符："Payments keys 2026"} operator {操作员姓名，1-100 个字符} witnesses {1-20 个姓名的列表，彼此不同且不同于操作员：["Ben", "Chloé"]} wrappingAlgorithm {"RSAES_OAEP_SHA_256"（默认）或 "RSAES_OAEP_SHA_1"} materialExpiry {"never"（默认）、从创建密钥起算的时长 "90d"（d、h、m、s："36h"、"1d12h"），或将来某个带时区的日期时间 "2030-01-31T00:00:00Z"；仅用于 AES 密钥} keys {1-{max} 个密钥的列表，每个都有 "alias" 和 "spec"，可选 "usage"、"description" 和 "replicas"} keys_alias {密钥别名，1-255 个 a-z A-Z 0-9 : / _ - 字符，每个别名只出现一次} keys_spec {取其一：{specsList}} keys_usage {"ENCRYPT_DECRYPT" 或 "SIGN_VERIFY"（仅 RSA 密钥可选；默认：AES 用于加密，EC 和 RSA 用于签名）} keys_description {文字，最多 255 个字符（可选）} keys_materialExpiry {此 AES 密钥自身的密钥材料到期时间，格式同 "materialExpiry"（可选；默认：计划的 "materialExpiry"）；不用于 RSA 或 EC 密钥，其导入的密钥材料永不过期} keys_replicas {同一密钥材料的位置，最多 {maxReplicas} 个，每个都有 "region"（"cn-east-3"）和 "projectId"（32 位十六进制数字），且不同于本仪式自身的连接（可选）} keys_replicas_region {区域：用短横线连接的小写字母单词，以数字结尾，例如 "cn-east-3" 或 "ap-southeast-1"} keys_replicas_projectId {该区域的项目 ID，32 位小写十六进制数字} other {{field}}}',
  'plan.issue': '{field}：{problemPhrase}',
  'plan.issue.shaped': '{field}：{problemPhrase}（应为：{shapePhrase}）',
  'plan.issue.whole': '计划：{problemPhrase}',
  'plan.problem.unknown-fields': '未知字段 {fieldsList}（共 {count} 个；可用字段为 {allowedList}）',
  'plan.problem.wrong-type':
    '应为{expected, select, array {列表} object {对象} string {文字} number {数字} boolean {true 或 false} other {{expected}}}，实际为{found, select, array {列表} object {对象} string {文字} number {数字} boolean {true 或 false} null {null} missing {空（缺少该字段）} other {{found}}}',
  'plan.problem.too-small':
    '{origin, select, string {至少 {minimum} 个字符} array {至少 {minimum} 项} other {至少为 {minimum}}}',
  'plan.problem.too-big':
    '{origin, select, string {最多 {maximum} 个字符} array {最多 {maximum} 项} other {最多为 {maximum}}}',
  'plan.problem.not-allowed': '不是允许的值之一',
  'plan.problem.bad-form': '格式不符合要求',
  'plan.problem.control-characters': '姓名不能包含控制字符或不可见字符',
  'plan.problem.alias-twice': '别名“{alias}”出现了两次',
  'plan.problem.replica-twice': '位于 {region}/{projectId} 的副本出现了两次',
  'plan.problem.usage-fixed': '{spec} 密钥只能用于 {usage}',
  'plan.problem.too-many-keys': '密钥及其副本共 {count} 个，超过上限 {max}',
  'plan.problem.expiry-asymmetric':
    '导入的 {spec} 密钥材料永不过期（KMS 规则）：请删去此密钥的 "materialExpiry"；它只用于 AES 密钥',
  'plan.problem.same-person': '操作员和每位见证人必须是不同的人',
  'plan.problem.invalid': '无效',
} as const;
