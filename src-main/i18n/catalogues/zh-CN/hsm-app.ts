/** 应用中 HSM（PKCS#11）密钥材料来源的中文文本（英文原文见 ../en/hsm-app.ts）。机制名称、标签、序列号和路径为取值。 */
import type { enHsmApp } from '../en/hsm-app';

export const zhCNHsmApp: { readonly [K in keyof typeof enHsmApp]: string } = {
  'material.source.hsm': '来自 HSM（PKCS#11）：在令牌内生成并包装',
  'hsm.module': 'PKCS#11 模块（HSM 厂商的库）',
  'hsm.module.hint': '例如 /usr/lib/softhsm/libsofthsm2.so。Keyferry 只在主进程中加载它。',
  'hsm.list-tokens': '列出令牌',
  'hsm.module.found': '{manufacturer}，{description} {version}（PKCS#11 {cryptoki}）',
  'hsm.no-token': '此模块没有显示任何令牌。请连接 HSM 或插入令牌，然后重新列出。',
  'hsm.token': '令牌',
  'hsm.token.option': '{label}（序列号 {serial}）',
  'hsm.token.details': '{manufacturer} {model}，序列号 {serial}，固件 {firmware}，插槽 {slot}',
  'hsm.token.uninitialized': '此令牌尚未初始化：请先用厂商工具初始化。',
  'hsm.token.pin':
    '用户 PIN：{state, select, ok {已设置} locked {已锁定（须由安全管理员解锁）} finalTry {锁定前的最后一次尝试} countLow {最近输入过错误的 PIN} other {未设置}}',
  'hsm.mechanisms': '仪式所用的机制（此令牌共 {count} 个）',
  'hsm.mechanism.present': '{name}：有',
  'hsm.mechanism.range': '{name}：有（密钥长度 {min}-{max}）',
  'hsm.mechanism.missing': '{name}：缺少',
  'hsm.pin': '用户 PIN',
  'hsm.pin.hint': '只为登录发送一次到主进程，随后即丢弃：从不保存，不写入仪式日志，也不记录到运行日志。',
  'hsm.keys': '密钥材料',
  'hsm.keys.generate': '在令牌内生成新密钥（作为以仪式和密钥 ID 标记的令牌对象保存）',
  'hsm.keys.existing': '使用令牌中已有的密钥',
  'hsm.key-label': '密钥 {alias}（{spec}）的令牌对象标签',
  'hsm.key-label.hint': '留空则按 CKA_ID（即 KMS 密钥 ID，Keyferry 为其生成的密钥所设）查找。',
  'hsm.zero-filled.accept': '仅限演练：接受 CKM_AES_KEY_WRAP_PAD 以零填充的令牌（SoftHSM 2.6）；作为偏差记入日志',
  'hsm.check': '检查令牌',
  'hsm.result.title': '令牌 "{label}"：{manufacturer} {model}，序列号 {serial}，固件 {firmware}',
  'hsm.result.accepted': '此令牌能完成本仪式的每个密钥。尚未生成任何内容。',
  'hsm.result.refused': '此令牌无法按计划完成本仪式。未生成任何内容。',
  'hsm.result.algorithm': '包装密钥算法 {algorithm}',
  'hsm.result.spec-ok': '{spec}：可在令牌内用 {mechanisms} 完成',
  'hsm.result.spec-refused': '{spec}：无法完成',
  'hsm.result.zero-filled':
    '警告：此令牌的 {mechanism} 以零填充，不符合 RFC 5649。仅在本次演练中接受，并作为偏差记入日志。正式仪式会拒绝。',
  'hsm.result.other-algorithm':
    '在应用中：请在联网工作站的仪式设置中选择 {algorithm} 作为包装密钥算法，获取并带来新的导入参数，然后重新检查令牌。',
  'hsm.produce.generate': '在令牌内生成密钥材料',
  'hsm.produce.existing': '从令牌取用密钥材料',
  'hsm.custody-planned':
    '上一步计划了保管份额。HSM 密钥材料从不离开令牌，因此无法拆分：请取消保管份额、勾选"密钥材料来自 HSM"后重新检查文件夹。',
  'hsm.custody-is-token':
    '此密钥材料无需备份确认，也没有保管份额：令牌对象（令牌序列号 {serial}）就是它的托管副本。如政策要求第二份副本，请按厂商流程备份令牌。',
  'hsm.object-label': '令牌对象 "{label}"',
  'hsm.title': '在见证人确认之前检查 HSM 令牌',
  'hsm.after-folders': '文件夹检查（第 {number} 步）计划从 HSM 获取密钥材料（勾选"密钥材料来自 HSM"）后开放。',
  'hsm.not-planned':
    '文件夹检查没有计划从 HSM 获取密钥材料：没有要检查的令牌。如要使用 HSM，请在文件夹检查中勾选"密钥材料来自 HSM"。',
  'hsm.check-first': '请先检查令牌（第 {number} 步）：密钥材料在该检查接受的令牌内生成或从中取用。',
  'hsm.crashed.unproven': '确认它是该会话的对象之后，可用以下命令手动删除它（该命令会要求输入用户 PIN）：',
  'preflight.hsm': '密钥材料将来自 HSM（PKCS#11）：由其令牌保存，因此没有保管份额，也无需备份确认',
  'setup.wrappingAlgorithm.label': '包装密钥算法（联网端）',
  'setup.wrappingAlgorithm.hint':
    'KMS 用来包装导入内容的算法。除非离线端的 HSM 只支持 SHA-1 的 OAEP，否则请保留 RSAES_OAEP_SHA_256。',
  'action.listing-hsm-tokens': '列出 HSM 令牌',
  'action.checking-hsm': '登录令牌并检查其能力',
  'problem.HSM_ZERO_FILLED_PAD_REHEARSAL_ONLY':
    '以零填充的 CKM_AES_KEY_WRAP_PAD 只能在演练中接受：正式导入需要严格符合 RFC 5649 的输出。',
  'problem.HSM_ZERO_FILLED_PAD_REHEARSAL_ONLY.next':
    '请使用具有 CKM_AES_KEY_WRAP_KWP (0x210B) 或严格 CKM_AES_KEY_WRAP_PAD 的令牌，或在软件中生成密钥材料。',
  'restore.source.hsm': '来自 HSM 令牌（HSM 密钥材料：其令牌对象就是托管副本）',
  'hsm.restore.journal': '记录这些令牌对象的离线端日志',
  'hsm.restore.journal.hint':
    '在令牌内生成该密钥材料的仪式的日志（air-gapped-journal.jsonl）。留空则使用本仪式文件夹中的日志。',
  'hsm.restore.button': '在令牌中查找并证明密钥',
  'hsm.restore.result': '令牌 "{label}"（序列号 {serial}）：{journal} 中记录的对象',
  'hsm.restore.key': '{keyId}（{spec}）：令牌对象 "{label}"，记录于日志条目 {seq}',
  'hsm.restore.kcv': '在令牌内计算的密钥校验值',
  'hsm.restore.public-key': '从令牌读取的公钥指纹',
  'action.restoring-from-hsm': '登录令牌并证明已记录的密钥',
};
