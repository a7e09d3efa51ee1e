/**
 * 简体中文. Follow docs/i18n-glossary.md for every term (密钥材料, 包装密钥, 导入令牌 …).
 * Keep every placeholder exactly as in en.ts; hex, ids, codes and file names are values.
 */
import type { Catalogue } from '../catalogue';

export const zhCN: Catalogue = {
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

  'problem.INTERNAL': '意外故障：{detail}',
  'problem.INTERNAL.next': '没有任何步骤被标记为已完成。请重试该步骤；如果再次失败，请保留日志并报告。',
  'problem.UI_UNAVAILABLE': '{action}无法连接 Keyferry 主进程。',
  'problem.UI_UNAVAILABLE.next': '请重新启动 Keyferry；没有任何步骤被标记为已完成。',

  'problem.CLI_UNKNOWN_LANGUAGE': 'Keyferry 不支持语言“{lang}”。',
  'problem.CLI_UNKNOWN_LANGUAGE.next': '请使用 --lang en 或 --lang zh-CN。',

  'progress.generate-key': '正在生成 {spec} 密钥（第 {n} 个，共 {total} 个）',
  'progress.generated': '已生成 {count} 个密钥',
  'progress.wrap-key': '正在包装密钥（第 {n} 个，共 {total} 个）',
  'progress.wrapped': '已包装 {count} 个密钥',
  'progress.write-wrapped-bundle': '正在将已包装密钥材料包写入 {dir}',
  'progress.wrapped-bundle-written': '已包装密钥材料包已写入并校验',
  'progress.split-key': '正在将第 {n} 个密钥（共 {total} 个）拆分为 {shares} 份',
  'progress.shares-written': '托管份额已写入',
  'progress.create-key': '正在创建 {spec} 密钥 {alias}',
  'progress.fetch-parameters': '正在获取 {alias} 的导入参数',
  'progress.write-parameters-bundle': '正在将导入参数包写入 {dir}',
  'progress.parameters-bundle-written': '导入参数包已写入并校验',
  'progress.import-key': '正在导入 {spec} 密钥 {alias}',
  'progress.verify-key': '正在校验 {spec} 密钥 {alias}',
};
