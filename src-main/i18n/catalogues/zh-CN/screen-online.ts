/** 联网屏幕（src-renderer/screens/online/*）：连接、密钥、创建、导入参数、导入、验证。 */
import { KEY_STATE } from './kms';
import type { enScreenOnline } from '../en/screen-online';

export const zhCNScreenOnline: { readonly [K in keyof typeof enScreenOnline]: string } = {
  'online.heading': '{rehearsal, select, yes {联网侧（演练）} other {联网工作站}}',
  'connect.title.rehearsal': '启动 KMS 模拟器',
  'connect.title': '连接 KMS',
  'connect.rehearsal-intro': '演练针对本机上 Keyferry 内置的 KMS 模拟器运行（仅限环回接口），不会访问任何云账号。',
  'connect.start-simulator': '启动模拟器',
  'connect.region': '区域',
  'connect.region.hint': '例如 cn-north-4。',
  'connect.project-id': '项目 ID',
  'connect.endpoint': '终端节点（可选）',
  'connect.endpoint.hint': '留空则使用该区域的 KMS 终端节点。仅支持 https。',
  'connect.ca': '附加 CA 证书（可选）',
  'connect.ca.hint': 'PEM 文件，仅在您的网络会检查 TLS 流量时需要。',
  'connect.access-key-id': '访问密钥 ID（AK）',
  'connect.access-key-held': '本次会话已保存：{hint}。留空即继续使用。',
  'connect.secret': '私有访问密钥（SK）',
  'connect.secret.hint': '除非选择记住，否则仅保存在内存中；不会再次显示。',
  'connect.security-token': '安全令牌（仅用于临时安全凭证）',
  'connect.test': '测试连接',
  'connect.connected-to': '已连接到',
  'connect.project': '项目',
  'connect.access-key': '访问密钥',
  'connect.replica-regions': '其他区域（用于副本）',
  'connect.session-unrecorded-creates':
    '日志条目 {seq}：{reason}：{creates}。回执在偏差中列出此事。使用同一计划再次创建密钥（“创建外部密钥”步骤）时，会先在 KMS 中查找：若在{count, plural, other {该}}别名下找到按本仪式的方式创建的密钥（外部来源、等待导入、创建于该次发送之后），则将其作为该次发送所创建的密钥记入日志，不再重复创建；KMS 中没有该别名的密钥则予以创建；该别名已被其他密钥使用则予以拒绝。',
  'connect.keys-visible': '可见密钥数',
  'remember.checking': '正在检查本机能否记住凭证…',
  'remember.choice': '在本机记住这些凭证（由操作系统加密）',
  'remember.remembered': '本机已记住凭证：访问密钥 ID 末尾为',
  'remember.project': '，项目',
  'remember.at': '位于',
  'remember.saved': '，保存于 {at}。',
  'remember.connect': '使用已记住的凭证连接',
  'remember.forget': '清除',
  'keys.spec-option': '{kind, select, symmetric {{spec}（对称，加密和解密）} ec {{spec}（签名和验签）} other {{spec}}}',
  'keys.filter': '{filter, select, all {全部状态} other {{state}}}',
  'kms.state': KEY_STATE,
  'keys.title': 'KMS 中的密钥',
  'keys.show-in-state': '显示以下状态的密钥',
  'keys.list': '列出密钥',
  'keys.caption': '{count, plural, other {# 个密钥}}（{filter, select, all {全部状态} other {{state}}}）',
  'keys.col.alias': '别名',
  'keys.col.key-id': '密钥 ID',
  'keys.col.spec': '规格',
  'keys.col.state': '状态',
  'keys.col.in-ceremony': '本次仪式',
  'create.title': '创建外部密钥',
  'create.intro': '每个密钥以“外部”密钥材料来源创建，并等待导入密钥材料（状态为“等待导入”）。',
  'create.key': '密钥 {n}',
  'create.alias': '密钥 {n} 的别名',
  'create.alias.hint': '字母、数字以及 : / _ -',
  'create.spec': '密钥 {n} 的密钥规格',
  'create.usage': '密钥 {n} 的用途',
  'create.usage.sign': '签名和验签',
  'create.usage.encrypt': '加密和解密',
  'create.remove': '移除密钥 {n}',
  'create.description': '密钥 {n} 的描述（可选）',
  'create.expiry': '密钥 {n} 的密钥材料到期时间（可选）',
  'create.expiry.hint':
    '留空：使用本仪式的设置（{expiry}）。也可填写 never、从创建时起算的时长（如 90d），或带时区的日期时间（如 2027-06-30T00:00:00Z），与计划文件相同。仅适用于 AES 密钥：导入的 RSA 和 EC 密钥材料永不过期。',
  'create.col.expires': '密钥材料到期时间',
  'create.created-table': '已创建的密钥及其密钥材料到期时间',
  'create.plan.file': '计划文件（JSON）',
  'create.plan.file.hint':
    'CLI 读取的仪式计划（keyferry online create-key --example-plan 会打印一个示例）。其中的密钥会填入下方表单，请在创建前核对；仪式名称和人员仍以设置为准。',
  'create.plan.read': '读取计划文件',
  'create.plan.read-keys': '已从 {file} 读取 {count, plural, other {# 个密钥}}：请在下方核对后再创建。',
  'create.plan.differs':
    '计划中的{field, select, title {仪式名称} operator {操作员} witnesses {见证人} wrappingAlgorithm {包装密钥算法} other {密钥材料到期时间}}为 {plan}；本次仪式的设置为 {setup}。以设置为准：只采用计划中的密钥。',
  'create.plan.expiry-filled':
    '计划中的密钥材料到期时间为 {plan}；本次仪式的设置为 {setup}。已将计划中的到期时间填入下方每个没有自己到期时间的 AES 密钥：请在创建前核对。',
  'create.planned': '待创建 {count, plural, other {# 个密钥}}',
  'create.replicas': '密钥 {n} 的副本',
  'create.replicas.hint':
    '在另一区域或项目的密钥中放入相同的密钥材料，以备某个区域不可用：每个副本通过其所在区域和项目的连接创建，拥有自己的包装密钥和导入令牌，导入后会证明其密钥材料相同。',
  'create.replica.region': '密钥 {n} 的副本 {m} 的区域',
  'create.replica.project': '密钥 {n} 的副本 {m} 的项目 ID',
  'create.replica.remove': '移除密钥 {n} 的副本 {m}',
  'create.replica.add': '为密钥 {n} 添加副本',
  'create.with-replicas':
    '{keys, plural, other {# 个密钥}}和 {replicas, plural, other {# 个副本}}：KMS 中将共有 {total, plural, other {# 个密钥}}。',
  'create.add': '再添加一个密钥',
  'create.button': '创建 {count, plural, other {# 个外部密钥}}',
  'params.title': '获取导入参数并写入移动存储介质',
  'params.intro':
    'KMS 为每个密钥签发一个包装密钥和一个导入令牌，有效期 24 小时。包摘要约束它们全部：在离线工作站朗读，由每位见证人在那里输入。',
  'params.sources.legend': '要获取参数的密钥',
  'params.sources.hint':
    '等待中的密钥从不同的来源取得密钥材料，而一个参数包只能容纳由同一个离线步骤取回其密钥材料的密钥（托管恢复只重建所给托管副本中的密钥）。请一次只为一组密钥获取参数、写出参数包并导入（每个选项都说明由什么取回其密钥材料）；然后再选择下一组。',
  'params.fetch-new': '获取新的导入参数',
  'params.fetch': '获取导入参数',
  'params.algorithm.label': '下一次导入参数的包装密钥算法',
  'params.algorithm.hint':
    'KMS 用来包装导入内容的算法。除非离线端的 HSM 拒绝了它（该 HSM 只支持 SHA-1 的 OAEP），否则请保留 RSAES_OAEP_SHA_256；若被拒绝，请选择 RSAES_OAEP_SHA_1，并为同一批密钥获取新的导入参数。此更改会记入日志。',
  'params.algorithm.issued': '按包装密钥算法 {algorithms} 签发。',
  'params.fingerprint': '包装密钥指纹（SHA-256），受包摘要约束：',
  'params.fingerprint-of': '{alias} 的包装密钥指纹',
  'params.folder': '存放该包的移动存储介质文件夹',
  'params.folder.hint': '会在其中新建 import-parameters-… 文件夹；任何内容都不会被覆盖。',
  'params.write': '写入导入参数包',
  'params.digest': '导入参数包摘要：请在离线工作站朗读，每位见证人在那里输入（它约束包中的每个包装密钥和导入令牌）：',
  'params.carry': '将移动存储介质带到离线工作站。',
  'params.not-taken':
    '不要将此参数包带到离线工作站：没有密钥使用它（上方的警告说明了原因，并要求销毁它及其所有副本）。',
  'params.before.own':
    '{count, plural, other {{keys}}}此前已导入过密钥材料：KMS 只接受同一份密钥材料再次导入，因此新生成的密钥材料会被拒绝（KMS.2606）。',
  'params.before.group':
    '{holderIs, select, itsPrimary {{member}是{holder}的副本，而后者持有此前导入的密钥材料：一个副本组只持有一份密钥材料，因此该副本须导入同一份密钥材料，而不是新生成的密钥材料。} other {{member}从未导入过，而其副本组中的{holder}持有此前导入的密钥材料：一个副本组只持有一份密钥材料，因此该密钥须导入同一份密钥材料，而不是新生成的密钥材料（新生成的密钥材料会使该组持有两份密钥材料）。}}',
  'params.before.next':
    '{custody, select, shares {下一步，请在 24 小时内于离线工作站上，用此参数包从 {total} 份保管份额中的任意 {threshold} 份（保管人：{custodiansList}{set, select, named {；托管集 {setTag}，即其份额文件名中的标记} other {}}；联网日志条目 {seq}）恢复这份密钥材料：使用本应用“恢复”页面中的托管恢复仪式（或 keyferry custody restore）；然后在此处核对并导入它写出的已包装密钥材料包。} hsmToken {下一步，请在 24 小时内于离线工作站上，用此参数包从保存该材料的 HSM 令牌 {token}（联网日志条目 {seq}）恢复这份密钥材料：使用本应用“恢复”页面中的托管恢复仪式（或 keyferry custody restore）；然后在此处核对并导入它写出的已包装密钥材料包。} materialFiles {密钥材料是从操作员保存的文件加载的，且未做托管副本（联网日志条目 {seq}）：只有这些原始文件才能恢复这些密钥。下一步，请在 24 小时内于离线工作站上，加载每个密钥的原始密钥材料文件并用此参数包包装；然后在此处核对并导入它写出的已包装密钥材料包。} none {这份密钥材料没有托管副本（联网日志条目 {seq}）：只有原始密钥材料才能恢复这些密钥；没有它，这些密钥下的所有密文都将无法解密。下一步，请在 24 小时内于离线工作站上，加载原始密钥材料并用此参数包包装。} other {下一步，请在 24 小时内于离线工作站上，用此参数包从本仪式的托管副本恢复这份密钥材料：使用本应用“恢复”页面中的托管恢复仪式（或 keyferry custody restore）；若没有托管副本，只有原始密钥材料才能恢复这些密钥。}}',
  'params.go-air': '前往离线侧',
  'check.title': '读取并检查已包装密钥材料包',
  'check.folder': '已包装密钥材料包文件夹',
  'check.button': '检查包',
  'check.matches':
    '{source, select, rehearsal {该包的摘要即本次演练离线侧写入的摘要} other {该包的摘要与从回执输入的摘要一致}}，且与 KMS 为本次仪式签发的内容一致：密钥、规格、导入令牌和包装密钥均相同；导入令牌仍然有效。',
  'check.digest-lead': '包摘要：',
  'import.title': '选择密钥材料到期时间并导入',
  'import.requested': '包中请求的到期时间：{when}',
  'import.expiry-legend': '导入的 AES 密钥材料何时到期？',
  'import.override': '这会覆盖包中的请求；该覆盖会记录在日志中。',
  'import.expiry-resolve': '显示对应的时间',
  'import.expiry-resolve-first': '显示所输入到期时间对应的时间后才能导入。',
  'import.expiry-resolved': '导入的 AES 密钥材料将于 {when} 到期。',
  'import.expiry-resolved-never': '导入的 AES 密钥材料永不过期。',
  'import.button': '导入密钥材料',
  'import.stopped.summary':
    '导入中途停止：{total} 个密钥中有 {imported} 个已持有其密钥材料（已导入并记入日志）。{unanswered, plural, =0 {} other {有 # 个密钥已发送导入请求，但日志未记录导入已生效：{unansweredKeys}；下次导入会先向 KMS 查询导入是否生效，然后才会再发送任何请求。}}{missing, plural, =0 {} other {有 # 个密钥尚未导入（“等待导入”）：{missingKeys}。}}{elsewhere, plural, =0 {} other {有 # 个密钥在等待此材料包中没有的密钥材料：{elsewhereKeys}。}}仪式尚未完成。',
  'import.stopped.more-keys': '{keys}，以及另外 {count} 个（本次仪式的密钥表列出全部）',
  'import.stopped.again':
    '排除导致停止的原因后（所示问题会说明：KMS 恢复应答、日志的介质有空间、修改被拒绝的请求），{checked, select, no {请先在上面的步骤中再次核对已包装密钥材料包（本次会话尚未读取它：请输入离线回执上的摘要），然后再次点击} other {请再次点击}}“导入密钥材料”：它只导入缺少的部分，已生效的导入不会再次发送。',
  'import.place':
    '{group, select, primary {（区域 {region}，副本组的主密钥）} replica {（区域 {region}，{alias} 的副本）} other {}}',
  'import.imported':
    '已导入，到期时间 {when}{source, select, override {（覆盖）；} other {（按包的请求）；}}{how, select, answered {KMS 已应答} reconciled {已与 KMS 核对} retried {重试后成功} other {{how}}}',
  'verify.title': '校验已导入的密钥',
  'verify.intro':
    'Keyferry 检查每个密钥均为“启用”状态并证明其可用：AES 密钥做一次加密/解密往返，非对称密钥核对公钥并做一次签名或解密。',
  'verify.button': '校验密钥',
  'verify.ok': '已校验',
  'verify.spec-state': '{spec}，{state}',
  'verify.not-ok': '未通过校验',
  'verify.summary': '已校验 {count, plural, other {# 个密钥}}：{ok} 个通过，{failed} 个未通过。',
  'verify.proofs': '密钥的证明',
  'verify.read-states': '从 KMS 读取密钥状态',
  'verify.material-expires': '，密钥材料到期时间 {at}',
  'verify.waiting': '等待重新导入相同的密钥材料',
  'verify.waiting.prove-first':
    '先校验：{count, plural, other {# 个密钥}}持有尚未证明的已导入密钥材料（{keys}），因此仪式处于“已导入密钥材料”步骤，此步骤不能为下列密钥获取或写出新的导入参数。请先证明{count, plural, other {这些密钥}}（“校验密钥”，或“从 KMS 读取密钥状态”：两者都会证明每个持有密钥材料的密钥，并说明需要修正什么）；之后才能为下列密钥获取新的导入参数。',
  'verify.material-gone': '其密钥材料{how, select, lapsed {已在 KMS 中到期} other {已被删除}}。',
  'verify.restore-hint':
    '只有同一份密钥材料才能使这些密钥恢复。请获取新的导入参数（第 4 步），然后在离线工作站上从其托管副本（如果保留了）恢复密钥材料：“从 KMS 读取密钥状态”会说明每个密钥是否保留了托管副本以及由谁持有。没有托管副本时，除非有人仍持有该密钥材料，否则它已丢失。',
  'status.proofs': '持有密钥材料的密钥，现已证明（记入日志，与 online status 在任何步骤证明密钥的方式相同）',
  'status.next.deleted':
    '已按要求删除密钥材料：{key}处于“等待导入”状态，只接受相同的密钥材料。{round, select, parameters {{custody, select, none {它没有托管副本（联网日志条目 {seq}：离线工作站未保留副本）：除非仍有人持有同一份密钥材料，否则它已永久丢失，该密钥下的所有密文都无法解密。新的导入参数本身不能使其恢复：只有有人带来该密钥材料时，才为其获取新的导入参数（“获取导入参数”步骤）并写出参数包，在离线工作站上用该参数包包装该密钥材料，然后在此处核对并导入它写出的已包装密钥材料包。} materialFiles {下一步：为其获取新的导入参数（“获取导入参数”步骤）并写出参数包；在离线工作站上用该参数包再次包装原始密钥材料文件（联网日志条目 {seq} 记录其为唯一副本）；然后在此处核对并导入它写出的已包装密钥材料包。} shares {下一步：为其获取新的导入参数（“获取导入参数”步骤）并写出参数包；在离线工作站上通过托管恢复，用该参数包从 {total} 份保管份额中任意 {threshold} 份（保管人：{custodiansList}{set, select, named {；托管集 {setTag}，即其份额文件名中的标记} other {}}；联网日志条目 {seq}）恢复其密钥材料；然后在此处核对并导入它写出的已包装密钥材料包。} hsmToken {下一步：为其获取新的导入参数（“获取导入参数”步骤）并写出参数包；在离线工作站上用该参数包从保存该材料的 HSM 令牌 {token}（联网日志条目 {seq}）恢复其密钥材料；然后在此处核对并导入它写出的已包装密钥材料包。} other {下一步：为其获取新的导入参数（“获取导入参数”步骤），在离线工作站上用这些参数恢复或包装其密钥材料，然后在此处核对并导入已包装密钥材料包。}}} other {其下一轮已在进行：见下文。}}',
  'status.next.round-wrap':
    '{keys}的新导入参数在导入参数包 {folder} 中（日志条目 {seq}），写于{count, plural, =1 {该密钥} other {这些密钥}}的密钥材料丢失之后。下一步，在离线工作站上{custody, select, shares {通过“恢复”界面的托管恢复仪式，用该参数包从 {total} 份保管份额中的任意 {threshold} 份（保管人：{custodiansList}{set, select, named {；托管集 {setTag}，即其份额文件名中的标记} other {}}；联网日志条目 {custodySeq}）恢复密钥材料} hsmToken {通过“恢复”界面的托管恢复仪式，用该参数包从保存该材料的 HSM 令牌 {token}（联网日志条目 {custodySeq}）恢复密钥材料} materialFiles {用该参数包再次包装原始密钥材料文件（联网日志条目 {custodySeq} 记录其为唯一副本）} none {用该参数包包装原始密钥材料（如果仍有人持有；未保留托管副本：联网日志条目 {custodySeq}）} other {使用该参数包恢复或包装密钥材料}}；然后在此处使用其回执上的摘要核对并导入它写出的已包装密钥材料包。',
  'status.next.round-import':
    '持有 {keys} 密钥材料的已包装密钥材料包 {folder} 已通过核对（日志条目 {seq}），但尚未从中导入任何内容。{refused, select, group {其导入已在日志条目 {refusedSeq} 被拒绝（REPLICA_GROUP_EXPIRY_DIFFERS）：副本组的一个成员持有该密钥材料，到期时间为 {held}，本次导入也必须给出该到期时间。下一步，以该到期时间导入它（“选择密钥材料到期时间并导入”步骤）。} expiry {其导入已在日志条目 {refusedSeq} 被拒绝（{code}：{by, select, kms {按 KMS 的时钟} simulator {按演练模拟器的时钟} other {按本计算机的时钟}}密钥材料到期时间不在未来），因此同一导入会再次被拒绝。下一步，以更晚的到期时间导入它（“选择密钥材料到期时间并导入”步骤）。} other {下一步，导入该材料包（“选择密钥材料到期时间并导入”步骤）。}}',
  'status.next.unrecorded-not-taken':
    'KMS 中有 {count} 个密钥仍处于“等待导入”状态，但本日志显示已向其发送导入（日志条目 {seq}）且没有记录结果：{keys}。KMS 的状态表明该导入没有生效：仪式尚未完成。请再次导入（材料包 {folder}，使用其离线回执上的摘要核对）：它会先询问 KMS，导入令牌有效期内用同一个令牌再次发送导入，并在日志中记为对未记录结果的那次发送的重试；令牌过期后，它会提示重新获取导入参数。',
  'status.next.unrecorded-imports':
    'KMS 中有 {count} 个密钥已启用，本日志显示已向其发送导入但没有记录结果：{keys}。请再次导入{bundles, select, none {} other {（材料包 {bundles}）}}：它会先询问 KMS，将每个这样的密钥与材料包核对（密钥材料到期时间，RSA 和 EC 密钥还核对公钥），予以记录，且不会重复发送。',
  'status.next.unproven-imports':
    'KMS 中有 {count} 个密钥已启用，但本日志显示向其发送的导入得到的是一个错误答复，不能说明导入是否生效：{answers}。请再次导入{bundles, select, none {} other {（材料包 {bundles}）}}：它会先询问 KMS，将每个这样的密钥与材料包核对（密钥材料到期时间，RSA 和 EC 密钥还核对公钥），予以记录，且不会重复发送。',
  'status.next.answered-not-taken':
    'KMS 中有 {count} 个密钥仍处于“等待导入”状态，但本日志显示向其发送的导入得到的是一个错误答复，不能说明导入是否生效：{answers}。KMS 现在的状态表明该导入没有生效：仪式尚未完成。请再次导入{folder, select, none {} other {（材料包 {folder}，使用其离线回执上的摘要核对）}}：它会先询问 KMS；导入令牌有效期内用同一个令牌再次发送导入，令牌过期后会提示重新获取导入参数。',
  'status.next.lapsed':
    '密钥材料已失效：{key}曾经导入，但密钥材料到期后 KMS 已将其删除（导入时记录的到期时间：{expires}）；该密钥已回到“等待导入”状态，只接受同一份密钥材料再次导入。{round, select, parameters {{custody, select, none {它没有托管副本（联网日志条目 {seq}：离线工作站未保留副本）：除非仍有人持有同一份密钥材料，否则它已永久丢失，该密钥下的所有密文都无法解密。新的导入参数本身不能使其恢复：只有有人带来该密钥材料时，才为其获取新的导入参数（“获取导入参数”步骤）并写出参数包，在离线工作站上用该参数包包装该密钥材料（需指定新的到期时间：原到期时间已过），然后在此处核对并导入它写出的已包装密钥材料包。} materialFiles {下一步：为其获取新的导入参数（“获取导入参数”步骤）并写出参数包；在离线工作站上用该参数包再次包装原始密钥材料文件（联网日志条目 {seq} 记录其为唯一副本），并指定新的到期时间；然后在此处核对并导入它写出的已包装密钥材料包。} other {下一步：为其获取新的导入参数（“获取导入参数”步骤）并写出参数包；在离线工作站上用该参数包从{custody, select, shares { {total} 份保管份额中任意 {threshold} 份（保管人：{custodiansList}{set, select, named {；托管集 {setTag}，即其份额文件名中的标记} other {}}；联网日志条目 {seq}）} hsmToken {保存该材料的 HSM 令牌 {token}（联网日志条目 {seq}）} other {本仪式的托管副本}}恢复其密钥材料（托管恢复，需指定新的到期时间：原到期时间已过）；然后在此处核对并导入它写出的已包装密钥材料包。}}} other {其下一轮已在进行：见下文。}}',
  'status.next.prove-first':
    '先校验：{proveCount} 个密钥持有尚未证明的已导入密钥材料（{prove}），因此仪式处于“{statePhrase}”步骤，此步骤不能写出导入参数包；{lostCount} 个密钥在等待新的导入参数（{lost}）。下一步：1. 证明这些密钥（“校验密钥”步骤，或再次读取密钥状态：两者都会证明每个持有密钥材料的密钥，并将每项证明记入日志；证明失败时会说明需要修复什么）；2. 然后获取新的导入参数（“获取导入参数”步骤）并写出参数包。',
  'status.next.bundle-plan':
    '{takes, plural, =0 {目前写出的导入参数包都不能为等待密钥材料的密钥包装。} =1 {目前写出的导入参数包中有一个供等待密钥材料的密钥使用，见下一行。} other {等待密钥材料的密钥分别使用 {takes} 个导入参数包（曾只为部分密钥获取导入参数），见下面各行：请在同一份离线日志中把每个参数包只包装一次，供其列出的密钥使用，并在此处检查和导入每次包装写出的内容（若下面某行指出此处已检查过其参数包的一次包装，则改为导入那次包装）。}}一次包装会涵盖其参数包中的每个密钥，一个密钥若从两个参数包包装，其密钥材料就会出现两个版本。{destroy, plural, =0 {} other {没有密钥使用以下 {destroy} 个参数包，而 KMS 仍可能接受其导入令牌：请销毁{destroy, plural, =1 {它} other {它们}}及其所有副本，切勿包装：{destroyList}（文件夹和摘要）。}}{fresh, plural, =0 {} other {没有任何参数包应为 {freshKeys}包装（包装它会同时包装一个使用其他参数包或已持有密钥材料的密钥，或拆开一个副本组）：请在同一个参数包中只为{fresh, plural, =1 {该密钥} other {这些密钥}}获取新的导入参数（步骤“获取导入参数”，选中{fresh, plural, =1 {该密钥} other {这些密钥}}），然后包装由此写出的参数包。}}',
  'status.next.bundle-take':
    '{wrapped, select, yes {已包装密钥材料包 {wrap} 已在日志第 {wrapSeq} 条检查、尚未导入，它由导入参数包 {dir}（日志第 {seq} 条）包装而成，含有{keys}的密钥材料：请检查并导入那次包装（步骤“读取并检查已包装密钥材料包”），不要再次包装 {dir}。} other {请在离线工作站上为{keys}包装导入参数包 {dir}（日志第 {seq} 条，摘要 {digest}），然后在此处检查并导入它写出的内容。}}',
  'status.next.partly-imported':
    '{total} 个密钥中有 {count} 个尚未导入（“等待导入”）：{keys}。仪式尚未完成{groups, select, yes {，含有这类密钥的副本组也不完整} other {}}。{tokens, select, lapsed {{count, plural, =1 {它} other {它们}}的导入令牌已于 {until, date, moment} 过期（{tokensBy, select, kms {按 KMS 的时钟：{refused, select, token {见其在日志条目 {refusedSeq} 的拒绝，{code}} other {由它此后签发的导入令牌可知}}} other {{clock, select, simulator {按演练模拟器的时钟} other {按本计算机的时钟}}}}），因此该材料包已无法再导入{count, plural, =1 {它} other {它们}}：请为{count, plural, =1 {它} other {它们}}获取新的导入参数（“获取导入参数”步骤），然后在离线工作站上用由此写出的参数包包装其密钥材料（它会指出哪些密钥必须采用此前导入的密钥材料，例如副本组的密钥材料），再导入该包装写出的材料包。} other {{refused, select, expiry {{count, plural, =1 {它} other {它们}}的导入已在日志条目 {refusedSeq} 被拒绝（{code}：{by, select, kms {按 KMS 的时钟} simulator {按演练模拟器的时钟} other {按本计算机的时钟}}密钥材料到期时间不在未来），因此同一导入会再次被拒绝。下一步，请以更晚的到期时间导入同一材料包（“选择密钥材料到期时间并导入”步骤）{tokens, select, valid {，须在其导入令牌有效期内，即 {until, date, moment} 之前} other {}}。} token {{count, plural, =1 {它} other {它们}}的导入已在日志条目 {refusedSeq} 被拒绝：KMS 表示{count, plural, =1 {它} other {它们}}的导入令牌已过期（{code}），因此该材料包已无法再导入{count, plural, =1 {它} other {它们}}：请为{count, plural, =1 {它} other {它们}}获取新的导入参数（“获取导入参数”步骤），然后在离线工作站上用由此写出的参数包包装其密钥材料，再导入该包装写出的材料包。} other {{wrap, select, blocked {导入参数包 {dir}（日志第 {dirSeq} 条）含有{count, plural, =1 {它} other {它们}}的导入参数，但也含有某个已持有密钥材料或使用其他参数包的密钥的导入参数：一次包装会涵盖其参数包中的每个密钥，因此现在不应包装该参数包。若某份离线回执表明它已被包装过，请在此处核对并导入那份包装{wrapRefused, select, yes {（此后提交导入的文件夹已在日志条目 {wrapRefusedSeq} 被拒绝，原因见末尾，其中没有任何内容被导入：若那正是这份包装，请按该拒绝所说的去做）} other {}}：导入会从中取仍在等待的密钥，并略过已持有从较新参数包导入的密钥材料的密钥。否则请销毁该参数包及其所有副本，然后只为{count, plural, =1 {它} other {它们}}获取新的导入参数（步骤“获取导入参数”），在离线工作站上用由此写出的参数包包装{count, plural, =1 {它} other {它们}}的密钥材料，并导入该包装写出的内容。{wrapRefused, select, yes {日志条目 {wrapRefusedSeq} 的拒绝说：{wrapRefusedSaid}} other {}}} yes {{since, select, no {在任何导入之前，已为{count, plural, =1 {它} other {它们}}写出导入参数到 {dir}（日志条目 {dirSeq}）} other {在那次导入之后，已为{count, plural, =1 {它} other {它们}}写出新的导入参数到 {dir}（日志条目 {dirSeq}）}}{wrapRefused, select, yes {（此后提交导入的文件夹已在日志条目 {wrapRefusedSeq} 被拒绝，原因见末尾，其中没有任何内容被导入；请先按该拒绝所说的去做）} other {}}：下一步，请在离线工作站上用该参数包执行包装，或对必须采用此前导入的密钥材料的密钥（例如副本组的密钥）从其托管副本恢复（若尚未执行）；然后在此处核对并导入其写出的材料包{tokens, select, valid {，须在{count, plural, =1 {它} other {它们}}的导入令牌有效期内，即 {until, date, moment} 之前} other {}}。{wrapRefused, select, yes {日志条目 {wrapRefusedSeq} 的拒绝说：{wrapRefusedSaid}} other {}}} other {请使用相同的材料包再次导入：它只导入缺少的部分{tokens, select, valid {（在其导入令牌有效期内，即 {until, date, moment} 之前）} other {}}。}}}}}}',
  'status.next.nothing-imported':
    '尚未导入任何内容（仪式步骤：{statePhrase}）。{refused, select, expiry {已包装密钥材料包 {folder} 已通过核对（日志条目 {seq}），但其导入被拒绝（条目 {refusedSeq}，{code}：{by, select, kms {按 KMS 的时钟} simulator {按演练模拟器的时钟} other {按本计算机的时钟}}其密钥材料到期时间不在未来）。该包装仍然有效，因此离线工作站无需重新包装。下一步，请在导入令牌的 24 小时内，以更晚的到期时间导入同一材料包（“选择密钥材料到期时间并导入”步骤）。演练中，模拟器的时钟可能已被调快。} token {已包装密钥材料包 {folder} 的导入已在日志条目 {refusedSeq} 被拒绝：其导入令牌已过期（{code}），因此它已无法再导入，也不能重新包装。下一步，获取新的导入参数（“获取导入参数”步骤），写出参数包，并在离线工作站上用它包装。} other {}}',
  'status.next.exposed':
    '已包装密钥材料包 {folder} 已在日志条目 {seq} 被拒绝：其密钥材料是用 KMS 未签发的包装密钥加密的，因此应视该密钥材料为已泄露。请销毁那次包装的保管份额或 HSM 令牌对象{set, select, named {（托管集 {setTag}）} other {}}；切勿恢复或导入该密钥材料。{parameters, select, written {下一步，在离线工作站上：使用此后写出的导入参数包生成新的密钥材料（进行包装，切勿对那次包装进行托管恢复），每位见证人键入本工作站记录的该参数包摘要。} other {下一步，在新的参数包中获取新的包装密钥和导入令牌（步骤“获取导入参数”）：之前写出的参数包可能是介质上被改动过的副本，请勿用它包装；然后在离线工作站上生成新的密钥材料（进行包装，切勿对那次包装进行托管恢复）。}}',
  'status.next.group-material':
    '{holderIs, select, itsPrimary {{member}是{holder}的副本，而后者持有此前导入的密钥材料} other {{member}从未导入过，而其副本组中的{holder}持有此前导入的密钥材料}}：一个副本组只持有一份密钥材料，因此该密钥须导入同一份密钥材料，绝不能使用新生成的密钥材料（新生成的密钥材料会使该组持有两份密钥材料）。它的导入令牌已过期，因此它所在的材料包已无法再导入它。下一步：为其获取新的导入参数（“获取导入参数”步骤）并写出参数包；然后在离线工作站上{custody, select, shares {用该参数包从 {total} 份保管份额中的任意 {threshold} 份（保管人：{custodiansList}{set, select, named {；托管集 {setTag}，即其份额文件名中的标记} other {}}；联网日志条目 {seq}）恢复该组的密钥材料（“恢复”界面上的托管恢复仪式）} hsmToken {用该参数包从保存该材料的 HSM 令牌 {token}（联网日志条目 {seq}）恢复该组的密钥材料（“恢复”界面上的托管恢复仪式）} materialFiles {用该参数包再次包装{holder}的原始密钥材料文件（未保留托管副本：联网日志条目 {seq} 记录该文件为唯一副本）} none {若仍有人持有该组的原始密钥材料，用该参数包包装它（未保留托管副本：联网日志条目 {seq}）} other {用该参数包从本仪式的托管副本恢复该组的密钥材料（“恢复”界面上的托管恢复仪式）}}；然后在此处核对并导入它写出的已包装密钥材料包。',
  'delete.summary': '删除已导入的 AES 密钥材料',
  'delete.type-key-id': '输入密钥 ID {keyId} 以确认',
  'delete.button': '删除 {alias} 的密钥材料',
  'online.receipt.title': '写入联网侧回执',
  'check.digest-required': '离线侧回执上的包摘要',
  'check.use-rehearsal-digest': '使用本次演练离线侧写入的摘要',
  'check.rehearsal-digest-hint': '演练同时扮演两台计算机；日志会记录摘要的来源。',
} as const;
