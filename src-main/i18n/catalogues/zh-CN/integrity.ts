/** 仪式完整性：凭据绑定到录入时的端点和项目；回执写好后才完成包装后材料包；华为导入接受的包装密钥。 */
import type { enIntegrity } from '../en/integrity';

export const zhCNIntegrity: { readonly [K in keyof typeof enIntegrity]: string } = {
  'problem.WRAPPING_KEY_NOT_IMPORTABLE':
    '{source, select, file {{name} 中的包装密钥} other {密钥 {name} 的包装密钥}}为 RSA-{bits}：用它包装的材料为 {length} 个 base64 字符，而华为 KMS 的 import-key-material 只接受 {min} 至 {max} 个字符的 encrypted_key_material（一个 RSA-2048 密文）。导入会被拒绝，因此未生成或包装任何内容。',
  'problem.WRAPPING_KEY_NOT_IMPORTABLE.next':
    '华为 KMS 签发的是 RSA-2048 包装密钥：请将这些参数视为并非来自 KMS，并在联网工作站上重新获取导入参数。',
};
