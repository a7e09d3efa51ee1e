/** CustodyScreen：将密钥材料分给托管人。 */
import type { enScreenCustody } from '../en/screen-custody';

export const zhCNScreenCustody: { readonly [K in keyof typeof enScreenCustody]: string } = {
  'custody.split.title': '将密钥材料拆分给保管人（可选）',
  'custody.split.intro':
    '包装之前，可将每个密钥的材料拆分为 {n} 份，其中任意 {m} 份即可重建。每位保管人的文件夹应位于其各自的存储介质上。',
  'custody.split.available-when': '在生成或加载密钥材料之后、包装之前可用。',
  'custody.split.m': '重建所需份额数（M）',
  'custody.custodian': '保管人 {n}',
  'custody.custodian-name': '保管人 {n} 的姓名',
  'custody.custodian-folder': '保管人 {n} 的文件夹',
  'custody.add': '添加保管人',
  'custody.remove-last': '移除最后一位保管人',
  'custody.same-volume': '演练：接受位于同一卷上的文件夹（记录为警告）',
  'custody.split.button': '拆分并写入份额',
  'custody.threshold': '{n} 份中任意 {m} 份即可重建。',
  'custody.share-for': '{custodian} 的第 {index} 份：',
  'custody.back-to-wrapping': '返回包装',
  'custody.restore.heading': '用份额恢复',
  'custody.restore.intro':
    '当已导入的 AES 密钥材料在 KMS 中到期后，保管人携带各自的份额参加托管恢复仪式：重建并验证密钥材料，再针对同一密钥的新导入参数进行包装。',
  'custody.restore.open': '打开恢复仪式',
  'custody.heading': '密钥材料托管',
} as const;
