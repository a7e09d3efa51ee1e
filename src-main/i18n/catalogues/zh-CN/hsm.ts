/**
 * 简体中文: HSM（PKCS#11）密钥材料来源的文本。占位符与 ../en/hsm.ts 完全一致；机制名、CKR_ 代码、标签、序列号为值，不翻译。
 */
import type { enHsm } from '../en/hsm';

export const zhCNHsm: { readonly [K in keyof typeof enHsm]: string } = {
  'hsm.info.module': '模块          {path}',
  'hsm.info.library': '              {manufacturer}，{description} {version}（PKCS#11 {cryptoki}）',
  'hsm.info.noToken': '没有插槽中有令牌。请连接 HSM 或插入令牌，然后再次运行。',
  'hsm.info.slot': '插槽 {slot}  {description}',
  'hsm.info.uninitialized': '  令牌未初始化（仪式前请用厂商工具初始化）',
  'hsm.info.label': '  标签          {value}',
  'hsm.info.manufacturer': '  制造商        {value}',
  'hsm.info.model': '  型号          {value}',
  'hsm.info.serial': '  序列号        {value}',
  'hsm.info.firmware': '  固件          {firmware}（硬件 {hardware}）',
  'hsm.info.pin':
    '  用户 PIN      {state, select, ok {已设置} locked {已锁定} finalTry {再错一次将锁定} countLow {最近有错误的 PIN 输入} other {未设置}}',
  'hsm.info.mechanisms': '  机制          共 {count} 个；仪式使用的机制：',
  'hsm.info.mechanism': '    {name} {present, select, yes {有{range}} other {无}}',
  'hsm.info.keySizes': '（密钥长度 {min}-{max}）',

  'hsm.cli.token': 'HSM 令牌 "{label}"：{manufacturer} {model}，序列号 {serial}，固件 {firmware}',
  'hsm.cli.capability': '  {spec}：可在 HSM 中使用 {mechanisms} 完成',
  'hsm.cli.material':
    '{source, select, hsm {密钥 {keyId}（{spec}）的材料以 "{label}" 保存在 HSM 中} other {密钥 {keyId}（{spec}）的材料}}：{check}',
  'hsm.pin.prompt': 'HSM 令牌 "{token}" 的用户 PIN：',
  'problem.HSM_OPTION_NEEDS_MODULE': 'HSM 选项需要 --hsm-module。',
  'problem.HSM_OPTION_NEEDS_MODULE.next': '请给出 --hsm-module FILE（keyferry hsm info 可显示模块提供的功能）。',
  'problem.HSM_OPTION_NEEDS_TOKEN': '--hsm-module 需要 --hsm-token。',
  'problem.HSM_OPTION_NEEDS_TOKEN.next': '请按标签或序列号指定令牌（keyferry hsm info 会列出）。',
  'problem.HSM_KEY_LABEL_NEEDS_KEY_ID': '该包中有 {count} 个密钥：不带 KEYID= 的 --hsm-key-label 无法指明是哪一个。',
  'problem.HSM_KEY_LABEL_NEEDS_KEY_ID.next': '请为每个密钥重复 --hsm-key-label KEYID=LABEL。',
  'problem.HSM_KEY_NOT_PRODUCED': '密钥 {keyId} 在 HSM 中还没有材料。',
  'problem.HSM_KEY_NOT_PRODUCED.next': '请先在 HSM 中生成或选择材料，然后再包装。',
  'problem.HSM_TRIAL_WRAP_SHORTER_THAN_KMS_ACCEPTS':
    '令牌“{token}”无法为 KMS 完成 {spec}：按仪式的方式包装一个试验用 {spec} 私钥后为 {chars} 个 base64 字符，而 KMS 只接受 200 个字符起的 encrypted_privatekey（该令牌的 PKCS#8 省略了可选的公钥）。未在令牌中生成任何内容。',
  'problem.HSM_TRIAL_WRAP_SHORTER_THAN_KMS_ACCEPTS.next':
    '请使用 PKCS#8 导出包含公钥的 HSM，或在软件中生成此密钥（不使用 HSM 选项）。',
  'problem.HSM_WRAP_SHORTER_THAN_KMS_ACCEPTS':
    'HSM 将密钥 {keyId} 的 {spec} 私钥包装为 {chars} 个 base64 字符；KMS 只接受至少 200 个字符的 encrypted_privatekey（其 PKCS#8 省略了可选的公钥）。未写入已包装密钥材料包。',
  'problem.HSM_WRAP_SHORTER_THAN_KMS_ACCEPTS.next': '请使用导出的 PKCS#8 包含公钥的 HSM，或在软件中生成此密钥。',
  'problem.HSM_SOURCE_CHOSEN': '本次仪式的密钥材料来自 HSM，不能再从文件加载材料。',
  'problem.HSM_SOURCE_CHOSEN.next': '请为材料来自文件的密钥另行举行仪式。',
  'problem.HSM_CUSTODY_IS_TOKEN':
    'HSM 中的材料不允许进行 Shamir 保管份额拆分：它从不以明文离开 HSM，因此无法拆分。令牌 {token} 以带标签的令牌对象保存它，这就是它的保管副本。',
  'problem.HSM_CUSTODY_IS_TOKEN.next':
    '{surface, select, app {请不要使用保管份额：不设保管份额、勾选“密钥材料将来自 HSM（PKCS#11）：由其令牌保存，因此没有保管份额，也无需备份确认”后重新检查文件夹（“检查文件夹”）；本仪式此前包装时已在令牌中生成的密钥材料，可用“使用令牌中已有的密钥”再次使用。如果策略要求第二份副本，请使用 HSM 厂商自己的备份或克隆流程备份令牌。} other {请不要使用保管份额（本仪式此前包装时已在令牌中生成的密钥材料，可在命令行中用 --hsm-existing-keys、在应用中用“使用令牌中已有的密钥”再次使用）；如果策略要求第二份副本，请使用 HSM 厂商自己的备份或克隆流程备份令牌。}}',
  'problem.HSM_MODULE_MISSING': '{path} 处没有 PKCS#11 模块。',
  'problem.HSM_MODULE_MISSING.next': '请给出 HSM 厂商 PKCS#11 库的路径，例如 /usr/lib/softhsm/libsofthsm2.so。',
  'problem.HSM_MODULE_UNLOADABLE': '无法将 {path} 作为 PKCS#11 模块加载：{detail}',
  'problem.HSM_MODULE_UNLOADABLE.next': '请确认这是适用于本操作系统和处理器的厂商 PKCS#11 库。',
  'problem.HSM_MODULE_NOT_READY': 'PKCS#11 模块 {module} 未能启动（{detail}）。',
  'problem.HSM_MODULE_NOT_READY.next':
    '请确认该模块自身的服务正在运行且当前用户有权使用（openCryptoki：pkcsslotd 正在运行且用户属于 pkcs11 组；SoftHSM：SOFTHSM2_CONF 指向可读的配置）。',
  'problem.HSM_NO_TOKEN':
    'PKCS#11 模块 {module} 没有已初始化的令牌（{emptySlots, plural, =0 {没有插槽} other {# 个空插槽}}）。',
  'problem.HSM_NO_TOKEN.next':
    '{surface, select, app {请连接 HSM 或插入令牌（新令牌请先用其自带工具初始化），然后再次点击“列出令牌”并选择它。} other {请连接 HSM 或插入令牌（新令牌请先用其自带工具初始化），然后再次运行 keyferry hsm info。}}',
  'problem.HSM_TOKEN_GONE': '操作过程中令牌已断开（{ckr}）。',
  'problem.HSM_TOKEN_GONE.next': '请重新连接 HSM 或令牌并重新开始此步骤。',
  'problem.HSM_TOKEN_NOT_FOUND': '没有标签或序列号为 "{wanted}" 的令牌。现有令牌：{tokensList}。',
  'problem.HSM_TOKEN_NOT_FOUND.next': '请按上述标签或序列号之一选择令牌。',
  'problem.HSM_TOKEN_AMBIGUOUS': '有多个令牌与 "{wanted}" 匹配：{tokensList}。',
  'problem.HSM_TOKEN_AMBIGUOUS.next': '请按唯一的序列号选择令牌。',
  'problem.HSM_PIN_INCORRECT': '令牌 "{token}"（序列号 {serial}）拒绝了用户 PIN（{ckr}）。',
  'problem.HSM_PIN_INCORRECT.next':
    '{tries, select, locked {令牌现已锁定用户 PIN：请令牌的安全管理员（SO）解锁或重置，然后重新开始此步骤。} final {令牌表示下一次输错 PIN 就会将其锁定：在确定 PIN 之前请勿再试（令牌锁定后，其中的密钥在安全管理员解锁之前无法使用）。} low {令牌表示在锁定 PIN 之前剩余的尝试次数不多：请仅在确定 PIN 时再试。} other {请核对 PIN 后重试。多次输错后令牌会锁定 PIN，如无把握请停止。}}',
  'problem.HSM_PIN_LOCKED': '令牌 "{token}"（序列号 {serial}）的用户 PIN 已被锁定。',
  'problem.HSM_PIN_LOCKED.next': '请令牌的安全管理员（SO）解锁或重置用户 PIN，然后重新开始此步骤。',
  'problem.HSM_PIN_NOT_SET': '令牌 "{token}"（序列号 {serial}）尚未设置用户 PIN。',
  'problem.HSM_PIN_NOT_SET.next': '请令牌的安全管理员（SO）设置用户 PIN，然后重新开始此步骤。',
  'problem.HSM_PIN_PROMPT_UNAVAILABLE': 'Keyferry 无法提示输入 HSM PIN：没有可输入的终端。',
  'problem.HSM_PIN_PROMPT_UNAVAILABLE.next': '请将 PIN 放入环境变量，并用 --hsm-pin-env 指明变量名。',
  'problem.HSM_PIN_INPUT_ENDED':
    '在输入 HSM 令牌 "{token}" 的 PIN 之前输入就结束了（按了 Ctrl-D，或终端已关闭）。未打开该令牌，也尚未生成任何密钥材料。',
  'problem.HSM_PIN_INPUT_ENDED.next':
    '请在终端上重新运行该命令，并在提示时输入 PIN；或将 PIN 放入环境变量，并用 --hsm-pin-env 指明变量名。',
  'problem.HSM_OPERATION_FAILED':
    '在{operation, select, module {启动模块} slots {列出插槽} token {读取令牌} mechanisms {列出机制} session {打开会话} login {登录} logout {关闭会话} generate {生成密钥} attributes {读取密钥属性} find {在令牌中查找密钥} import {导入 KMS 包装密钥} wrap {包装密钥} kcv {计算密钥校验值} trial {试验包装} destroy {销毁临时密钥} discard {销毁已停止尝试的令牌对象} other {与 HSM 通信}}时，HSM 返回 {ckr}。',
  'problem.HSM_OPERATION_FAILED.next':
    '{surface, select, app {请检查 HSM 已连接且正常（点击“列出令牌”：其令牌应在列表中），然后重试此步骤。} other {请检查 HSM 已连接且正常（keyferry hsm info），然后重试此步骤。}}',
  'problem.HSM_MECHANISM_REFUSED':
    '在{operation, select, module {启动模块} slots {列出插槽} token {读取令牌} mechanisms {列出机制} session {打开会话} login {登录} logout {关闭会话} generate {生成密钥} attributes {读取密钥属性} find {在令牌中查找密钥} import {导入 KMS 包装密钥} wrap {包装密钥} kcv {计算密钥校验值} trial {试验包装} destroy {销毁临时密钥} discard {销毁已停止尝试的令牌对象} other {与 HSM 通信}}时，HSM 拒绝了该机制或其参数（{ckr}）。',
  'problem.HSM_MECHANISM_REFUSED.next':
    '{surface, select, app {请点击“列出令牌”并选择该令牌：其“仪式所用的机制”会显示它支持哪些机制。请使用支持该机制的令牌。} other {请运行 keyferry hsm info 查看令牌支持的机制，并使用支持该机制的令牌。}}',
  'problem.HSM_KEY_WRAP_REFUSED': 'HSM 不允许导出此密钥，即使是包装后的形式（{ckr}）。',
  'problem.HSM_KEY_WRAP_REFUSED.next': '请为本次导入生成新密钥（其材料必须可包装），或选择其他密钥。',
  'problem.HSM_ANSWER_INVALID': 'HSM 的应答无法接受：{detail}。',
  'problem.HSM_ANSWER_INVALID.next':
    '{surface, select, app {请用厂商工具检查 HSM，并点击“列出令牌”查看它报告的信息。} other {请用厂商工具和 keyferry hsm info 检查 HSM。}}',
  'problem.HSM_WRAP_INVALID': 'HSM 生成的包装结果长度错误：{detail}。',
  'problem.HSM_WRAP_INVALID.next': 'PKCS#11 模块可能有故障，请联系厂商检查。',
  'problem.HSM_KEY_NOT_FOUND':
    '令牌 "{token}" 中没有{by, select, label {标签为 "{key}"} other {CKA_ID 为 {key}{idText, select, yes {（即文本 {keyText}）} other {}}}}的{kind, select, secret {对称密钥} other {私钥}}。',
  'problem.HSM_KEY_NOT_FOUND.next':
    '{surface, select, app {{by, select, label {请用 HSM 厂商工具核对标签（区分大小写）} other {请用 HSM 厂商工具确认这是保存该密钥材料的令牌，且其对象带有该 CKA_ID（Keyferry 为其生成的密钥设置 KMS 密钥 ID），或按标签指定对象：在其“密钥 …的令牌对象标签”字段中输入该标签（在“使用令牌中已有的密钥”下）}}，或让 Keyferry 在 HSM 中生成密钥（“在令牌内生成新密钥”）。} other {{by, select, label {请用 HSM 厂商工具核对标签（区分大小写）} other {请用 HSM 厂商工具确认这是保存该密钥材料的令牌，且其对象带有该 CKA_ID（Keyferry 为其生成的密钥设置 KMS 密钥 ID），或按标签指定对象（--hsm-key-label KEYID=LABEL）}}，或让 Keyferry 在 HSM 中生成密钥。}}',
  'problem.HSM_KEY_CHOSEN_TWICE':
    '{proof, select, object {令牌 "{token}" 中的令牌密钥 {object} 被同时选给了本仪式的两个密钥：{firstKeyId} 和 {keyId}。} other {令牌 "{token}" 中分别选给本仪式密钥 {firstKeyId} 和 {keyId} 的令牌密钥 {firstObject} 和 {object} 持有同一份密钥材料（{proof, select, spki {公钥相同} block {在两者之下加密同一随机数据块的结果相同} other {密钥校验值相同，不同的密钥材料约每 1600 万对才会有一对相同}}）。}}这样 KMS 会在两个密钥中持有同一份密钥材料，而各自都被当作独立的材料。未生成或包装任何内容。',
  'problem.HSM_KEY_CHOSEN_TWICE.next':
    '{where, select, app {请为每个密钥输入持有其各自密钥材料的令牌对象的标签（在“使用令牌中已有的密钥”下），然后再次检查令牌。} other {请为每个密钥指定各自的令牌密钥：每个密钥一个 --hsm-key-label KEYID=LABEL，每个 LABEL 指向持有各自密钥材料的对象；然后重新运行。}}副本组无需单独的标签：其密钥共用主密钥的材料。',
  'problem.HSM_KEY_AMBIGUOUS':
    '令牌 "{token}" 中有 {count} 个{by, select, label {标签为 "{key}"} other {CKA_ID 为 {key}{idText, select, yes {（即文本 {keyText}）} other {}}}}的密钥：{objectsList}。',
  'problem.HSM_LABEL_TAKEN':
    '令牌 "{token}" 中已有 {count} 个密钥对象使用 Keyferry 为此仪式的密钥材料设定的标签：{objectsList}。再生成会在同一标签下增加更多对象，之后的恢复会找到多个对象而拒绝（HSM_KEY_AMBIGUOUS）。未生成任何内容。',
  'problem.HSM_LABEL_TAKEN.next':
    '{finishedSession, plural, =0 {它们存放着为本仪式生成的密钥材料（由另一个日志中的包装，或本日志的另一个副本生成），这些材料可能已被导入，且可能是其唯一副本：切勿删除这些对象或给它们改用其他标签。} other {它们是本日志第 {finishedSession} 次会话已完成的包装所生成密钥材料的托管副本，该包装的包可能已被导入：切勿删除这些对象或给它们改用其他标签，否则该密钥材料将永久丢失。}}{where, select, app {请改用这些已有的密钥材料（选择“使用令牌中已有的密钥”：标签字段留空的密钥按 CKA_ID = 密钥 ID 查找；或为每个密钥输入其令牌对象标签），然后重新检查令牌。} other {请改用这些已有的密钥材料（--hsm-existing-keys 按 CKA_ID = 密钥 ID 查找，或 --hsm-key-label KEYID=LABEL），然后重新运行。}}',
  'problem.HSM_LEFT_OBJECT_UNPROVEN':
    '令牌对象 "{label}"（{objectClass, select, CKO_SECRET_KEY {对称密钥} CKO_PRIVATE_KEY {私钥} CKO_PUBLIC_KEY {公钥} other {{objectClass}}}，CKA_ID {objectId}）由一个未经停止即已结束的会话留下（见日志条目 {seq}），未被销毁：{why, select, sameEvidence {该标签和 CKA_ID 下有不止一个对象显示该会话记入日志的校验值或公钥} other {该标签和 CKA_ID 下有对象无法显示可与该会话日志比对的校验值或公钥（EC 私钥通过签名核对，需要其公钥仍在令牌中）}}，因此 Keyferry 无法将该会话的对象与已完成会话作为托管副本保留的对象区分开。',
  'problem.HSM_LEFT_OBJECT_UNPROVEN.next':
    '手动删除任何对象之前，请先用 HSM 厂商工具找出该会话生成的是哪个对象（其校验值或公钥记录在该会话的 material.generated 条目中）：日志条目 {seq} 给出的命令按标签和 CKA_ID 删除，而已完成会话的对象可能使用相同的标签和 CKA_ID。',
  'problem.HSM_LEFT_OBJECT_STILL_UNPROVEN':
    '令牌对象 "{label}"（{objectClass, select, CKO_SECRET_KEY {对称密钥} CKO_PRIVATE_KEY {私钥} CKO_PUBLIC_KEY {公钥} other {{objectClass}}}，CKA_ID {objectId}）由一个未经停止即已结束的会话留下（见日志条目 {seq}），仍在令牌中，本次仍未被销毁：{why, select, sameEvidence {该标签和 CKA_ID 下有不止一个对象显示该会话记入日志的校验值或公钥} other {该标签和 CKA_ID 下有对象无法显示可与该会话日志比对的校验值或公钥（EC 私钥通过签名核对，需要其公钥仍在令牌中）}}。日志条目 {firstSeq} 首次记录了它被留下；不会再次记录为留下。',
  'problem.HSM_LEFT_OBJECT_STILL_UNPROVEN.next':
    '在有人手动删除之前它会一直留在令牌中：请先用 HSM 厂商工具找出该会话生成的是哪个对象（其校验值或公钥记录在该会话的 material.generated 条目中），因为日志条目 {seq} 给出的命令按标签和 CKA_ID 删除，而已完成会话的对象可能使用相同的标签和 CKA_ID。',
  'problem.HSM_KEY_AMBIGUOUS.next':
    '{where, select, restore {Keyferry 不会在它们之间替您选择。请找出哪个对象持有本仪式记录的密钥材料（其密钥校验值或公钥指纹与生成时离线日志记录的一致；请用 HSM 厂商工具核对），然后删除其余对象（pkcs11-tool … --login --delete-object --id … --label …），或用厂商工具给它们改用其他标签；然后再次恢复。} app {Keyferry 不会在它们之间替您选择。请用 HSM 厂商工具找出哪个对象是您要用的密钥（核对其校验值或公钥），然后删除其余对象（pkcs11-tool … --login --delete-object --id … --label …），或给该密钥设置一个其他对象都没有的标签，并在其“密钥 …的令牌对象标签”字段中输入此标签（在“使用令牌中已有的密钥”下）；然后重新检查令牌。} other {Keyferry 不会在它们之间替您选择。请用 HSM 厂商工具找出哪个对象是您要用的密钥（核对其校验值或公钥），然后删除其余对象（pkcs11-tool … --login --delete-object --id … --label …），或给该密钥设置一个其他对象都没有的标签并按此标签选择（--hsm-key-label KEYID=LABEL）；然后重新运行。}}',
  'problem.HSM_PUBLIC_KEY_NOT_FOUND':
    '令牌 "{token}" 中没有唯一一个{by, select, label {标签为 "{key}"} other {ID 为 {key}}}的公钥与该私钥对应。',
  'problem.HSM_PUBLIC_KEY_NOT_FOUND.next': '请为公钥对象设置与私钥相同的标签，然后重试。',
  'problem.HSM_KEY_NOT_EXTRACTABLE':
    '{by, select, label {标签为 "{key}"} other {ID 为 {key}}}的密钥不可导出（CKA_EXTRACTABLE 为 false）：HSM 永远不会让它离开，即使包装后也不行，因此无法导入 KMS。',
  'problem.HSM_KEY_NOT_EXTRACTABLE.next': '请使用创建时可导出的密钥，或让 Keyferry 为本次导入在 HSM 中生成新密钥。',
  'problem.HSM_KEY_WRONG_TYPE': 'HSM 密钥 {key} 是 {found}，而 KMS 密钥是 {spec}。',
  'problem.HSM_KEY_WRONG_TYPE.next': '请选择 {spec} 密钥，或让 Keyferry 在 HSM 中生成。',
  'problem.HSM_OAEP_HASH_UNSUPPORTED':
    '令牌 "{token}" 无法为 {algorithm} 使用 CKM_RSA_PKCS_OAEP 包装（试验包装返回 {ckr}）；它只支持 {worksWith} 的 OAEP。',
  'problem.HSM_OAEP_HASH_UNSUPPORTED.next':
    '如果 KMS 区域支持，请在联网端以 {worksWithAlgorithm} 为同一批密钥重新获取导入参数（online params 可以指定该算法），并带来该参数包；或使用支持 {algorithm} 的 OAEP 的令牌。',
  'problem.HSM_OAEP_UNSUPPORTED': '令牌 "{token}" 无法为 {algorithm} 使用 CKM_RSA_PKCS_OAEP 包装（{detail}）。',
  'problem.HSM_OAEP_UNSUPPORTED.next': '请使用支持该哈希的 CKM_RSA_PKCS_OAEP 的令牌，或在软件中生成密钥材料。',
  'problem.HSM_GENERATOR_MISSING': '令牌 "{token}" 无法为 {spec} 生成密钥：其机制列表中没有 {mechanism}。',
  'problem.HSM_GENERATOR_MISSING.next': '请使用具有 {mechanism} 的令牌，或在软件中生成此密钥。',
  'problem.HSM_KEY_SIZE_UNSUPPORTED':
    '令牌 "{token}" 用 {mechanism} 只能生成 {min} 到 {max} 位的密钥；{spec} 需要 {bits} 位。',
  'problem.HSM_KEY_SIZE_UNSUPPORTED.next': '请使用能生成 {spec} 密钥的令牌，或在软件中生成此密钥。',
  'problem.HSM_KCV_UNAVAILABLE': '令牌 "{token}" 无法计算 AES 密钥校验值（既无 CKA_CHECK_VALUE 也无 CKM_AES_ECB）。',
  'problem.HSM_KCV_UNAVAILABLE.next': '请使用具有 CKM_AES_ECB 的令牌，或在软件中生成密钥材料。',
  'problem.HSM_AES_WRAP_MISSING':
    '令牌 "{token}" 没有能为 {spec} 生成 RFC 5649 格式输出的带填充 AES 密钥包装：{listed, plural, =0 {其机制列表中既没有 CKM_AES_KEY_WRAP_KWP (0x210B) 也没有 CKM_AES_KEY_WRAP_PAD (0x210A)} other {其试验包装无法按 RFC 5649 解包}}。',
  'problem.HSM_AES_WRAP_MISSING.next':
    '请使用具有 CKM_AES_KEY_WRAP_KWP (0x210B) 的令牌，或在软件中生成此密钥：KMS 要求按 RFC 5649 包装私钥。',
  'problem.HSM_WRAP_PAD_NOT_EXACT':
    '令牌 "{token}"：{mechanism} 不严格符合 RFC 5649。它用零填充到 8 的倍数并记录填充后的长度（{sent} 字节的试验密钥返回 {returned} 字节），因此 PKCS#8 长度不是 8 的倍数的私钥到达 KMS 时会多出最多 7 个零字节，KMS 可能拒绝。',
  'problem.HSM_WRAP_PAD_NOT_EXACT.next':
    '{surface, select, app {请使用具有 CKM_AES_KEY_WRAP_KWP (0x210B) 或严格 CKM_AES_KEY_WRAP_PAD 的令牌，或在软件中生成此密钥。仅用于演练时，可勾选“仅限演练：接受 CKM_AES_KEY_WRAP_PAD 以零填充的令牌（SoftHSM 2.6）；作为偏差记入日志”后重试。} other {请使用具有 CKM_AES_KEY_WRAP_KWP (0x210B) 或严格 CKM_AES_KEY_WRAP_PAD 的令牌，或在软件中生成此密钥。仅用于演练时，可用 --hsm-accept-zero-filled-pad 接受（作为偏差记入日志）。}}',
  'hsm.restore.proven':
    '已证明：{count, plural, one {该令牌对象保存的} other {这 # 个令牌对象各自保存的}}正是隔离网络日志记录的材料（在 HSM 中计算的密钥校验值或公钥 SHA-256 相同）。',
  'hsm.cli.recalled': '密钥 {keyId}（{spec}）：已找到令牌对象 "{label}"，{check} 与日志条目 {seq} 相同',
  'problem.HSM_RESTORE_TOKEN_DIFFERS':
    '令牌 "{token}" 的序列号为 {found}，但隔离网络日志记录材料保存在序列号为 {recorded} 的令牌中。',
  'problem.HSM_RESTORE_TOKEN_DIFFERS.next':
    '{surface, select, app {请连接序列号为 {recorded} 的令牌，点击“列出令牌”（会显示各令牌的序列号），并在“令牌”中选择它。} other {请连接序列号为 {recorded} 的令牌（keyferry hsm info 会列出序列号），并用 --hsm-token 选择它。}}',
  'problem.HSM_RESTORE_OBJECT_MISSING':
    '令牌（序列号 {serial}）中没有标签为 "{label}" 的对象，而日志条目 {seq} 记录它是密钥 {keyId} 的材料。',
  'problem.HSM_RESTORE_OBJECT_MISSING.next':
    '请用 HSM 厂商工具检查该对象是否被删除或改名；如果已不存在，则无法从此令牌恢复材料（请先用厂商备份恢复令牌）。',
  'problem.HSM_RESTORE_OBJECT_DIFFERS':
    '令牌对象 "{label}" 不是日志条目 {seq} 记录的密钥 {keyId} 的材料：其{check, select, kcv {密钥校验值} other {公钥 SHA-256}}为 {found}，日志记录的是 {recorded}。',
  'problem.HSM_RESTORE_OBJECT_DIFFERS.next':
    '未包装任何内容。请用 HSM 厂商工具查明是谁替换了该对象；KMS 只接受相同的字节，因此只有记录的材料才能再次导入。',
  'problem.HSM_RESTORE_NOT_RECORDED': '日志 {journal} 中没有密钥 {keyId} 的 HSM 令牌对象记录，因此无法从 HSM 恢复它。',
  'problem.HSM_RESTORE_NOT_RECORDED.next':
    '{surface, select, app {请给出在 HSM 中生成该密钥的离线仪式日志（“记录这些令牌对象的离线端日志”）；如果材料曾被拆分为份额，请用保管份额恢复。} other {请给出在 HSM 中生成该密钥的隔离网络仪式日志（--hsm-journal FILE）；如果材料曾被拆分为份额，请用保管份额恢复。}}',
  'problem.HSM_RESTORE_SHARES_PRESENTED':
    'HSM 中的材料没有保管份额：它从未以明文离开 HSM，因此从未被拆分，份额不能与从令牌恢复混用。',
  'problem.HSM_RESTORE_SHARES_PRESENTED.next':
    '请单独举行仪式：要么从令牌恢复（使用 HSM 选项，不提供份额），要么从份额恢复（不使用 HSM 选项）。',
  'problem.HSM_RESTORE_JOURNAL_INVALID': '隔离网络日志 {file} 不可信：第 {line} 行：{reasonPhrase}。',
  'problem.HSM_RESTORE_JOURNAL_INVALID.next':
    '{surface, select, app {请使用离线仪式写下的原始日志，而不是被修改过的副本，并在“记录这些令牌对象的离线端日志”中给出它。} other {请使用隔离网络仪式写下的原始日志（可用 keyferry journal verify 检查），而不是被修改过的副本。}}',
  'problem.HSM_RESTORE_NEEDS_BUNDLE': '从 HSM 恢复是一场恢复仪式：它为新的导入参数包重新包装令牌对象。',
  'problem.HSM_RESTORE_NEEDS_BUNDLE.next':
    '请同时给出 --bundle PARAMS_DIR 以及 --wrapped-out、--journal、--operator 和 --witness（见 keyferry custody restore --help）。',
};
