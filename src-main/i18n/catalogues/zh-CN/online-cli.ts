/** 联网命令行：仪式日志记录的 KMS 连接。 */
import type { enOnlineCli } from '../en/online-cli';

export const zhCNOnlineCli: { readonly [K in keyof typeof enOnlineCli]: string } = {
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL':
    '日志 {journal} 记录本次仪式的 {field} 为 {recordedPhrase}，但本命令给出的是 {givenPhrase}（来自{givenFromPhrase}）。',
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL.next':
    '请省略连接选项（将使用日志中的连接），或给出 {field} {recordedPhrase}；--config 文件中也须为相同的值或不填。一次仪式只使用一个 KMS。',
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL_APP':
    '日志 {journal} 为本仪式记录的{field, select, region {区域} projectId {项目 ID} other {终端节点}}是 {recorded}，但本次连接要求的是 {given}。一个仪式始终只使用一个 KMS：其密钥、导入令牌和导入都在那里。未发送任何请求，也未记入日志。',
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL_APP.next':
    '请使用日志记录的{field, select, region {区域} projectId {项目 ID} other {终端节点}} {recorded} 进行连接。如需使用其他 KMS，请在另一个文件夹中设置新的仪式。',
  'connection.value':
    '{simulator, select, yes {{value}（本工作站上的模拟器，端口以其实际监听的为准）} other {{value}}}',
  'receipt.people.replacedCustodySet':
    '托管集 {setTag}（{total} 份中的 {threshold} 份份额，由 {custodiansList} 持有）随在联网日志条目 {seq} {refused, select, yes {被拒绝（其中没有任何内容被导入）} other {核对}}的已包装密钥材料包 {folder} 制作，不再支撑任何已导入的材料：密钥持有的是另一次包装的材料（其密钥校验值或公钥指纹与该材料包的不同）。请按您的流程销毁其份额、凭条和备份。',
  'online.import.replaced-custody-set':
    '托管集 {setTag}（{total} 份中的 {threshold} 份份额，由 {custodiansList} 持有）随在联网日志条目 {seq} {refused, select, yes {被拒绝（其中没有任何内容被导入）} other {核对}}的已包装密钥材料包 {folder} 制作，不再支撑任何已导入的材料：密钥持有的是另一次包装的材料（其密钥校验值或公钥指纹与该材料包的不同）。请按您的流程销毁其份额、凭条和备份。',
  'online.next.new-parameters':
    '下一步，获取新的包装密钥和导入令牌（包装密钥材料所用的已过期；MEDIA：本工作站挂载移动存储介质的文件夹；该命令会打印在离线工作站上用新参数包要运行的命令：包装，或者对必须导入此前已导入的密钥材料的密钥（例如其主密钥持有该材料的副本）进行托管恢复）：{command}',
  'online.next.parameters-again':
    '下一步，为重新等待其密钥材料的密钥获取新的包装密钥和导入令牌（MEDIA：本工作站挂载移动存储介质的文件夹；它会打印需在离线工作站上使用新参数包运行的命令）：{command}',
  'cli.col':
    '{col, select, alias {别名} spec {规格} usage {用途} keyId {密钥 ID} state {状态} tokenUntil {导入令牌有效期至} materialExpires {密钥材料到期时间} proof {证明} region {区域} project {项目 ID} group {副本组} other {{col}}}',
  'cli.replica-group': '{role, select, primary {主密钥} other {{primary} 的副本}}',
  'cli.warning': '警告：{text}',
  'cli.receipt-written':
    '回执：{html}（及 {text}）。它封存日志至第 {count} 个条目，链头哈希为 {head}：请对照打印回执上的最后一个封印朗读此链头哈希。',
  'online.default-title': '导入 {alias}',
  'online.create.left-alone-under-dropped-alias':
    '警告：现在给出的计划删去了 {alias}{region, select, none {} other {（区域 {region} 中的副本）}}，本日志显示已在条目 {seq} 发送其创建密钥请求{sentSpec, select, none {} other {（规格 {sentSpec}，用途 {sentUsage}）}}且没有记录答复。KMS 在该别名下持有密钥 {keyId}，其规格为 {spec}、用途为 {usage}：不是该请求要创建的密钥，因此该创建没有生效，它也不是本仪式的密钥。它未被触动：没有纳入本仪式，没有修改，也没有删除。在任何人依赖它之前，请先查明它属于谁。',
  'online.created':
    '计划中的 {count} 个密钥{replicas, plural, =0 {} other {（其中 {replicas} 个是位于其他区域或项目的副本）}}均已在 KMS 中，状态为“等待导入”：本次运行创建 {made} 个{found, plural, =0 {} other {，找到 {found} 个由已停止的尝试创建的密钥}}{earlier, plural, =0 {} other {，{earlier} 个由之前的运行创建}}。',
  'online.progress.key-failed': '未完成：{line}{keyId, select, none {} other {（密钥 {keyId}）}}。',
  'online.progress.key-unrecorded':
    '已在 KMS 中完成，但未记入日志：{line}{keyId, select, none {} other {（密钥 {keyId}）}}。{cause, select, stop {KMS 在停止开始之后才应答，而停止已在记录该应答之前关闭了日志} other {KMS 已应答，但日志无法记录}}；{fetch, select, yes {下次运行会为它重新获取导入参数（这些参数从未写入材料包）。} other {下次运行会在 KMS 中找到它并记入日志。}}',
  'online.plan-expiry-default':
    '计划未写明 "materialExpiry"：{count} 个密钥的 AES 密钥材料永不过期（这是默认值，并非计划所写）。',
  'online.next.params': '下一步，写入移动存储介质（MEDIA：本工作站挂载该介质的文件夹，例如 /media/usb）：{command}',
  'online.params.key':
    '  {alias}（{spec}，密钥 {keyId}{replica, select, yes {，区域 {region} 中的副本} other {}}），导入令牌有效期至 {until}',
  'online.params.one-source-each':
    '请一次只为一组密钥获取参数，每组写入移动存储介质上的一个新文件夹（其间不会为其他密钥获取令牌）：运行第一条命令，让该参数包完成其所示的离线步骤，并导入该步骤写出的内容；然后再运行下一条。',
  'online.params.stopped-writing':
    '导入参数包 {dir} 未写完：{cleanup, select, partial {其已写入的内容未能全部删除；请手动删除 {leftoversList}（它不完整，绝不是参数包）。} moved {其已写入的内容并非都还在写入的位置（期间该文件夹被移动、改名、替换或删除，或其介质被取出）：{leftoversList}；无论该文件夹现在在哪里，请在那里删除它们（不完整，绝不是参数包）。如果这里没有人这样做过，说明本工作站上有程序改动了该介质：请告知操作员和见证人。} other {其已写入的文件及其创建的文件夹均已删除，不留任何残缺内容，可再次使用同一个 --out。}}',
  'online.params.written': '导入参数包已写入并通过校验：{dir}',
  'online.next.airgap-wrap-expiring':
    '计划让 {count} 个密钥的 AES 密钥材料在 KMS 中到期（最早于 {at, date, moment}），因此离线端只有在保留副本时才会生成：{custody, select, repeated {上面的命令沿用了此处核对过的这些密钥上一次包装的托管拆分；请为每位保管人填写 --custodian-folder 文件夹（各在自己的介质上）。} other {请填写 --custody M/N，并为每位保管人各给出一个 --custodian 姓名和一个 --custodian-folder 文件夹（各在自己的介质上）。}}或者改用 --no-backup 接受材料在此后丢失，或请求 --expires never（属于覆盖）；两者都会记入日志并印在回执上。',
  'online.next.bundle-not-taken':
    '下一步：不要在离线端包装此参数包（{dir}）。{why, select, wrap {如上面的警告所述，此处已检查但尚未导入的一次包装含有其密钥：请销毁此参数包及其所有副本，改为导入那次包装。完成该导入的命令以及每个密钥的下一步，请运行：{command}} other {如上面的警告所述，没有密钥使用此参数包（包装它会拆开一个副本组，或同时包装一个使用其他参数包的密钥）：请销毁此参数包及其所有副本，并为该警告列出的密钥获取新的导入参数。获取这些参数的命令以及每个密钥的下一步，请运行：{command}}}',
  'online.next.airgap-wrap': '下一步，请在 24 小时内于离线工作站上使用此参数包执行：{command}',
  'online.reimport.why':
    '{count, plural, other {密钥 {keysList}}} 此前已导入过密钥材料：KMS 只接受同一份密钥材料再次导入，因此 keyferry airgap wrap 新生成的密钥材料会被拒绝（KMS.2606）。',
  'online.reimport.why-group':
    '{holderIs, select, itsPrimary {密钥 {keyId} 是 {holder} 的副本，而后者持有此前导入的密钥材料：一个副本组只持有一份密钥材料，因此该副本须导入同一份密钥材料，而不是 keyferry airgap wrap 新生成的密钥材料。} other {密钥 {keyId} 从未导入过，而其副本组中的 {holder} 持有此前导入的密钥材料：一个副本组只持有一份密钥材料，因此该密钥须导入同一份密钥材料，而不是 keyferry airgap wrap 新生成的密钥材料（新生成的密钥材料会使该组持有两份密钥材料）。}}',
  'online.next.airgap-wrap-hsm':
    '在联网日志条目 {seq} 核对的已包装密钥材料包，其密钥材料是在 HSM 令牌 {token} 中生成的，且尚未导入任何部分：它仍在令牌中。下一步，请在 24 小时内于离线工作站上，用此参数包从令牌中再次包装同一密钥材料（PKCS11-MODULE 为该令牌的模块；--hsm-existing-keys 按 CKA_ID = 密钥 ID 找到每个密钥的对象；HSM 中的材料不允许使用保管份额，令牌即其保管副本）：{command}',
  'online.next.custody-restore':
    '下一步，请在 24 小时内于离线工作站上使用此参数包以及{set, select, named {托管集 {setTag}（即份额文件名中的标记）的} other {}} {n} 位保管人中任意 {m} 位的份额文件执行（SHARE-1…SHARE-{m} 为份额文件{expiry, select, yes {；EXPIRY 为恢复后密钥的密钥材料到期时间：original（沿用原到期时间，须仍在未来）、日期时间、时长（如 90d）或 never} passed {；EXPIRY 为恢复后密钥的密钥材料到期时间：日期时间、时长（如 90d）或 never（不能用 original：其原到期时间已过）} group {；--expires original 沿用每个密钥原有的到期时间：{groupKeysList} 所在副本组的其他成员持有该密钥材料，必须沿用该组持有的到期时间，因为同一密钥材料只有一个到期时间（其他到期时间会在导入时被拒绝）} other {}}）：{command}',
  'online.next.hsm-restore':
    '下一步，请在 24 小时内于离线工作站上使用此参数包以及保存该密钥材料的 HSM 令牌（{token}；PKCS11-MODULE 为其模块；--hsm-journal 指定记录了令牌中该密钥材料的离线日志，位于执行命令的文件夹中{expiry, select, yes {；EXPIRY 为恢复后密钥的密钥材料到期时间：original（沿用原到期时间，须仍在未来）、日期时间、时长（如 90d）或 never} passed {；EXPIRY 为恢复后密钥的密钥材料到期时间：日期时间、时长（如 90d）或 never（不能用 original：其原到期时间已过）} group {；--expires original 沿用每个密钥原有的到期时间：{groupKeysList} 所在副本组的其他成员持有该密钥材料，必须沿用该组持有的到期时间，因为同一密钥材料只有一个到期时间（其他到期时间会在导入时被拒绝）} other {}}）执行：{command}',
  'online.next.original-material':
    '{source, select, files {密钥材料是从操作员保存的文件加载的，且未做托管副本：只有这些原始文件才能恢复这些密钥。} other {这份密钥材料没有托管副本：只有原始密钥材料才能恢复这些密钥；没有它，这些密钥下的所有密文都将无法解密。}}下一步，请在 24 小时内于离线工作站上，用此参数包包装每个密钥的原始密钥材料（ORIGINAL-MATERIAL-FILE，每次运行一个密钥）：{command}',
  'online.import.checked': '已按 KMS 签发的导入参数核对已包装密钥材料包：{count} 个密钥。',
  'online.import.imported':
    '  已导入 {spec} 密钥 {keyId}{group, select, primary {（区域 {region}，副本组的主密钥）} replica {（区域 {region}，{primary} 的副本）} other {}}（密钥材料到期时间：{expires}{origin, select, option {，由 --expires 选择} replaced {，由 --expires 选择，取代了包中请求的 {requested}} other {}}；{how, select, answered {KMS 已应答} reconciled {日志中没有所发送导入的答复：密钥状态表明导入已生效} retried {重试后成功} other {{how}}}）',
  'online.import.verify-failed':
    'keyferry online import：有密钥未通过验证；未写入回执。请用 “keyferry online status” 检查。',
  'online.import.others-waiting':
    '尚未写出回执：回执要在本仪式的每个密钥都持有导入的密钥材料之后才写出，而仍有 {count, plural, other {# 个密钥}}在等待密钥材料（{keysList}）。下一步，查看{count, plural, other {每个密钥}}还需要什么（新的导入参数，或已写出的参数包所需的离线步骤）：{command}',
  'online.next.status': '下一步，随时检查这些密钥：{command}',
  'online.import.already-imported':
    '此包中的每个密钥都已持有其密钥材料（之前已导入，已记入日志）：不再重复导入；将验证这些密钥并写入回执。',
  'online.import.stopped-part-way':
    '导入中途停止：{total} 个密钥中有 {imported} 个已持有其密钥材料（已导入并记入日志）。{unanswered, plural, =0 {} other {有 # 个密钥已发送导入请求，但日志未记录导入已生效：{unansweredKeys}；下次运行会先向 KMS 查询导入是否生效，然后才会再发送任何请求。}}{missing, plural, =0 {} other {有 # 个密钥尚未导入（“等待导入”）：{missingKeys}。}}{elsewhere, plural, =0 {} other {有 # 个密钥在等待此材料包中没有的密钥材料：{elsewhereKeys}（online status 会说明所需内容）。}}仪式尚未完成。',
  'online.named-key-to': '{keyPhrase} → {to}',
  'online.named-key': '{alias}（{keyId}{replica, select, yes {，位于 {region} 的副本} other {}}）',
  'online.import.more-keys': '{keys}，以及另外 {count} 个（keyferry online status 会列出全部）',
  'online.import.run-again':
    '{when, select, officer {{elsewhere, plural, =0 {要完成仪式} other {要完成此材料包的导入（此材料包中没有的密钥也持有其密钥材料后，仪式才算完成）}}} journal {待日志可以再次写入后（其介质有空间、介质已连接）} other {待 KMS 恢复应答后}}，请运行同一导入命令：它只导入缺少的部分，已生效的导入不会再次发送：{command}',
  'online.import.verify-stopped':
    '密钥验证已中断：{count, plural, other {# 个密钥}}已持有导入的密钥材料（已记入日志），但并非每个密钥都已通过验证，联网回执也尚未写入。下一步，请重新运行同一导入命令：它不会重复导入，会验证每个密钥并写入回执：{command}',
  'online.import.receipt-failed':
    '{count, plural, other {# 个密钥}}已导入并通过验证（已记入日志），但回执未能写入（已记入日志）。下一步，将回执写入一个已存在且可写入的文件夹：{command}',
  'online.proof': '{ok, select, yes {通过} other {失败}}：{proof}',
  'online.group-proofs':
    '  {method, select, publicKeyEqual {{count} 个副本组（RSA/EC）已证明：每个成员在其所在区域通过 get-publickey 取得的公钥都是该组的同一个公钥} other {{count} 个副本组（AES）已在 KMS 允许的范围内证明：每个成员导入的已包装密钥材料的密钥校验值（KCV）都是该组的同一个值，且各自通过了加密/解密往返校验}}',
  'online.group-not-proven':
    '  {alias} 的副本组（{count} 个密钥，主密钥 {primary}）：未证明：每个成员都持有已导入的密钥材料，但日志中没有该组在最后一次导入之后的证明（有成员未通过上表中其自身的校验）',
  'online.expiry': '{at, select, never {永不过期} unknown {未知} none {-} other {{at}}}',
  'online.lapsed.heading':
    '密钥材料已失效：{count} 个密钥曾经导入，但密钥材料到期后 KMS 已将其删除；{count, plural, =1 {该密钥已回到} other {这些密钥已回到}}“等待导入”状态，只接受同一份密钥材料再次导入。',
  'online.lapsed.key': '  {alias}（{spec}，密钥 {keyId}），导入时记录的密钥材料到期时间：{expires}',
  'online.lapsed.next':
    '在再次导入同一份密钥材料之前，{count, plural, =1 {该密钥} other {这些密钥}}下的所有密文都无法解密。下一步（MEDIA：各工作站挂载移动存储介质的文件夹）：',
  'online.lapsed.no-custody':
    '{count, plural, =1 {该密钥} other {这些密钥}}没有托管副本（离线工作站未保留副本）：除非仍有人持有同一份密钥材料，否则其密钥材料已永久丢失，{count, plural, =1 {该密钥} other {这些密钥}}下的所有密文都无法解密。新的导入参数本身不能使其恢复；只有有人带来该密钥材料时才执行以下步骤（MEDIA：各工作站挂载移动存储介质的文件夹）：',
  'online.lapsed.step1': '  1. {command}      （新的包装密钥和导入令牌）',
  'online.lapsed.step2':
    '  2. {command}（加上第 1 步打印的其他选项），在离线工作站上，使用{custody, select, hsm {保存该密钥材料的 HSM 令牌 {token}（及其 PKCS#11 模块和 PIN）以及记录了令牌中该材料的离线日志（--hsm-journal）} shares {{set, select, named {托管集 {setTag}（即份额文件名中的标记）的 } other { }}{n} 位保管人中任意 {m} 位的份额和托管备份} other {本仪式的托管副本（足够数量保管人的份额，或 HSM 令牌；第 1 步会打印确切的命令）}}；由于该密钥材料设有到期时间且原到期时间已过，必须提供 --expires：EXPIRY 为新的日期时间、时长（如 90d）或 never',
  'online.lapsed.step2-wrap':
    '  2. {command}（加上第 1 步打印的其他选项），在离线工作站上，使用{file, select, kept {作为唯一副本保留的原始密钥材料文件} other {那位持有人带来的密钥材料文件}}；由于该密钥材料设有到期时间且原到期时间已过，必须提供 --expires：EXPIRY 为新的日期时间、时长（如 90d）或 never',
  'online.lapsed.step3':
    '  3. {command}，使用{by, select, wrap {包装} other {恢复}}写出的已包装密钥材料包（按其打印的命令）',
  'online.status.next-parameters':
    '{refused, select, token {已包装密钥材料包 {bundle} 的导入已在日志条目 {refusedSeq} 被拒绝：其导入令牌已过期（{code}），因此它已无法再导入；包装它所用的导入参数包带有的正是这些令牌，也不能再次用于包装。} other {}}{unwritten, select, yes {本日志未记录最后获取的导入参数的任何包（停止或错误先发生了；若在写出时停止，所给文件夹中可能留有一个完整的包，而本日志并不知道它）。如果离线端已经包装了这样的包，请导入该包装结果，而不要重新获取（核对时会警告其参数包未被记录）；否则切勿将它们的包带到离线工作站。} other {}}下一步，获取新的包装密钥和导入令牌，写入移动存储介质上的新参数包（MEDIA：本工作站挂载该介质的文件夹）：{command}{earlier, select, yes { —— 除非离线侧已经用此前写出的参数包（{dir}）完成包装且其导入令牌仍然有效：那么请用它打印的 online import 命令导入该包装结果，不要再次获取。} other {}}',
  'cli.online.throttled':
    'KMS 的 API 网关对本次运行的请求限流 {count} 次（APIG.0308）：每次都在等待后重新发送该请求（共等待 {seconds} 秒，为同时等待的各请求的等待时间之和），并记入日志为 kms.retried；最后一次尝试仍被限流的请求已在上文注明未完成。较低的 --concurrency 会减少同时发送的请求。',
  'online.params.algorithm-changed':
    '包装密钥算法已由 {from} 改为 {to}，适用于本次及之后每次获取的导入参数（日志条目 {seq}）；联网回执会将其列为偏差。',
  'online.status.create-refused':
    '创建步骤已在日志条目 {seq} 被拒绝；在该拒绝所指出的情况改变之前，原样再次运行仍会遇到同样的拒绝：',
  'online.status.next-create':
    '创建步骤中途停止：计划中有 {count} 个密钥尚未创建：{keys}。下一步，按首次运行的方式再次运行创建：使用同一计划文件（PLAN），或不用 --plan 而给出相同的 --alias、--spec、--operator 和 --witness 选项。已创建的密钥会保留；已发送创建请求但没有应答的密钥会在 KMS 中找到并保留，不会重复创建：{command}',
  'online.status.not-created-key': '{alias}{region, select, none {} other {（区域 {region} 中的副本）}}',
  'online.status.next-wrap':
    '{known, select, lapsed {导入参数包 {dir}（写于联网日志第 {seq} 条）{scope, select, some {（其中有 {keys}的最新导入参数）} other {}}的导入令牌已于 {until, date, moment} 过期（{tokensBy, select, kms {按 KMS 的时钟：由它此后签发的导入令牌可知} other {按本计算机的时钟}}）：该包已无法再包装和导入。下一步，获取新的包装密钥和导入令牌并写入新的包：{command}} other {下一步，{known, select, yes {在导入令牌到期（KMS 时钟的 {until, date, moment}）之前} other {在令牌的 24 小时内}}于离线工作站上：按 online params 打印的命令，用导入参数包 {dir}（写于联网日志第 {seq} 条）{scope, select, some {（其中有 {keys}的最新导入参数）} other {}}执行包装；然后在此处用它打印的 online import 命令导入其写出的内容。}}{digest, select, none {} other {本日志在写出该包时记录的包摘要（离线端每位见证人要输入的值）：{digest}。请从这里朗读它，不要从移动存储介质上的包读取（在介质上被改动过的包有它自己的摘要，keyferry bundle verify --show-digest 打印的正是那个摘要）。}}',
  'online.status.exposed':
    '已包装密钥材料包 {folder} 在日志第 {seq} 条被拒绝：其中的密钥材料是用一个并非 KMS 签发的包装密钥加密的，因此请将这份密钥材料视为已泄露（持有该密钥私钥的人可能读得到它）。请销毁那次包装生成的保管份额或 HSM 令牌对象{set, select, named {（托管集 {setTag}）} other {}}；永远不要恢复或导入这份密钥材料（导入它会被拒绝）。导入参数包 {dir} 可能正是在介质上被改动过的副本：不要用它包装。下一步，获取新的包装密钥和导入令牌并写入新的包：{command}；然后在离线工作站上用 keyferry airgap wrap 生成新的密钥材料（不要用 keyferry custody restore），每位见证人输入的摘要要由 keyferry online status 届时从本日志读出。',
  'online.status.restore-unproven':
    '由托管恢复生成的已包装密钥材料包 {folder} 已在日志条目 {seq} 被拒绝：本日志从未见过其密钥材料在 KMS 自己签发的包装密钥下被包装，因此不予导入（其第一次包装可能使用了来自被改动的参数包的密钥）。下一步，生成新的密钥材料：在新的参数包中获取新的包装密钥和导入令牌：{command}；然后在离线工作站上使用 --wrap-again 及原因运行 keyferry airgap wrap，每位见证人键入届时 keyferry online status 从本日志读出的摘要。新的密钥材料导入后，请销毁该次恢复所用的托管副本。',
  'online.status.exposed-new-material':
    '在日志第 {seq} 条被拒绝的已包装密钥材料包 {folder} 中的密钥材料已泄露：请包装新的密钥材料（keyferry airgap wrap），永远不要对那次包装{set, select, named {（托管集 {setTag}）} other {}}做托管恢复；其保管份额或 HSM 令牌对象应予销毁。',
  'online.status.nothing-imported': '尚未导入任何内容（仪式步骤：{stepPhrase}）。',
  'online.status.bundle-plan':
    '{takes, plural, =0 {目前写出的导入参数包都不能为等待密钥材料的密钥包装。} =1 {目前写出的导入参数包中有一个供等待密钥材料的密钥使用，见下一行。} other {等待密钥材料的密钥分别使用 {takes} 个导入参数包（online params 曾只为部分密钥运行）：请在同一份离线日志中把下面每个参数包只包装一次，供其列出的密钥使用，并在此处导入每次包装写出的材料包（若下面某行指出此处已检查过其参数包的一次包装，则改为导入那次包装）。}}一次包装会涵盖其参数包中的每个密钥，一个密钥若从两个参数包包装，其密钥材料就会出现两个版本。{destroy, plural, =0 {} other {没有密钥使用以下 {destroy} 个参数包，而 KMS 仍可能接受其导入令牌：请销毁{destroy, plural, =1 {它} other {它们}}及其所有副本，切勿包装：{destroyList}（文件夹和摘要）。如果离线端已经包装过{destroy, plural, =1 {该参数包} other {其中某个参数包}}，而此处尚未有导入检查过那次包装，请先导入那次包装，然后再次运行 keyferry online status：它会再次说明每个密钥使用哪个参数包。}}{fresh, plural, =0 {} other {没有任何参数包应为 {freshKeys}包装（包装它会同时包装一个使用其他参数包或已持有密钥材料的密钥，或拆开一个副本组）：请在同一个参数包中只为{fresh, plural, =1 {该密钥} other {这些密钥}}获取新的导入参数（{command}），然后包装由此写出的参数包。}}',
  'online.status.partly-imported':
    '{total} 个密钥中有 {count} 个尚未导入（“等待导入”）：{keys}。仪式尚未完成{groups, select, yes {，含有这类密钥的副本组也不完整} other {}}。{tokens, select, lapsed {{count, plural, =1 {它} other {它们}}的导入令牌已于 {until, date, moment} 过期（{tokensBy, select, kms {按 KMS 的时钟：{refused, select, token {见其在日志条目 {refusedSeq} 的拒绝，{code}} other {由它此后签发的导入令牌可知}}} other {按本计算机的时钟}}），因此该材料包已无法再导入{count, plural, =1 {它} other {它们}}：请为{count, plural, =1 {它} other {它们}}获取新的导入参数（{command}），然后在离线工作站上用由此写出的参数包包装其密钥材料（它会指出哪些密钥必须采用此前导入的密钥材料，例如副本组的密钥材料），再导入该包装写出的材料包。} other {{refused, select, expiry {{count, plural, =1 {它} other {它们}}的导入已在日志条目 {refusedSeq} 被拒绝（{code}：{by, select, kms {按 KMS 的时钟} other {按本计算机的时钟}}密钥材料到期时间不在未来），因此同一导入会再次被拒绝。下一步，请以更晚的到期时间导入同一材料包（DIGEST 为其离线回执上的材料包摘要，EXPIRY 为带时区的日期时间、时长（如 90d）或 never；作为覆盖记入日志）{tokens, select, valid {，须在其导入令牌有效期内，即 KMS 时钟的 {until, date, moment} 之前（以 KMS 已记录的应答所示为限：status 无法读取 KMS 的时钟；若 KMS 时钟已过此时刻，KMS 会以导入令牌过期（KMS.2601）拒绝导入，届时下一步是获取新的导入参数）} other {}}：{importCommand} --expect-digest DIGEST --expires EXPIRY} token {{count, plural, =1 {它} other {它们}}的导入已在日志条目 {refusedSeq} 被拒绝：KMS 表示{count, plural, =1 {它} other {它们}}的导入令牌已过期（{code}），因此该材料包已无法再导入{count, plural, =1 {它} other {它们}}：请为{count, plural, =1 {它} other {它们}}获取新的导入参数（{command}），然后在离线工作站上用由此写出的参数包包装其密钥材料，再导入该包装写出的材料包。} other {{wrap, select, blocked {导入参数包 {dir}（日志第 {dirSeq} 条）含有{count, plural, =1 {它} other {它们}}的导入参数，但也含有某个已持有密钥材料或使用其他参数包的密钥的导入参数：一次包装会涵盖其参数包中的每个密钥，因此现在不应包装该参数包。若某份离线回执表明它已被包装过，请导入那份包装{wrapRefused, select, yes {（此后提交导入的文件夹已在日志条目 {wrapRefusedSeq} 被拒绝，原因见末尾，其中没有任何内容被导入：若那正是这份包装，请按该拒绝所说的去做）} other {}}：online import 会从中导入仍在等待的密钥，并略过已持有从较新参数包导入的密钥材料的密钥。否则请销毁该参数包及其所有副本，然后只为{count, plural, =1 {它} other {它们}}获取新的导入参数（{command}），在离线工作站上用由此写出的参数包包装{count, plural, =1 {它} other {它们}}的密钥材料，并导入该包装写出的内容。{wrapRefused, select, yes {日志条目 {wrapRefusedSeq} 的拒绝说：{wrapRefusedSaid}} other {}}} yes {{since, select, no {在任何导入之前，已为{count, plural, =1 {它} other {它们}}写出导入参数到 {dir}（日志条目 {dirSeq}）} other {在那次导入之后，已为{count, plural, =1 {它} other {它们}}写出新的导入参数到 {dir}（日志条目 {dirSeq}）}}{wrapRefused, select, yes {（此后提交导入的文件夹已在日志条目 {wrapRefusedSeq} 被拒绝，原因见末尾，其中没有任何内容被导入；请先按该拒绝所说的去做，用该材料包再次运行 online import 会再次说明）} other {}}：下一步，请在离线工作站上执行 online params 为该参数包打印的步骤（包装该参数包；对于必须采用此前导入的密钥材料的密钥，例如副本组的密钥，则为从托管副本恢复的 custody restore），若尚未执行；然后在此处用它打印的 online import 命令导入其写出的材料包{tokens, select, valid {，须在{count, plural, =1 {它} other {它们}}的导入令牌有效期内，即 KMS 时钟的 {until, date, moment} 之前（以 KMS 已记录的应答所示为限：status 无法读取 KMS 的时钟；若 KMS 时钟已过此时刻，KMS 会以导入令牌过期（KMS.2601）拒绝导入，届时下一步是获取新的导入参数）} other {}}。{wrapRefused, select, yes {日志条目 {wrapRefusedSeq} 的拒绝说：{wrapRefusedSaid}} other {}}} unproven {} other {导入中途停止。请使用相同的 --bundle{hasBundle, select, yes {（{bundle}）} other {}}和 --expect-digest（填写离线回执上印出的包摘要，从纸面读取；切勿使用从本日志或介质中读出的摘要，接触过{count, plural, =1 {它} other {它们}}的人可能已改动）{expiresGiven, select, yes {，以及 --expires {expires}（即日志所记录的第一次运行给出的确切到期时间，而不是 30d 之类的时长，时长会被重新计算）} other {}}重新运行 keyferry online import：它只导入缺少的部分{tokens, select, valid {（在其导入令牌有效期内，即 KMS 时钟的 {until, date, moment} 之前（以 KMS 已记录的应答所示为限：status 无法读取 KMS 的时钟；若 KMS 时钟已过此时刻，KMS 会以导入令牌过期（KMS.2601）拒绝导入，届时下一步是获取新的导入参数））} other {}}。}}}}}}',
  'online.status.group-material':
    '{holderIs, select, itsPrimary {{member}是{holder}的副本，而后者持有此前导入的密钥材料} other {{member}从未导入过，而其副本组中的{holder}持有此前导入的密钥材料}}：一个副本组只持有一份密钥材料，因此该密钥须导入同一份密钥材料，绝不能使用 keyferry airgap wrap 新生成的密钥材料（新生成的密钥材料会使该组持有两份密钥材料）。它的导入令牌已过期，因此它所在的材料包已无法再导入它。下一步：{command}（新的包装密钥和导入令牌）；然后在离线工作站上{custody, select, shares {使用它写出的材料包和 {total} 位保管人中任意 {threshold} 位的份额（{custodiansList}{set, select, named {；托管集 {setTag}} other {}}；联网日志条目 {seq}）运行 keyferry custody restore} hsmToken {使用它写出的材料包和保存该材料的 HSM 令牌 {token}（联网日志条目 {seq}）运行 keyferry custody restore} materialFiles {使用它写出的材料包和{holder}的原始密钥材料文件运行 keyferry airgap wrap（未保留托管副本：联网日志条目 {seq} 记录该文件为唯一副本）} none {若仍有人持有该组的原始密钥材料，使用它写出的材料包和该材料运行 keyferry airgap wrap（未保留托管副本：联网日志条目 {seq}）} other {使用它写出的材料包，从本仪式的托管副本运行 keyferry custody restore}}，按该命令打印的方式运行；然后在此处使用该步骤写出的已包装密钥材料包运行 keyferry online import。',
  'online.status.unrecorded-imports':
    'KMS 中有 {count} 个密钥已启用，本日志显示已向其发送导入但没有记录结果（命令在发送后被中止或崩溃，或其日志无法记录答复）：{keys}。请使用相同的 --bundle{bundles, select, none {} other {（{bundles}）}} 和 --expect-digest 重新运行 keyferry online import：它会将每个这样的密钥与材料包核对（密钥材料到期时间，RSA 和 EC 密钥还核对公钥），予以记录，且不会重复发送。',
  'online.status.unrecorded-not-taken':
    'KMS 中有 {count} 个密钥仍处于“等待导入”状态，但本日志显示已向其发送导入（日志条目 {seq}）且没有记录结果（命令在发送后被中止或崩溃，或其日志无法记录答复）：{keys}。KMS 的状态表明该导入没有生效：仪式尚未完成。请再次运行导入（DIGEST 为离线回执上的材料包摘要）：{command}。导入令牌有效期内，它会用同一个令牌再次发送导入，并在日志中记为对未记录结果的那次发送的重试；令牌过期后，它会提示重新获取导入参数。',
  'online.status.round-wrap':
    '{keys}的新导入参数在导入参数包 {folder} 中（日志条目 {seq}），写于{count, plural, =1 {该密钥} other {这些密钥}}的密钥材料丢失之后。下一步，在离线工作站上使用该参数包运行 keyferry online params 打印的命令：{custody, select, shares {keyferry custody restore --bundle …，使用 {total} 位保管人中任意 {threshold} 位的保管份额（{custodiansList}{set, select, named {；托管集 {setTag}} other {}}；联网日志条目 {custodySeq}）} hsmToken {keyferry custody restore --bundle … --hsm-module …，使用保存该密钥材料的 HSM 令牌 {token}（联网日志条目 {custodySeq}）} materialFiles {keyferry airgap wrap --bundle … --material，使用原始密钥材料文件（联网日志条目 {custodySeq} 记录其为唯一副本）} none {keyferry airgap wrap --bundle … --material，使用原始密钥材料（如果仍有人持有；未保留托管副本：联网日志条目 {custodySeq}）} other {keyferry custody restore --bundle …，使用保管份额或 HSM 令牌；没有保管副本时，keyferry airgap wrap --bundle … --material 加原始密钥材料文件}}；然后在此处使用它写出的已包装密钥材料包及其回执上的摘要运行 keyferry online import。',
  'online.status.finished':
    '仪式已完成：全部 {count} 个密钥均持有其密钥材料，刚刚已验证{seq, plural, =0 {} other {，联网回执 {receipt} 已写出（日志条目 {seq}）}}。',
  'online.status.receipt-not-written':
    '每个密钥都已持有其密钥材料并通过验证（{count, plural, other {# 个密钥}}），但联网回执尚未写入：导入在写入回执之前已中断。仪式尚未完成。下一步，请使用相同的 --expect-digest（其离线回执上的材料包摘要）重新运行导入；它不会重复导入，并会写入回执：{command}',
  'online.status.next-import-expiry':
    '由它制作的已包装密钥材料包 {folder} 已通过核对（日志条目 {seq}），但其导入被拒绝（条目 {refusedSeq}，{code}：{by, select, kms {按 KMS 的时钟} other {按本计算机的时钟}}其密钥材料到期时间不在未来）。该包装仍然有效，因此离线工作站无需重新包装。下一步，请在导入令牌的 24 小时内，以更晚的到期时间导入同一材料包（DIGEST 为其离线回执上的材料包摘要，EXPIRY 为带时区的日期时间、时长（如 90d）或 never；作为覆盖记入日志）：{command} --expect-digest DIGEST --expires EXPIRY。演练中，模拟器的时钟可能已被调快（kms-sim advance）。',
  'online.status.import-unfinished':
    '由导入参数包 {dir} 制作的已包装密钥材料包 {folder} 已在日志条目 {seq} 通过核对，但其导入未完成：尚无任何密钥持有其密钥材料（导入中途停止：Ctrl-C、KMS 或日志所在介质不可用，或核对后会话结束）。该包装仍然有效，因此离线工作站无需重新包装。下一步，{known, select, yes {在其导入令牌到期（KMS 时钟的 {until, date, moment}）之前} other {在令牌的 24 小时内}}，再次运行该材料包的导入（DIGEST 为其离线回执上的材料包摘要，请从纸面读取）：新的运行会在导入前再次核对该材料包（核对不会从之前的运行延续），然后只导入尚缺的部分：{command} --expect-digest DIGEST',
  'online.status.stale-wrap-refused':
    '已包装密钥材料包 {folder}（在日志条目 {seq} 通过核对）是由较早的导入参数包（{parameters}）而非最后写出的导入参数包（{dir}）制作的，其导入已在条目 {refusedSeq} 被拒绝：KMS 表示其导入令牌已过期（{code}）。该旧材料包已无法再导入，请将其搁置。该拒绝与最后写出的材料包无关，后者的令牌是它自己的：下面的下一步针对的是该包。',
  'online.status.round-import':
    '持有 {keys} 密钥材料的已包装密钥材料包 {folder} 已通过核对（日志条目 {seq}），但尚未从中导入任何内容。{refused, select, group {其导入已在日志条目 {refusedSeq} 被拒绝（REPLICA_GROUP_EXPIRY_DIFFERS）：副本组的一个成员持有该密钥材料，到期时间为 {heldIso}，本次导入也必须给出该到期时间。下一步，以该到期时间导入它（DIGEST 为其离线回执上的材料包摘要）：{command} --expect-digest DIGEST --expires {heldIso}} expiry {其导入已在日志条目 {refusedSeq} 被拒绝（{code}：密钥材料到期时间不在未来），因此同一导入会再次被拒绝。下一步，以更晚的到期时间导入它（DIGEST 为其离线回执上的材料包摘要，EXPIRY 为带时区的日期时间、时长（如 90d）或 never；作为覆盖记入日志）：{command} --expect-digest DIGEST --expires EXPIRY} other {下一步，导入该材料包（DIGEST 为其离线回执上的材料包摘要）：{command} --expect-digest DIGEST}}',
  'online.status.unproven-imports':
    'KMS 中有 {count} 个密钥已启用，但本日志显示向其发送的导入得到的是一个错误答复，不能说明导入是否生效：{answers}。请使用相同的 --bundle{bundles, select, none {} other {（{bundles}）}} 和 --expect-digest 重新运行 keyferry online import：它会先询问 KMS，将每个这样的密钥与材料包核对（密钥材料到期时间，RSA 和 EC 密钥还核对公钥），予以记录，且不会重复发送。',
  'online.status.unproven-answer':
    '{key}：{sentSeq, plural, =0 {} other {导入于日志条目 # 发送，}}日志条目 {seq} 记录的答复为{code, select, KMS_IMPORT_OUTCOME_UNKNOWN {结果未知的失败（KMS_IMPORT_OUTCOME_UNKNOWN：答复丢失，且无法读取密钥状态）} other { {code}}}',
  'online.status.answered-not-taken':
    'KMS 中有 {count} 个密钥仍处于“等待导入”状态，但本日志显示向其发送的导入得到的是一个错误答复，不能说明导入是否生效：{answers}。KMS 现在的状态表明该导入没有生效：仪式尚未完成。请再次运行导入（DIGEST 为离线回执上的材料包摘要）：{command}。它会先询问 KMS；导入令牌有效期内用同一个令牌再次发送导入，令牌过期后会提示重新获取导入参数。',
  'online.status.prove-first':
    '先校验：{proveCount} 个密钥持有尚未证明的已导入密钥材料（{prove}），因此仪式处于“{statePhrase}”步骤，此步骤不能写出导入参数包；{lostCount} 个密钥在等待新的导入参数（{lost}）。下一步：1. 证明这些密钥：{status}（它会证明每个持有密钥材料的密钥，并将每项证明记入日志；证明失败时会说明需要修复什么）；2. 然后获取并写出新的导入参数：{params}',
  'online.status.foreign-imports':
    'KMS 中有 {count} 个密钥已启用，但本仪式从未向其发送导入：{keys}。有人导入了其他材料：请勿在本仪式中使用这些密钥。',
  'online.status.not-journaled':
    '未记入日志：日志 {name} 无法写入（{errno}：其存储介质已满或无法写入），因此本次对 KMS 的查看没有记入其中。以下状态是 KMS 此刻的答复。',
  'online.status.not-journaled.next':
    '本次查看的任何内容都不在日志中{imported, plural, =0 {} other {，已导入的 # 个密钥也未经验证（status 会将每项验证记入日志）}}。请在日志的存储介质上腾出空间（或重新连接可写入的介质），然后再次运行 status，将本次查看记入日志：{command}',
  'online.deleted': '已删除密钥 {keyId} 导入的密钥材料；其状态现为“{state}”。',
};
