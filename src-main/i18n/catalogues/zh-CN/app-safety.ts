/** 让预检成为任何路径都无法跳过的步骤的核心防护，以及应用中的预检步骤、可能丢失的确认和离开仪式。 */
import type { enAppSafety } from '../en/app-safety';

const preflightedStep =
  '{step, select, generate {生成密钥材料} load {加载密钥材料} hsm {使用 HSM} restore {用份额重建密钥材料} split {为保管拆分密钥材料} bundle {写出已包装密钥材料包} other {写出回执}}';
const folderRole = '{role, select, bundle {已包装密钥材料包} receipt {回执} other {保管人}}';

export const zhCNAppSafety: { readonly [K in keyof typeof enAppSafety]: string } = {
  'problem.PREFLIGHT_REQUIRED': `现在还不能${preflightedStep}：本次会话要写入的文件夹（已包装密钥材料包、回执、保管人）尚未通过预检。未生成或写出任何内容。`,
  'problem.PREFLIGHT_REQUIRED.next':
    '请先执行预检步骤（应用中：“检查文件夹”；命令行中每个包装和恢复命令都会执行预检），然后再执行此步骤。',
  'problem.PREFLIGHT_FOLDER_DIFFERS': `${folderRole}的文件夹是 {folder}，但预检检查的是 {checked}。未写出任何内容。`,
  'problem.PREFLIGHT_FOLDER_DIFFERS.next': '请写入预检检查过的文件夹，或在任何密钥材料存在之前为新文件夹重新执行预检。',
  'problem.PREFLIGHT_EXPIRY_DIFFERS':
    '已包装密钥材料包将请求密钥材料到期时间 {given}，但预检计划的是 {planned}（任何丢失确认也是针对它作出的）。未写出任何内容。',
  'problem.PREFLIGHT_EXPIRY_DIFFERS.next':
    '请按预检步骤中选择的到期时间写出材料包。如需更改，请重新开始离线端：新的会话，新的预检。',
  'problem.MATERIAL_NO_BACKUP_UNACKNOWLEDGED':
    '{count, plural, other {# 个密钥}}的 AES 密钥材料将于 {expiresAt, date, moment} 在 KMS 中过期，且没有保管副本：此后将永远无法再次导入，该密钥下的所有密文都将无法解密。未生成任何内容。',
  'problem.MATERIAL_NO_BACKUP_UNACKNOWLEDGED.next':
    '{surface, select, app {在预检步骤中：计划保管份额，或将密钥材料到期时间选为“永不过期”，或勾选对此损失的确认（“我已了解：这些密钥材料没有保存在任何地方……”；将记入日志并打印在回执上），然后再次点击“检查文件夹”。} other {在预检步骤中：计划保管份额，或将密钥材料到期时间选为“永不过期”，或勾选对此损失的确认（将记入日志并打印在回执上）；命令行中：--custody、--expires never 或 --no-backup。}}',
  'problem.CUSTODY_NOT_PREFLIGHTED':
    '保管拆分指定了 {given, plural, other {# 个文件夹}}，但预检检查了 {planned, plural, =0 {0 个保管人文件夹} other {# 个保管人文件夹}}。未写出任何份额。',
  'problem.CUSTODY_NOT_PREFLIGHTED.next':
    '保管须在任何密钥材料存在之前计划：请重新开始离线端，并在预检步骤中给出保管人文件夹。',
  'problem.CUSTODY_PLANNED_NOT_SPLIT':
    '预检为 {custodians} 位保管人计划了保管份额，但密钥材料尚未拆分：包装会擦除密钥材料，届时将没有任何副本。未包装任何内容。',
  'problem.CUSTODY_PLANNED_NOT_SPLIT.next': '请先为保管拆分密钥材料（“保管”页面），然后再包装。',
  'problem.CEREMONY_NOTHING_TO_LEAVE': '这一端没有持有密钥材料的仪式步骤，也没有正在进行的步骤。',
  'problem.CEREMONY_NOTHING_TO_LEAVE.next': '无需放弃任何内容；请继续。',
  'problem.CUSTODY_SAME_VOLUME_REFUSED': '只有在演练中才接受将保管份额放在同一个卷上。',
  'problem.CUSTODY_SAME_VOLUME_REFUSED.next': '请为每位保管人指定位于其各自介质上的文件夹。',
  'problem.CUSTODY_NOT_PLANNED': '预检步骤中没有计划保管拆分，因此没有可拆分的内容。未写出任何份额。',
  'problem.CUSTODY_NOT_PLANNED.next': '保管须在任何密钥材料存在之前计划：请重新开始离线端，并在预检步骤中计划保管人。',
  'preflight.title': '在任何密钥材料存在之前检查文件夹',
  'preflight.expiry-overridden':
    '仪式计划（导入参数包中所载）为 {count} 个密钥要求{kind, select, never {不设到期时间（永不过期）} other {到期时间 {planned}}}：所选到期时间覆盖了计划（已记入日志，两份回执都会列出）。',
  'preflight.intro':
    '在本仪式要写入的每个位置都通过检查之前，不会生成任何内容：移动存储介质上已包装密钥材料包的新文件夹、仪式文件夹中的回执，以及（如有保管）每位保管人的文件夹。每个文件夹都必须是新的或空的、能真正完成一次测试写入并有足够空间；每位保管人各用自己的卷，且都不在移动存储介质上。',
  'preflight.custody': '保留密钥材料的保管份额（N 位保管人中的 M 位）',
  'preflight.custody.hint': '份额在密钥材料生成之后、包装之前写出（“保管”页面）；其文件夹现在就会检查。',
  'preflight.no-backup.title': '这些 AES 密钥材料将不存在任何副本',
  'preflight.no-backup.consequence':
    '{count, plural, other {# 个密钥}}的 AES 密钥材料将于 {expiresAt} 在 KMS 中过期，且没有计划保管份额。此后将永远无法再次导入，{count, plural, other {这些密钥}}下的所有密文都将永远无法解密。',
  'preflight.no-backup.acknowledge':
    '我已了解：这些密钥材料没有保存在任何地方，{expiresAt} 之后将永远丢失（将记入日志并打印在回执上）',
  'preflight.button': '检查文件夹',
  'preflight.passed': '预检已通过。本仪式只会写入以下位置：',
  'preflight.bundle': '已包装密钥材料包（新文件夹）：',
  'preflight.receipt': '回执文件夹：',
  'preflight.custodian': '保管人 {n}：',
  'preflight.expiry-plan': '材料包中请求的密钥材料到期时间：按仪式计划，每个密钥各自的到期时间。',
  'preflight.expiry-never': '材料包中请求的密钥材料到期时间：永不过期。',
  'preflight.expiry-at': '材料包中请求的密钥材料到期时间：{at}。',
  'preflight.acknowledged':
    '已确认（已记入日志，并打印在回执上）：{count, plural, other {# 个密钥}}的 AES 密钥材料不存在任何副本。',
  'preflight.earlier.title':
    '此日志已完成本仪式的 {count, plural, other {# 次包装}}：再次包装会在其之外生成新的密钥材料，除非它使用已存在的密钥材料（HSM 令牌中已有的密钥，或密钥材料文件）',
  'preflight.earlier.bundle': '第 {session} 次会话：已包装密钥材料包',
  'preflight.earlier.digest': '包摘要',
  'preflight.earlier.tokens':
    '{tokens, select, live {导入令牌有效至 {until}（除非其密钥已持有密钥材料）；} expired {导入令牌已于 {until} 过期；} other {导入令牌由控制台保管（按可导入计）；}}',
  'preflight.earlier.custody': '托管集由 {custodians} 保管。',
  'preflight.earlier.hsm-custody': '托管副本：生成其密钥材料的 HSM 令牌对象（请保留）。',
  'preflight.earlier.no-custody': '无托管集。',
  'preflight.earlier.importable':
    '上面有包仍可导入，而联网侧只能导入其中一个。仅当该包不会被导入时（其介质丢失或损坏，或不得使用）才再次包装，并说明原因：原因将记入日志并列在回执上。',
  'preflight.earlier.expired': '这些包均已无法再导入（导入令牌已过期）：本次包装无需说明原因。将记入日志并列在回执上。',
  'preflight.earlier.after':
    '每个密钥只导入一个包。如果此次包装生成新的密钥材料，则此包导入后，对于其所备份的每个密钥都由此次包装生成了新密钥材料的其他托管集，请其保管人销毁这些份额；还备份其他密钥（KMS 可能持有其来自先前包的密钥材料）的托管集必须保留（回执会列出两者）；如果它包装已存在的密钥材料（HSM 令牌中已有的密钥，或密钥材料文件），且那就是先前各包的密钥材料（其回执上的密钥校验值和公钥指纹一致），则无需销毁任何托管集。',
  'preflight.wrap-again': '再次包装：在上述包之外生成新的密钥材料',
  'preflight.wrap-again.reason': '原因（记入日志，列在回执上）',
  'preflight.wrap-again.reason-hint': '例如：存放第一个包的介质丢失',
  'preflight.first': '请先检查文件夹（上一步）：文件夹通过检查之前不会生成任何内容。',
  'preflight.first.step': '请先检查文件夹（第 {number} 步）：文件夹通过检查之前不会生成任何内容。',
  'action.checking-folders': '检查文件夹',
  'custody.planned': '在预检步骤中计划的份额：{n} 份中需 {m} 份：',
  'custody.planned-holder': '保管人 {n}：{name}',
  'custody.not-planned': '没有计划保管拆分。保管须在离线端的预检步骤中、任何密钥材料存在之前计划。',
  'wrapped.planned-folder': '写入预检检查过的文件夹：',
  'restore.preflight.title': '在重建份额之前检查文件夹',
  'restore.preflight.intro':
    '在任何份额变成密钥材料之前，先检查移动存储介质上恢复后材料包的新文件夹和仪式文件夹中的回执。',
  'leave.title': '要离开此仪式吗？',
  'leave.side':
    '{side, select, air {离线仪式} other {保管恢复仪式}}尚未完成（{running, select, yes {仍有步骤正在运行} other {已进行到“{statePhrase}”步骤}}）。',
  'leave.consequence':
    '离开即放弃该仪式：所持有的密钥材料将被擦除，停止会像命令行中按 Ctrl-C 一样记入日志（先中断，后放弃），没有回执的已写出材料包将被撤回，联网端会拒绝它。如需继续，请从网络检查重新开始该端。',
  'leave.stay': '留在仪式中',
  'leave.confirm': '放弃仪式并离开',
  'leave.close': '放弃仪式并关闭 Keyferry',
  'leave.window-message': '此工作站上有仪式尚未完成。仍要关闭 Keyferry 吗？',
  'left.title': '{side, select, air {离线仪式} other {保管恢复仪式}}已在“{statePhrase}”步骤放弃。',
  'left.wiped': '{wiped, plural, =0 {当时未持有已完成的密钥材料。} other {所持有的密钥材料（# 个密钥）已擦除。}}',
  'left.no-bundle': '本次尝试未写出任何材料包。',
  'left.dismiss': '知道了',
  'action.leaving-ceremony': '放弃仪式',
  'delete.custody':
    '{custody, select, none {密钥 {keyId} 没有任何保管副本（联网日志条目 {seq}：离线工作站未保留副本{acknowledged, select, yes {，并已在那里确认} other {}}）。删除其已导入的密钥材料将使其永久销毁：KMS 只接受相同的密钥材料再次导入，而任何地方都没有副本，因此该密钥下的所有密文都将无法解密。如仍要销毁，请再次输入密钥 ID；如只是不再使用该密钥而不丢失它，请改为禁用该密钥。} shares {删除密钥 {keyId} 已导入的密钥材料无法由 KMS 撤销：KMS 只接受相同的密钥材料再次导入。联网日志条目 {seq} 记录了其保管副本：{total} 份中任意 {threshold} 份保管份额，由 {custodiansList} 保管{set, select, named {，托管集 {setTag}（即其份额文件名中的标记）} other {}}；没有其中 {threshold} 份，该密钥下的所有密文将永远无法解密。请确认上述保管人中至少 {threshold} 人仍持有其保管份额。} hsmToken {删除密钥 {keyId} 已导入的密钥材料无法由 KMS 撤销：KMS 只接受相同的密钥材料再次导入。联网日志条目 {seq} 记录了其保管副本：HSM 令牌“{token}”；没有该令牌，该密钥下的所有密文将永远无法解密。请确认该令牌仍保存着该密钥材料。} materialFiles {删除密钥 {keyId} 已导入的密钥材料无法由 KMS 撤销：KMS 只接受相同的密钥材料再次导入。联网日志条目 {seq} 记录了其保管副本：在离线工作站上载入的材料文件；没有这些文件，该密钥下的所有密文将永远无法解密。请确认这些文件仍被保管。} other {删除密钥 {keyId} 已导入的密钥材料无法由 KMS 撤销：除非存在同一材料的保管份额，否则该密钥下的所有密文将永远无法解密。请确认该密钥的保管份额存在（离线回执会列出）。}}此确认将记入日志并打印在回执上。',
  'delete.read-warning': '删除 {alias} 的密钥材料会失去什么？',
  'delete.acknowledge': '我已阅读删除 {alias} 的密钥材料会失去什么，并接受此损失',
};
