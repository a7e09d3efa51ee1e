/** 让预检成为任何路径都无法跳过的步骤的核心防护，以及应用中的预检步骤、可能丢失的确认和离开仪式。 */
import type { enAppSafety } from '../en/app-safety';

const preflightedStep =
  '{step, select, generate {生成密钥材料} load {加载密钥材料} hsm {使用 HSM} restore {用份额重建密钥材料} split {为保管拆分密钥材料} bundle {写出包装后材料包} other {写出回执}}';
const folderRole = '{role, select, bundle {包装后材料包} receipt {回执} other {保管人}}';

export const zhCNAppSafety: { readonly [K in keyof typeof enAppSafety]: string } = {
  'problem.PREFLIGHT_REQUIRED': `现在还不能${preflightedStep}：本次会话要写入的文件夹（包装后材料包、回执、保管人）尚未通过预检。未生成或写出任何内容。`,
  'problem.PREFLIGHT_REQUIRED.next':
    '请先执行预检步骤（应用中：“检查文件夹”；命令行中每个包装和恢复命令都会执行预检），然后再执行此步骤。',
  'problem.PREFLIGHT_FOLDER_DIFFERS': `${folderRole}的文件夹是 {folder}，但预检检查的是 {checked}。未写出任何内容。`,
  'problem.PREFLIGHT_FOLDER_DIFFERS.next': '请写入预检检查过的文件夹，或在任何密钥材料存在之前为新文件夹重新执行预检。',
  'problem.PREFLIGHT_EXPIRY_DIFFERS':
    '包装后材料包将请求密钥材料到期时间 {given}，但预检计划的是 {planned}（任何丢失确认也是针对它作出的）。未写出任何内容。',
  'problem.PREFLIGHT_EXPIRY_DIFFERS.next':
    '请按预检步骤中选择的到期时间写出材料包。如需更改，请重新开始离线端：新的会话，新的预检。',
  'problem.MATERIAL_NO_BACKUP_UNACKNOWLEDGED':
    '{count, plural, other {# 个密钥}}的 AES 密钥材料将于 {expiresAt} 在 KMS 中过期，且没有保管副本：此后将永远无法再次导入，该密钥下的所有密文都将无法解密。未生成任何内容。',
  'problem.MATERIAL_NO_BACKUP_UNACKNOWLEDGED.next':
    '在预检步骤中：计划保管份额，或将密钥材料到期时间选为“永不过期”，或勾选对此损失的确认（将记入日志并打印在回执上）；命令行中：--custody、--expires never 或 --no-backup。',
  'problem.CUSTODY_NOT_PREFLIGHTED':
    '保管拆分指定了 {given, plural, other {# 个文件夹}}，但预检检查了 {planned, plural, =0 {0 个保管人文件夹} other {# 个保管人文件夹}}。未写出任何份额。',
  'problem.CUSTODY_NOT_PREFLIGHTED.next':
    '保管须在任何密钥材料存在之前计划：请重新开始离线端，并在预检步骤中给出保管人文件夹。',
  'problem.CUSTODY_PLANNED_NOT_SPLIT':
    '预检为 {custodians} 位保管人计划了保管份额，但密钥材料尚未拆分：包装会擦除密钥材料，届时将没有任何副本。未包装任何内容。',
  'problem.CUSTODY_PLANNED_NOT_SPLIT.next': '请先为保管拆分密钥材料（“保管”页面），然后再包装。',
  'problem.CEREMONY_NOTHING_TO_LEAVE': '这一端没有持有密钥材料的仪式步骤，也没有正在进行的步骤。',
  'problem.CEREMONY_NOTHING_TO_LEAVE.next': '无需放弃任何内容；请继续。',
};
