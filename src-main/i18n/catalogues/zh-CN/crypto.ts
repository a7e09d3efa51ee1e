/** 包装引擎：从文件读取的密钥材料和包装密钥、密钥规格与算法、AES 密钥包装、RSA-OAEP 和解包装。PEM 标签、大小、规格和算法均为值。 */
import type { enCrypto } from '../en/crypto';

const KEY_FOUND =
  '{keyType, select, rsa {一个 RSA-{keySize} 密钥} rsaPss {一个 RSA-PSS-{keySize} 密钥（仅限 PSS 签名）} ec {一个 EC {keySize} 密钥} ed25519 {一个 Ed25519 密钥} ed448 {一个 Ed448 密钥} x25519 {一个 X25519 密钥} x448 {一个 X448 密钥} dsa {一个 DSA-{keySize} 密钥} other {一个类型为 {keySize} 的密钥}}';
const SYMMETRIC_STEP =
  '请提供正好 32 字节：一个 32 字节的二进制文件（例如 "openssl rand -out key.bin 32"）、64 位十六进制数字或 44 个 base64 字符。';
const FORMATS_STEP = '请以 PEM 或 DER 格式（PKCS#8、PKCS#1 或 SEC1）提供私钥，例如由 "openssl genpkey" 生成。';
const WRAPPING_KEY_STEP = '请使用与导入令牌一起下载的包装密钥（wrappingKey_<KeyID>、PublicKey.bin 或 PublicKey.b64）。';
const UNWRAP_STEP = '请用此导入令牌对应的包装密钥重新包装密钥材料。';
const WRAPPING_KEY_SOURCE = '{source, select, base64 {base64 文本} other {DER}}';

export const zhCNCrypto: { readonly [K in keyof typeof enCrypto]: string } = {
  'problem.KWP_BAD_KEK_LENGTH': '密钥包装密钥长 {length} 字节；AES 密钥包装需要 16、24 或 32 字节。',
  'problem.KWP_BAD_KEK_LENGTH.next': '请使用 KMS 所要求的 32 字节临时中间密钥（AES-256）。',
  'problem.KWP_BAD_INPUT_LENGTH': 'AES 密钥包装收到了 {length} 字节；它只能包装 1 到 {max} 字节。',
  'problem.KWP_BAD_INPUT_LENGTH.next': '请确认密钥材料已完整加载。',
  'problem.KWP_BAD_CIPHERTEXT_LENGTH':
    '已包装的数据长 {length} 字节；AES 密钥包装的输出是 8 字节的倍数，至少 16 字节。',
  'problem.KWP_BAD_CIPHERTEXT_LENGTH.next': '请确认已包装的私钥文件已完整复制。',
  'problem.KWP_UNWRAP_FAILED': '已包装的私钥未通过 AES 密钥包装的完整性校验：临时中间密钥错误或数据已损坏。',
  'problem.KWP_UNWRAP_FAILED.next': '请确认已包装的私钥与加密后的密钥材料来自同一次包装。',
  'problem.KEYGEN_FAILED': '生成 {spec} 密钥材料失败{errorCode, select, none {} other {（密码库返回 {errorCode}）}}。',
  'problem.KEYGEN_FAILED.next': '未写入任何内容。请重试；如果一直失败，可能是本机的密码库已损坏。',
  'problem.SPEC_NOT_IMPORTABLE': '密钥规格 {spec} 无法导入：KMS 不支持为 HMAC 密钥导入密钥材料。',
  'problem.SPEC_NOT_IMPORTABLE.next':
    '请让 KMS 生成 HMAC 密钥（密钥材料来源：KMS），或选择 AES_256、RSA_2048/3072/4096、EC_P256 或 EC_P384。',
  'problem.SPEC_NOT_SUPPORTED': '暂不支持密钥规格 {spec}：其导入格式尚未确认，Keyferry 无法保证包装正确。',
  'problem.SPEC_NOT_SUPPORTED.next': '请选择 {specsList}。',
  'problem.SPEC_UNKNOWN': '未知的密钥规格“{value}”。',
  'problem.SPEC_UNKNOWN.next': '请从 {specsList} 中选择一个。',
  'problem.ALGORITHM_REFUSED': '拒绝使用包装密钥算法 {algorithm}：PKCS#1 v1.5 加密易受填充预言攻击。',
  'problem.ALGORITHM_REFUSED.next':
    '请用 RSAES_OAEP_SHA_256 获取导入参数（若该区域只提供更旧的算法，则用 RSAES_OAEP_SHA_1）。',
  'problem.ALGORITHM_NOT_SUPPORTED': '暂不支持包装密钥算法 {algorithm}：其密文格式尚未确认。',
  'problem.ALGORITHM_NOT_SUPPORTED.next': '请用 RSAES_OAEP_SHA_256 获取导入参数。',
  'problem.ALGORITHM_UNKNOWN': '未知的包装密钥算法“{value}”。',
  'problem.ALGORITHM_UNKNOWN.next': '请从 {algorithmsList} 中选择一个。',
  'problem.MATERIAL_NOT_ENCRYPTED':
    '{kind, select, symmetric {提供了口令，但 {spec} 密钥材料从不加密。} other {提供了口令，但私钥文件未加密。}}',
  'problem.MATERIAL_NOT_ENCRYPTED.next':
    '{kind, select, symmetric {请去掉口令。} other {请确认这是您要用的文件；未加密的私钥不需要口令。}}',
  'problem.MATERIAL_WRONG_KIND':
    '为 {spec} 提供的是 PEM 文件（{labels}）；{spec} 密钥材料是 32 字节，而不是 PEM 密钥。',
  'problem.MATERIAL_WRONG_KIND.next': SYMMETRIC_STEP,
  'problem.MATERIAL_WRONG_LENGTH':
    '密钥材料文件含 {found} 字节（{encoding, select, hex {按十六进制文本} base64 {按 base64 文本} other {原始字节}}）；{spec} 正好需要 {needed} 字节。',
  'problem.MATERIAL_WRONG_LENGTH.next': SYMMETRIC_STEP,
  'problem.MATERIAL_NOT_RANDOM':
    '{reason, select, uniform {{spec} 密钥材料文件含 32 个相同的字节，不可能是随机密钥。} other {{spec} 密钥材料文件含 32 个可打印文本字符，而不是 32 个随机字节。}}',
  'problem.MATERIAL_NOT_RANDOM.next': SYMMETRIC_STEP,
  'problem.MATERIAL_TOO_LARGE': '密钥材料文件有 {size} 字节；密钥材料最多只有几 KB。',
  'problem.MATERIAL_TOO_LARGE.next': '请确认您选择的是密钥材料文件。',
  'problem.MATERIAL_EMPTY': '密钥材料文件为空。',
  'problem.MATERIAL_EMPTY.next': '请确认您选择的是密钥材料文件，并且它已完整复制。',
  'problem.MATERIAL_PASSPHRASE_MISSING': '私钥文件已加密，但未提供口令。',
  'problem.MATERIAL_PASSPHRASE_MISSING.next':
    '{surface, select, app {请在“口令（仅用于加密的 PEM）”中输入口令，然后再次点击“加载密钥材料”。} other {请提供口令（命令行中：--passphrase-env NAME，口令放在该环境变量中）。}}',
  'problem.MATERIAL_PASSPHRASE_WRONG': '无法用所给口令解密私钥文件（口令错误或文件已损坏）。',
  'problem.MATERIAL_PASSPHRASE_WRONG.next': '请检查口令后重试。',
  'problem.MATERIAL_IS_PUBLIC_KEY':
    '{format, select, pem {密钥材料文件中是公钥或证书（PEM {labels}），而不是私钥。} other {密钥材料文件中是公钥（DER SubjectPublicKeyInfo），而不是私钥。}}',
  'problem.MATERIAL_IS_PUBLIC_KEY.next': FORMATS_STEP,
  'problem.MATERIAL_UNREADABLE':
    '{reason, select, pemBlocks {密钥材料文件是含 {labels} 块的 PEM，其中没有私钥。} pemContents {密钥材料文件是 PEM {labels}，但无法作为私钥读取。} der {密钥材料文件（{size} 字节 DER）不是 PKCS#8、PKCS#1 或 SEC1 私钥。} other {密钥材料文件（{size} 字节）既不是 PEM 也不是 DER；{spec} 需要私钥。}}',
  'problem.MATERIAL_UNREADABLE.next': FORMATS_STEP,
  'problem.MATERIAL_AMBIGUOUS': '密钥材料文件中有 {count} 个私钥；Keyferry 不会猜测要导入哪一个。',
  'problem.MATERIAL_AMBIGUOUS.next': '请提供只含一个私钥的文件。',
  'problem.MATERIAL_SPEC_MISMATCH': `为 {spec} 提供的是${KEY_FOUND}。`,
  'problem.MATERIAL_SPEC_MISMATCH.next': '请提供与 {spec} 相符的密钥，或按此密钥的规格创建 KMS 密钥。',
  'problem.MATERIAL_INCONSISTENT': '私钥未通过签名-验签自检：它的各部分不属于同一个密钥。',
  'problem.MATERIAL_INCONSISTENT.next': '文件已损坏。请使用完好的私钥副本。',
  'problem.RSA_OAEP_DECRYPT_FAILED': '无法用 {algorithm} 解密加密后的密钥材料：包装密钥错误、算法错误或数据已损坏。',
  'problem.RSA_OAEP_DECRYPT_FAILED.next': '请用此导入令牌的包装密钥和算法重新包装密钥材料。',
  'problem.SECRET_DISPOSED': '密钥材料已从内存中清除，无法再次使用。',
  'problem.SECRET_DISPOSED.next': '请为此步骤重新加载或生成密钥材料。',
  'problem.UNWRAP_TEMPORARY_KEY_LENGTH': '临时中间密钥为 {length} 字节；它必须是 16 或 32 字节（KMS.2610）。',
  'problem.UNWRAP_TEMPORARY_KEY_LENGTH.next': UNWRAP_STEP,
  'problem.UNWRAP_PRIVATE_KEY_INVALID':
    '解包装得到的私钥不是有效的 PKCS#8 {spec} 密钥（KMS.2609）。{reason, select, refused {{cause}} other {}}',
  'problem.UNWRAP_PRIVATE_KEY_INVALID.next': UNWRAP_STEP,
  'problem.UNWRAP_PRIVATE_KEY_MISSING': '{spec} 密钥材料还需要已包装的私钥（KMS.2608）。',
  'problem.UNWRAP_PRIVATE_KEY_MISSING.next': UNWRAP_STEP,
  'problem.UNWRAP_UNEXPECTED_PRIVATE_KEY': '为对称密钥 {spec} 提供了已包装的私钥。',
  'problem.UNWRAP_UNEXPECTED_PRIVATE_KEY.next': UNWRAP_STEP,
  'problem.UNWRAP_WRONG_LENGTH': '解密后的 {spec} 密钥材料为 {found} 字节；它必须是 {needed} 字节（KMS.2604）。',
  'problem.UNWRAP_WRONG_LENGTH.next': UNWRAP_STEP,
  'problem.WRAPPING_KEY_IS_PRIVATE': `{format, select, pem {包装密钥文件是私钥（PEM {labels}）；包装密钥应是 KMS 的公钥。} other {包装密钥文件（${WRAPPING_KEY_SOURCE}）是私钥；包装密钥应是 KMS 的公钥。}}`,
  'problem.WRAPPING_KEY_IS_PRIVATE.next': WRAPPING_KEY_STEP,
  'problem.WRAPPING_KEY_UNREADABLE': `{reason, select, pemBlocks {包装密钥文件是含 {labels} 块的 PEM；应只有一个 "PUBLIC KEY" 块。} pemContents {包装密钥文件是 PEM "PUBLIC KEY"，但其内容无法作为公钥读取。} der {包装密钥文件（${WRAPPING_KEY_SOURCE}，{size} 字节）不是 DER SubjectPublicKeyInfo 公钥。} tooLarge {包装密钥文件有 {size} 字节；包装密钥最多只有几 KB。} other {包装密钥文件（{size} 字节）既不是 DER、base64 文本，也不是 PEM。}}`,
  'problem.WRAPPING_KEY_UNREADABLE.next': WRAPPING_KEY_STEP,
  'problem.WRAPPING_KEY_NOT_CANONICAL': `包装密钥文件（${WRAPPING_KEY_SOURCE}）有 {size} 字节，但其中的公钥只有 {keyBytes} 字节：它含有多余或非规范的数据。`,
  'problem.WRAPPING_KEY_NOT_CANONICAL.next': WRAPPING_KEY_STEP,
  'problem.WRAPPING_KEY_EMPTY': '包装密钥文件为空。',
  'problem.WRAPPING_KEY_EMPTY.next': WRAPPING_KEY_STEP,
  'problem.WRAPPING_KEY_NOT_RSA': `作为包装密钥提供的是${KEY_FOUND}；KMS 的包装密钥是 RSA 密钥。`,
  'problem.WRAPPING_KEY_NOT_RSA.next': WRAPPING_KEY_STEP,
};
