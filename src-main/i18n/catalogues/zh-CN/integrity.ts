/** 仪式完整性：凭证绑定到录入时的终端节点和项目；回执写好后才完成已包装密钥材料包；华为导入接受的包装密钥。 */
import type { enIntegrity } from '../en/integrity';

export const zhCNIntegrity: { readonly [K in keyof typeof enIntegrity]: string } = {
  'problem.WRAPPING_KEY_NOT_IMPORTABLE':
    '{source, select, file {{name} 中的包装密钥} other {密钥 {name} 的包装密钥}}为 RSA-{bits}：用它包装的材料为 {length} 个 base64 字符，而华为 KMS 的 import-key-material 只接受 {min} 至 {max} 个字符的 encrypted_key_material（一个 RSA-2048 密文）。导入会被拒绝，因此未生成或包装任何内容。',
  'problem.WRAPPING_KEY_NOT_IMPORTABLE.next':
    '华为 KMS 签发的是 RSA-2048 包装密钥：请将这些参数视为并非来自 KMS，并在联网工作站上重新获取导入参数。',
  'progress.wrapped-bundle-staged': '已写入已包装密钥材料包（清单除外，清单在回执之后写入；在此之前任何人都无法导入）',
  'problem.CREDENTIALS_BOUND_ELSEWHERE':
    '{sourceKind, select, config {配置文件 {sourceName} 中的凭证} remembered {本机记住的凭证（配置档 {sourceName}）} other {本次会话中输入的凭证}}属于{field, select, endpoint {终端节点 {bound}} region {区域 {bound}} other {项目 {bound}}}，但此连接会将其用于{field, select, endpoint {终端节点 {given}} region {区域 {given}} other {项目 {given}}}（来自{givenFromPhrase}）。未发送任何内容。',
  'problem.CREDENTIALS_BOUND_ELSEWHERE.next':
    '如果 {given} 是正确的，请{sourceKind, select, config {在该连接专用的配置文件中} other {重新}}输入其凭证；否则请更正{givenFromPhrase}。',
  'problem.CREDENTIALS_ENDPOINT_UNCONFIRMED':
    '来自环境变量的凭证将被发送到 {endpoint}，该终端节点来自{fromPhrase}而非命令行，既不是该区域的 KMS 终端节点（{regionEndpoint}），也不是本地模拟器。未发送任何内容。',
  'problem.CREDENTIALS_ENDPOINT_UNCONFIRMED.next':
    '如果 {endpoint} 确是您要使用的 KMS，请在命令行上给出 --endpoint {endpoint}；否则请检查{fromPhrase}。',
  'problem.CONFIG_CREDENTIALS_UNBOUND':
    '配置文件 {file} 中有凭证，但未写明其所属的{missing, select, region {区域} other {项目}}，因此 Keyferry 无法判断可以将其发送到何处。',
  'problem.CONFIG_CREDENTIALS_UNBOUND.next':
    '请在 {file} 中凭证旁边加上 "region" 和 "projectId"（如果终端节点不是该区域自己的，还要加上 "endpoint"）。',
  'airgap.bundle-staged': '已写入已包装密钥材料包（清单除外，清单在回执之后写入；在此之前任何人都无法导入）：{dir}',
  'airgap.bundle-completed': '已写入回执，随后写入清单：已包装密钥材料包已完整并通过校验：{dir}',
  'bundle.custody':
    '{kind, select, shares {保管副本：{total} 份中任意 {threshold} 份，由 {custodians} 保管{set, select, named {，托管集 {setTag}（即其份额文件名中的标记）} other {}}。} hsmToken {保管副本：HSM 令牌{labelled, select, yes {“{label}”} other {（无标签）}}{serialKnown, select, yes {（序列号 {serial}）} other {（无序列号）}}。} materialFiles {保管副本：在离线工作站上载入的材料文件。} none {{acknowledged, select, yes {无保管副本（已在离线工作站上确认）：导入后此材料仅存在于 KMS 中。} other {无保管副本：导入后此材料仅存在于 KMS 中。}}} other {该包未说明谁保管材料副本（由旧版 Keyferry 写入）。}}',
  'bundle.custody.presented': '{named, select, all {} other {仅列出到场参与恢复的保管人。}}恢复时出示：{shares}。',
  'bundle.custody.presentedShare': '{custodian} 的第 {shareIndex} 份（由 {presentedBy} 交出）',
  'credentials.source.environment': '环境变量（KEYFERRY_AK、KEYFERRY_SK 或 KEYFERRY_IAM_TOKEN）',
  'credentials.source.config-file': '配置文件 {file}',
  'credentials.source.remembered': '本机记住的凭证（配置档 {profile}）',
  'credentials.source.entered': '本次会话中输入',
  'credentials.source.rehearsal': '演练模拟器自带的凭证',
  'credentials.from.option': '选项 {option}',
  'credentials.from.config': '配置文件 {file} 中的“{field}”',
  'credentials.from.journal': '仪式日志',
  'credentials.from.form': '连接表单',
};
