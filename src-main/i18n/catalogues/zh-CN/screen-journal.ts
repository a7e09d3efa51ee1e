/** JournalScreen：日志查看器。 */
import type { enScreenJournal } from '../en/screen-journal';

export const zhCNScreenJournal: { readonly [K in keyof typeof enScreenJournal]: string } = {
  'journal.heading': '仪式日志',
  'journal.which': '选择日志',
  'journal.label': '{side, select, online {联网侧日志} air_gapped {离线侧日志} other {托管恢复日志}}',
  'journal.read-again': '重新读取日志',
  'journal.none': '尚未写入{side, select, online {联网侧} custody_restore {托管恢复} other {离线侧}}日志。',
  'journal.verifies': '{count, plural, other {共 # 条记录的}}哈希链校验通过。',
  'journal.broken': '日志校验未通过。',
  'journal.file': '文件',
  'journal.head': '链头哈希（与回执核对）：',
  'journal.head-label': '日志链头哈希',
  'journal.caption': '记录（最早的在前）',
  'journal.col.time': '时间',
  'journal.col.who': '执行人',
  'journal.col.event': '事件',
  'journal.col.data': '数据',
  'journal.reason': '原因：',
  'journal.recorded': '日志记录的原文：“{text}”',
  'journal.shortened': '（文件中共 {count} 个字符）',
} as const;
