/** RestoreScreen：托管恢复仪式。 */
import type { enScreenRestore } from '../en/screen-restore';

export const zhCNScreenRestore: { readonly [K in keyof typeof enScreenRestore]: string } = {
  'restore.source.file': '份额文件',
  'restore.source.typed': '从打印凭条输入的各行',
  'restore.shares.title': '保管人出示各自的份额',
  'restore.shares.intro':
    '每位保管人交出其份额文件，或朗读其打印凭条上的各行以便输入。每个份额都会立即检查；被拒绝的份额会被清除。',
  'restore.presented-by': '出示人',
  'restore.presented-by.hint': '交出份额的人（保管人本人或其代理人）。',
  'restore.several-shares-reason': '为何一人出示多份份额',
  'restore.several-shares-reason.hint':
    '除非事先同意，否则请留空：M-of-N 托管要求每份份额由不同的人出示，同一人出示第二份会被拒绝。填写原因即可放行；该原因会作为覆盖记入日志并印在回执上。',
  'restore.source': '份额的形式',
  'restore.share-file': '份额文件',
  'restore.slip-lines': '凭条各行',
  'restore.slip-lines.hint': '凭条上的每一行，连同各自的校验组，按打印内容输入。',
  'restore.present': '出示此份额',
  'restore.presented':
    '第 {index} 份（共 {total} 份，任意 {threshold} 份可重建），发给 {custodian}，由 {presentedBy} 出示（{source, select, file {文件} other {手动输入}}），校验和',
  'restore.rebuild.title': '重建并验证密钥材料',
  'restore.rebuild.button': '重建密钥材料',
  'restore.rebuilt-keys':
    '已由第 {shares} 份（{total} 份中任意 {threshold} 份）重建 {count} 个密钥；每个均已与为其记录的校验值核对：',
  'restore.rebuilt-keys.label': '已重建的密钥及其校验值',
  'restore.col.check': '校验值',
  'restore.check-of': '{keyId} 的{kind, select, kcv {密钥校验值} other {公钥 SHA-256}}',
  'restore.replica-of':
    '其主密钥 {replicaOf} 的密钥材料（副本持有其主密钥的密钥材料；托管集将该材料及其校验值记录在主密钥名下）。',
  'restore.fingerprint.title': '每位见证人输入新的包摘要',
  'restore.fingerprint.intro':
    '联网工作站一侧的人员朗读新导入参数包的摘要；每位见证人亲自按听到的内容输入。在每位见证人都确认之前，任何保管人都不交出份额。',
  'restore.wrap.button': '包装重建的密钥材料',
  'restore.wrapped': '已包装；加密后的密钥材料 SHA-256',
  'restore.expiry': '包中请求的密钥材料到期时间',
  'restore.folder': '存放恢复后包的移动存储介质文件夹',
  'restore.folder.hint': '会在其中新建 wrapped-material-…-restored 文件夹。',
  'restore.digest': '恢复后的已包装密钥材料包摘要',
  'restore.heading': '托管恢复仪式',
  'restore.lead':
    '适用于已导入的 AES 密钥材料已到期的密钥：联网工作站为其获取新的导入参数；在此处用保管人的份额重建相同的密钥材料，并针对这些参数进行包装。',
  'restore.another': '开始另一次恢复：检查网络',
  'restore.abandon': '放弃本次恢复仪式',
  'restore.parameters.title': '读取新的导入参数',
  'restore.parameters.folder': '新的导入参数包文件夹',
  'restore.parameters.keys': '；{count, plural, other {密钥}}',
  'restore.receipt.title': '写入恢复回执',
  'restore.expiry.had':
    '此材料导入时设有到期时间（{at, date, utc}）：请选择恢复后的包所请求的到期时间；系统不会替您选择。',
  'restore.backup': '托管备份',
  'restore.backup.intro':
    '托管集的份额需要本仪式的备份：份额文件会带上其旁边的备份副本；若只有纸质件，请输入或粘贴打印的备份（或其二维码扫描出的文本）。',
  'restore.backup.source': '备份的形式',
  'restore.backup.source.file': '介质上的备份文件',
  'restore.backup.source.typed': '从打印件输入或粘贴',
  'restore.backup.file': '备份文件',
  'restore.backup.typed': '备份文本',
  'restore.backup.typed.hint': '从 KEYFERRY BACKUP 行到最后一个编号行，按打印内容；空格和大小写无关紧要。',
  'restore.backup.present': '出示备份',
  'restore.backup.presented':
    '已出示仪式 {ceremonyId} 的备份（{keys, plural, other {# 份材料}}，{source, select, typed {输入} other {来自文件}}），摘要 {digest}',
} as const;
