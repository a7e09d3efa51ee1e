/** Progress lines of long steps: `progress.CODE`. */
import type { enProgress } from '../en/progress';

export const zhCNProgress: { readonly [K in keyof typeof enProgress]: string } = {
  'progress.generate-key': '正在生成 {spec} 密钥（第 {n} 个，共 {total} 个）',
  'progress.generated': '已生成 {count} 个密钥',
  'progress.wrap-key': '正在包装密钥（第 {n} 个，共 {total} 个）',
  'progress.wrapped': '已包装 {count} 个密钥',
  'progress.write-wrapped-bundle': '正在将已包装密钥材料包写入 {dir}',
  'progress.wrapped-bundle-written': '已包装密钥材料包已写入并校验',
  'progress.split-set': '正在将 {keys, plural, other {# 个密钥}}加密到一个托管备份中，并将其密钥拆分为 {shares} 份',
  'progress.shares-written': '保管份额已写入',
  'progress.replica-connected':
    '以及副本所在区域 {region}：已连接到 {endpoint}（项目 {projectId}，可见 {keys} 个密钥；使用同一凭证）',
  'progress.create-key': '正在创建 {spec} 密钥 {alias}',
  'progress.create-replica': '正在区域 {region} 中创建 {spec} 密钥 {alias} 的副本',
  'progress.create-key-found':
    '在 KMS 中找到 {spec} 密钥 {alias}{replica, select, yes {（区域 {region} 中的副本）} other {}}：由被中断的上一次尝试创建，尚未记入日志；现已记入日志，不再重复创建',
  'progress.fetch-parameters':
    '正在获取 {alias}{replica, select, yes {（区域 {region} 中的副本）} other { }}的导入参数',
  'progress.write-parameters-bundle': '正在将导入参数包写入 {dir}',
  'progress.parameters-bundle-written': '导入参数包已写入并校验',
  'progress.import-key':
    '{earlier, select, yes {正在询问 KMS 先前发送的导入是否已生效，仅在未生效时才导入：{spec} 密钥 {alias}} other {正在导入 {spec} 密钥 {alias}}}{replica, select, yes {（区域 {region} 中的副本）} other {}}',
  'progress.verify-key': '正在校验 {spec} 密钥 {alias}{replica, select, yes {（区域 {region} 中的副本）} other {}}',
};
