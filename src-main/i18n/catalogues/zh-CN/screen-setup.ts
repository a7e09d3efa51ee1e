/** SetupScreen：仪式名称、人员、文件夹、纸张与回执语言。 */
import type { enScreenSetup } from '../en/screen-setup';

export const zhCNScreenSetup: { readonly [K in keyof typeof enScreenSetup]: string } = {
  'setup.paperSize.label': '回执纸张',
  'setup.paperSize.hint': '回执和托管凭条以此纸张尺寸保存为 PDF，并记入日志。',
  'setup.paperSize.A4': 'A4（210 × 297 毫米）',
  'setup.paperSize.Letter': '美国 Letter（8.5 × 11 英寸）',
  'setup.receiptLanguage.label': '回执语言',
  'setup.receiptLanguage.hint':
    '回执和托管凭条以此语言打印，中文字符使用随文档嵌入的字体，并记入日志。如不选择：继续使用的日志沿用其记录的语言，新日志使用本应用的界面语言。',
  'setup.receiptLanguage.inUse': '{journal}（已开始）：其回执和托管凭条以此语言打印：{language}。',
  'setup.receiptLanguage.en': 'English（英文）',
  'setup.receiptLanguage.zh-CN': '简体中文',
  'setup.receiptLanguage.both': '中英文并排（English | 简体中文）',
  'setup.rehearsal-title': '演练仪式',
  'setup.heading': '仪式设置',
  'setup.lead': '填写仪式名称和在场人员。这些信息会写入日志并印在每张回执上。',
  'setup.title': '仪式名称',
  'setup.operator': '操作员',
  'setup.operator.hint': '操作 Keyferry 的人员。',
  'setup.witnesses': '见证人',
  'setup.witnesses.hint': '每位见证人以本人姓名输入从联网工作站朗读的包摘要。操作员不能担任见证人。',
  'setup.witness': '见证人 {n}',
  'setup.remove-witness': '移除见证人 {n}',
  'setup.add-witness': '添加见证人',
  'setup.folder': '仪式文件夹',
  'setup.folder.hint-rehearsal': '演练时可不填：留空时 Keyferry 会新建一个临时文件夹。',
  'setup.folder.hint': '本次仪式的日志和回执保存在此处。选择之前某天的文件夹可继续那次仪式。',
  'setup.materialExpiry': 'AES 密钥的密钥材料到期时间',
  'setup.materialExpiry.hint':
    '每个 AES 密钥导入的密钥材料何时到期（密钥在创建步骤或计划文件中有自己的到期时间时除外）：never、从创建密钥时起算的时长（如 90d），或带时区的日期时间（如 2027-06-30T00:00:00Z），与计划文件的 materialExpiry 相同。联网端连接时记入日志。导入的 RSA 和 EC 密钥材料永不过期。',
  'setup.save-and-continue': '保存并继续',
} as const;
