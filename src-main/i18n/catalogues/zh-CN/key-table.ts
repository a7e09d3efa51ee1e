/** 联网屏幕上本次仪式的密钥表（screens/online/CeremonyKeys.tsx）。 */
import type { enKeyTable } from '../en/key-table';

export const zhCNKeyTable: { readonly [K in keyof typeof enKeyTable]: string } = {
  'ckeys.title': '本次仪式的密钥',
  'ckeys.total': '{count, plural, other {# 个密钥}}',
  'ckeys.by-spec': '按规格：',
  'ckeys.by-state': '日志记录：',
  'ckeys.by-kms-state':
    '{times, select, none {在 KMS 中（尚未读取）：} one {在 KMS 中（读取于 {first}）：} other {在 KMS 中（最近一次读取，{first} 至 {last} 之间）：}}',
  'ckeys.col.kms-state': '在 KMS 中',
  'ckeys.col.journal': '日志记录',
  'ckeys.kms-state': '{read, select, yes {{state}，读取于 {at}} other {未读取}}',
  'ckeys.kms-states.hint':
    '密钥在 KMS 中的状态是本应用最近一次从 KMS 读取的状态（列出密钥、读取密钥状态、校验），读取时间见上一行（单个状态的读取时间：将指针移到该状态上）；导入或删除之后，在再次读取之前显示为“未读取”。“日志记录”是本次仪式日志所记录的内容。',
  'ckeys.state':
    '{state, select, created {已创建} issued {已下发导入参数} unanswered {已发送导入，应答未记录} unproven {导入得到错误应答，是否生效未证实} imported {已导入} verified {已验证} lapsed {密钥材料已到期} other {{state}}}',
  'ckeys.filter': '筛选密钥',
  'ckeys.filter.hint': '别名、密钥 ID、规格或状态的一部分；本屏幕上的所有密钥列表都按此筛选。',
  'ckeys.shown': '显示 {shown} 个，共 {count, plural, other {# 个密钥}}。',
  'ckeys.col.progress': '进度',
  'ckeys.phase':
    '{stage, select, create_keys {创建} fetch_parameters {获取导入参数} import {导入} verify {验证} other {{stage}}}：{phase, select, started {进行中} done {完成} failed {失败} unrecorded {已在 KMS 中完成，未记入日志} other {{phase}}}',
  'ckeys.in-flight': '{count, plural, =0 {没有进行中的密钥。} other {# 个密钥进行中：}}',
  'ckeys.col.place': '区域 / 项目',
  'ckeys.col.group': '副本组',
  'ckeys.groups': '{count, plural, other {# 个副本组}}',
  'ckeys.group.primary':
    '主密钥，{count, plural, other {# 个副本}}：{proof, select, public_key_equal {已证明：每个副本的公钥相同} kcv_of_wrapped_material {已证明：为每个副本包装的密钥材料的密钥校验值（KCV）相同} other {尚未证明密钥材料相同}}',
  'ckeys.group.replica': '{alias} 的副本',
  'ckeys.created': '已创建 {count, plural, other {# 个外部密钥}}：见“本次仪式的密钥”。',
  'params.col.fingerprint': '包装密钥指纹（SHA-256）',
  'params.col.token': '令牌有效期至',
  'journal.filter': '筛选条目（事件、执行人、数据：例如密钥 ID）',
  'ckeys.shown-entries': '显示 {shown} 条，共 {count, plural, other {# 条}}。',
};
