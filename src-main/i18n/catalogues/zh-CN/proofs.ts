/** 密钥证明（见 en/proofs.ts）。 */
import type { enProofs } from '../en/proofs';
import { KEY_STATE } from './kms';

const PUBLIC_KEY_EQUAL = '状态为“启用”；get-publickey 与被包装的公钥一致；';

export const zhCNProofs: { readonly [K in keyof typeof enProofs]: string } = {
  'proof.key.notVerified': '未验证',
  'proof.key.notEnabled': `describe-key 显示密钥状态为“${KEY_STATE}”，而不是“启用”`,
  'proof.key.roundTrip': '状态为“启用”；encrypt-data/decrypt-data 往返加解密返回了原明文',
  'proof.key.roundTripFailed': 'decrypt-data 返回的不是交给 encrypt-data 的内容',
  'proof.key.publicKeyDiffers': 'get-publickey（SHA-256 {fingerprint}）与被包装的公钥不同',
  'proof.key.signs': `${PUBLIC_KEY_EQUAL}KMS 的签名在本地用该公钥验证通过`,
  'proof.key.decrypts': `${PUBLIC_KEY_EQUAL}decrypt-data 解出了用该公钥加密的消息`,
  'proof.key.signatureInvalid': 'KMS 的签名（{algorithm}）无法用导入的公钥验证',
  'proof.key.kmsVerifyFailed': 'KMS 未能验证它自己的签名',
  'proof.key.decryptFailed': 'decrypt-data 未能解出用该公钥加密的内容',
  'proof.restore.shares':
    '已证明：重建的密钥材料的{kind, select, kcv {密钥校验值} other {公钥 SHA-256}} {value} 与每个份额中记录的值相同。',
  'proof.restore.set':
    '已证明：每个密钥重建的密钥材料都与托管备份 {digest}… 中为其记录的密钥校验值或公钥 SHA-256 相符。',
  'proof.restore.hsm': 'HSM 为每个令牌对象计算的校验值与离线日志记录的校验值相同',
} as const;
