/** 仪式完整性：凭据绑定到录入时的端点和项目；回执写好后才完成包装后材料包；华为导入接受的包装密钥。 */
import type { enIntegrity } from '../en/integrity';

export const zhCNIntegrity: { readonly [K in keyof typeof enIntegrity]: string } = {
  'problem.WRAPPING_KEY_NOT_IMPORTABLE':
    '{source, select, file {{name} 中的包装密钥} other {密钥 {name} 的包装密钥}}为 RSA-{bits}：用它包装的材料为 {length} 个 base64 字符，而华为 KMS 的 import-key-material 只接受 {min} 至 {max} 个字符的 encrypted_key_material（一个 RSA-2048 密文）。导入会被拒绝，因此未生成或包装任何内容。',
  'problem.WRAPPING_KEY_NOT_IMPORTABLE.next':
    '华为 KMS 签发的是 RSA-2048 包装密钥：请将这些参数视为并非来自 KMS，并在联网工作站上重新获取导入参数。',
  'progress.wrapped-bundle-staged': '已写入包装后材料包（清单除外，清单在回执之后写入；在此之前任何人都无法导入）',
  'airgap.bundle-staged': '已写入包装后材料包（清单除外，清单在回执之后写入；在此之前任何人都无法导入）：{dir}',
  'airgap.bundle-completed': '已写入回执，随后写入清单：包装后材料包已完整并通过校验：{dir}',
  'bundle.custody':
    '{kind, select, shares {保管副本：{total} 份中的 {threshold} 份，由 {custodians} 保管。} hsmToken {保管副本：HSM 令牌“{label}”（序列号 {serial}）。} materialFiles {保管副本：在离线工作站上载入的材料文件。} none {{acknowledged, select, yes {无保管副本（已在离线工作站上确认）：导入后此材料仅存在于 KMS 中。} other {无保管副本：导入后此材料仅存在于 KMS 中。}}} other {该包未说明谁保管材料副本（由旧版 Keyferry 写入）。}}',
};
