/** 托管集：每个仪式每位保管人一份份额（仪式备份密钥的份额），以及一个用该密钥加密了每个密钥材料的备份文件。 */
import type { enCustodySet } from '../en/custody-set';

export const zhCNCustodySet: { readonly [K in keyof typeof enCustodySet]: string } = {
  'problem.CUSTODY_BACKUP_NOT_A_BACKUP': '{file} 不是 Keyferry 托管备份，或已损坏到无法通过行校验。',
  'problem.CUSTODY_BACKUP_NOT_A_BACKUP.next':
    '请使用保管人随份额携带的备份文件（keyferry-backup-<仪式>-<托管集>.txt），或根据其打印件录入。',
  'problem.CUSTODY_BACKUP_LINE_INVALID':
    '托管备份 {file} 的第 {line} 行与其校验值不符（第 0 行是 KEYFERRY BACKUP 标题行）。未恢复任何内容。',
  'problem.CUSTODY_BACKUP_LINE_OUT_OF_PLACE':
    '托管备份 {file} 的第 {line} 行缺失或位置不对：该位置上的行编号为 {found}（各行按 1、2、3……依次编号；第 0 行是 KEYFERRY BACKUP 标题行）。未恢复任何内容。',
  'problem.CUSTODY_BACKUP_LINE_OUT_OF_PLACE.next':
    '请确认第 {line} 行存在、只出现一次且位置正确，并且行首输入的编号与打印的一致，然后重试。',
  'problem.CUSTODY_BACKUP_LINE_INVALID.next': '请将第 {line} 行与其他保管人的副本或打印件核对，改正后重试。',
  'problem.CUSTODY_BACKUP_QR_INVALID':
    '{reason, select, order {某段扫描文本不是备份二维码（必须以 KFBQR 行开头），或某个二维码重复给出。} count {备份共 {expected} 个二维码，只给出了 {found} 个。} mixed {扫描的二维码来自两份不同的备份。} other {二维码拼接后与打印时的备份文件不一致。}}未恢复任何内容。',
  'problem.CUSTODY_BACKUP_QR_INVALID.next':
    '请将同一份打印件上的每个二维码各扫描一次（每个标题注明“二维码 n/N”），全部粘贴后重试；或改为键入文本行。',
  'problem.CUSTODY_BACKUP_TRUNCATED':
    '托管备份 {file} 在其 {expected} 行中的{cut, select, midLine {第 {line} 行中间} other {第 {found} 行后}}结束：文件未完整复制。未恢复任何内容。',
  'problem.CUSTODY_BACKUP_TRUNCATED.next': '请使用其他保管人的备份文件副本，或根据打印件录入缺少的行。',
  'problem.CUSTODY_BACKUP_VERSION':
    '托管备份 {file} 的格式版本为 {version}，此版本的 Keyferry 无法读取。未恢复任何内容。',
  'problem.CUSTODY_BACKUP_VERSION.next': '请使用写入它的 Keyferry 版本或更新版本进行恢复。',
  'problem.CUSTODY_SHARE_PATH_IS_FOLDER':
    '{folder} 是文件夹，而不是份额文件：{count, plural, other {其中有 # 个份额文件：{namesList}}}。未从中读取任何内容。',
  'problem.CUSTODY_SHARE_PATH_IS_FOLDER.next':
    '请给出份额文件本身（keyferry-share-…-KofN.json，即此仪式的那一个），而不是包含它的文件夹。',
  'problem.CUSTODY_BACKUP_MISSING': '托管备份文件 {file} 不存在或不是普通文件。',
  'problem.CUSTODY_BACKUP_MISSING.next':
    '{surface, select, app {请出示随份额一起保存的备份文件（“托管备份”，“出示备份”），它位于每个份额文件旁边。} other {请提供随份额一起保存的备份文件（--backup FILE），它位于每个份额文件旁边。}}',
  'problem.CUSTODY_BACKUP_SWAPPED':
    '备份文件 {file} 不是制作这些份额时的备份：份额属于仪式 {ceremonyId}，记录的备份摘要为 {expected}；该文件属于仪式 {backupCeremonyId}，摘要为 {actual}。未恢复任何内容。',
  'problem.CUSTODY_BACKUP_SWAPPED.next': '请使用与这些份额文件放在一起的备份文件（摘要印在每张份额凭条上）。',
  'problem.CUSTODY_BACKUP_KEY_UNKNOWN': '密钥 {keyId} 不在仪式 {ceremonyId} 的托管备份中。未恢复任何内容。',
  'problem.CUSTODY_BACKUP_KEY_UNKNOWN.next':
    '{chosenBy, select, bundle {此托管集不持有参数包中密钥 {keyId} 的材料：请带来持有它的托管集的份额和备份。该密钥上次导入所用的已包装密钥材料包的离线回执写明了那个托管集（其仪式和标记，标记见于其每个份额文件名中）；若该包写明了其托管集，{surface, select, app {联网工作站也会以标记指明它（“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”）} other {keyferry online status 也会以标记指明它}}。} other {请选择备份中包含的密钥（备份文件开头列出了它们）。}}',
  'problem.CUSTODY_BACKUP_ENTRY_INVALID':
    '托管备份中密钥 {keyId} 的条目解密后与记录的材料不符：文件已被改动。未恢复任何内容。',
  'problem.CUSTODY_BACKUP_ENTRY_INVALID.next': '请使用其他保管人的备份文件副本，或根据打印件录入。',
  'problem.CUSTODY_SET_SHARE_FILE_INVALID':
    '无法使用份额文件 {file}：{fieldCount, plural, other {其字段 {fieldsList} 无效}}。',
  'problem.CUSTODY_SET_SHARE_FILE_INVALID.next': '请确认文件已完整复制；否则请根据打印的份额凭条录入份额。',
  'problem.CUSTODY_SHARE_IS_SET': '{file} 是仪式托管集的份额，需要与其备份文件一起恢复。',
  'problem.CUSTODY_SHARE_IS_SET.next': '请同时提供备份文件（keyferry custody restore --backup FILE）。',
  'problem.CUSTODY_SET_PARAMETERS_INVALID': '不允许 {m}-of-{n} 托管：需要 2 <= M <= N <= 16。未写入任何内容。',
  'problem.CUSTODY_SET_PARAMETERS_INVALID.next': '请选择至少为 2 的 M，以及介于 M 和 16 之间的 N。',
  'problem.CUSTODY_SET_KEY_COUNT': '一个托管集包含 1 到 {max} 个密钥；此仪式有 {count} 个。未写入任何内容。',
  'problem.CUSTODY_SET_KEY_COUNT.next': '请将密钥分到每个最多 {max} 个密钥的多个仪式中。',
  'problem.CUSTODY_SET_CUSTODIANS': '为 {n} 份份额指定了 {count} 位保管人。未写入任何内容。',
  'problem.CUSTODY_SET_CUSTODIANS.next': '请正好指定 {n} 位保管人，每份份额一位。',
  'problem.CUSTODY_SET_CUSTODIAN_INVALID':
    '{character, select, none {保管人名称“{name}”不可用：保管人名称为 1-100 个可打印字符，且 UTF-8 编码不超过 255 字节（即最多 85 个汉字）。} other {第 {index} 位保管人的名称（“{name}”）含有不可见字符 {character}（从网页或文档粘贴时会带入）。}}未写入任何内容。',
  'problem.CUSTODY_SET_CUSTODIAN_INVALID.next': '请手工键入每位保管人的名称（普通名称，不要粘贴）。',
  'problem.CUSTODY_SET_CUSTODIAN_TWICE':
    '{same, select, yes {保管人“{firstName}”同时被指定为第 {first} 份和第 {second} 份份额的保管人} other {第 {first} 份和第 {second} 份份额的保管人输入为“{firstName}”和“{secondName}”，按 Keyferry 的比较方式是同一个人（不区分大小写，并忽略名字前后的空格）}}：一人持有两份份额会削弱 M-of-N。未写入任何内容。',
  'problem.CUSTODY_SET_CUSTODIAN_TWICE.next': '请为每份份额指定不同的人。',
  'problem.CUSTODY_SET_SPEC_MISMATCH': '密钥 {keyId} 的材料是 {actual}，但该密钥是 {spec}。未写入任何内容。',
  'problem.CUSTODY_SET_SPEC_MISMATCH.next': '请加载正确密钥规格的材料。',
  'problem.CUSTODY_SET_UNVERIFIED': '刚制作的托管集未能准确恢复每个密钥。未写入任何内容。',
  'problem.CUSTODY_SET_UNVERIFIED.next': '请重新拆分；如果再次失败，请报告此问题。',
  'problem.CUSTODY_SET_TOO_FEW_SHARES': '需要 {needed} 份份额，只提供了 {given} 份。未恢复任何内容。',
  'problem.CUSTODY_SET_TOO_FEW_SHARES.next': '请召集此仪式的更多保管人携带其份额。',
  'problem.CUSTODY_SET_SHARE_CORRUPTED': '第 {index} 份份额已损坏：其校验和与内容不符。未恢复任何内容。',
  'problem.CUSTODY_SET_SHARE_CORRUPTED.next':
    '请向第 {index} 份份额的保管人索取完好的副本（份额文件或打印的凭条），或使用其他保管人的份额。',
  'problem.CUSTODY_SET_SHARES_MIXED':
    '第 {first} 份和第 {other} 份份额不属于同一个托管集（仪式 {firstCeremony} 和 {otherCeremony}）。未恢复任何内容。',
  'problem.CUSTODY_SET_SHARES_MIXED.next':
    '请只出示同一托管集的份额：即持有待恢复材料的那个托管集，密钥上次导入所用参数包的离线回执写明了它的仪式和标记（标记见于每个份额文件名中）；将其他托管集的份额放在一旁。',
  'problem.CUSTODY_SET_TWO_SETS':
    '第 {first} 份和第 {other} 份份额属于仪式 {ceremonyId} 的两个不同的托管集：第 {first} 份属于备份摘要为 {firstDigest}… 的托管集，第 {other} 份属于备份摘要为 {otherDigest}… 的托管集（每次拆分都会形成各自的托管集：可能是该仪式后来的一次包装生成了新的密钥材料和新的托管集，也可能是一次托管拆分为同一密钥材料生成了第二个托管集）。两个托管集的份额永远不能合用。未恢复任何内容。',
  'problem.CUSTODY_SET_TWO_SETS.next':
    '只使用一个托管集的份额，且该托管集的密钥材料已被 KMS 导入：联网端回执写明了所导入的已包装密钥材料包，而该包的离线回执写明了其托管集的备份摘要（每张凭条上也印有）。将另一托管集的份额放在一旁，在任何人销毁之前先查明其持有的是哪份密钥材料：若其所属包装的密钥材料包从未被 KMS 导入，则其密钥材料永远不会进入 KMS（其保管人可以销毁这些份额）；若是对已导入密钥材料的第二次拆分，则不然（请保留）。',
  'problem.CUSTODY_SET_SHARE_DUPLICATE': '第 {index} 份份额已经提交过：每份份额只计一次。未恢复任何内容。',
  'problem.CUSTODY_SET_SHARE_DUPLICATE.next': '请改为带来另一位保管人的份额，而不是第二个副本。',
  'problem.CUSTODY_SET_KEY_MISMATCH':
    '份额 {sharesList} 未能重建其中记录的备份密钥：至少有一份份额是错误的，尽管其校验和完好。未恢复任何内容。',
  'problem.CUSTODY_SET_KEY_MISMATCH.next': '请将每份份额与其保管人打印的凭条核对，或使用其他保管人的份额。',
  'slip.set.keys': '密钥',
  'slip.set.keysValue':
    '{grouped, select, yes {{count} 份密钥材料（{keys} 个密钥；副本组的密钥共用一份）：其会话所包装的密钥材料，加密保存在备份文件中} other {{count, plural, other {# 个密钥}}：其会话所包装的密钥，加密保存在备份文件中}}',
  'slip.set.shareValue':
    '第 {index} 份，共 {total} 份（任意 {threshold} 份加上备份文件可重建全部密钥；少于此数则不泄露任何信息）',
  'slip.set.backupFile': '备份文件',
  'slip.set.backupDigest': '备份摘要（SHA-256）',
  'slip.set.backupKeyCheck': '备份密钥校验值',
  'slip.set.keep':
    '请将本凭条、份额文件和备份文件放在一起，并与其他保管人的份额分开存放。恢复时，各保管人带来各自的份额以及一份备份文件（或其打印件）；按打印内容逐行键入下方各行（空格和大小写不影响），或扫描二维码。',
  'cli.custody.set-written':
    '托管：{keys, plural, =1 {这 1 个密钥} other {全部 # 个密钥}}{grouped, select, no {} other {（{materials} 份密钥材料：副本组的密钥共用一份，凭条按材料计数）}}共用一个托管集，{m}-of-{n}：每位保管人持有一份份额、其凭条和备份 {backup}（摘要 {digest}）。',
  'cli.custody.set-holder': '  保管人 {custodian} 的第 {index} 份份额：{folder}',
  'problem.CUSTODY_BACKUP_NOT_GIVEN': '仪式托管集的份额需要与仪式备份文件一起恢复，但未提供备份文件。',
  'problem.CUSTODY_BACKUP_NOT_GIVEN.next':
    '请提供 --backup FILE：份额文件旁边的 keyferry-backup-<仪式>-<托管集>.txt，或将其打印件录入到文本文件中。',
  'cli.custody.backup-read': '托管备份 {file}：仪式 {ceremonyId} 的 {keys, plural, other {# 个密钥}}，摘要 {digest}',
  'cli.custody.set-restored':
    '已根据 {n} 份中的份额 {shares}（需要 {m} 份）和备份重建仪式 {ceremonyId} 的 {count, plural, other {# 个密钥}}；每个密钥均已与为其记录的校验值核对：',
  'cli.custody.set-restored-key':
    '  {keyId}  {spec}  {kind, select, kcv {KCV} other {公钥 SHA-256}} {value}{replicaOf, select, none {} other {：其主密钥 {replicaOf} 的密钥材料（副本持有其主密钥的密钥材料；托管集将该材料及其校验值记录在主密钥名下）}}',
  'cli.custody.proof-scope':
    '以上证明所依据的是保管副本自身（其份额和备份）记录的校验值，而不是 KMS 持有的密钥材料：被后来的一次包装取代的托管集的份额同样能通过。要对照 KMS 持有的密钥材料进行证明，请用 --bundle 给出新的导入参数（keyferry online params）：恢复会在包装任何内容之前，将重建的密钥材料与每个密钥已绑定的密钥材料进行核对。',
  'cli.custody.set-nothing-written':
    '未写入明文文件（使用 --out DIR 将每个恢复的密钥写入新文件夹，或使用 --bundle DIR 将其包装以便重新导入）。',
  'cli.custody.set-files-written':
    '已将 {count, plural, other {# 个密钥}}写入 {dir}，每个密钥一个 <密钥 ID>.key 文件，{kept, select, yes {权限 0600} other {权限 {mode}（该卷不保存文件权限）}}：这是明文密钥材料（如何处理见下文）。',
  'problem.CUSTODY_OUT_EXISTS': '{path} 已存在；Keyferry 从不覆盖。未恢复任何内容。',
  'problem.CUSTODY_OUT_EXISTS.next': '请为 --out 选择一个新的文件夹名称。',
  'problem.CUSTODY_SHARE_HOLDER_DIFFERS':
    '份额 {index} 注明其保管人为 {custodian}，但托管集的备份注明份额 {index} 的持有人为 {holder}：该份额文件已被改动（其校验和并非封印）。未恢复任何内容。',
  'problem.CUSTODY_SHARE_HOLDER_DIFFERS.next':
    '请使用保管人收到时的份额文件（其本人的副本或打印的份额单），并核对份额 {index} 的持有人：备份列出了每一位持有人。请保留被改动的文件以备审计。若在恢复仪式中已出示了该份额，请放弃此次恢复，并在不使用该份额的情况下重新开始。',
  'problem.PLAINTEXT_OUT_IN_BUNDLE':
    '{where, select, beside {{path} 将与包文件夹 {bundle} 位于同一位置，该位置很可能是把包带到联网工作站的介质：写在那里的明文密钥材料会随之被带走。} other {{path} 位于包文件夹 {bundle} 之内：写在那里的明文密钥材料会随该包一起，经由移动存储介质带到联网工作站。}}未恢复任何内容。',
  'problem.PLAINTEXT_OUT_IN_BUNDLE.next':
    '请为 --out 指定本离线工作站上、不在任何包文件夹之内的位置，且绝不要放在传输介质上。',
  'receipt.people.holdsSet':
    '条目 {seq}：持有本仪式托管集的份额 {share}（共 {total} 份；{materials, plural, other {# 个密钥或副本组}}的密钥材料，备份摘要 {digest}…；任意 {threshold} 份可重建）',
  'receipt.people.holdsReplacedSet':
    '条目 {seq}：持有本仪式一个托管集的份额 {share}（共 {total} 份，涵盖 {materials, plural, other {# 个密钥或副本组}}的材料，备份摘要 {digest}…；任意 {threshold} 份即可重建），该托管集由之后的一次包装取代：第 {session} 个会话生成了新材料（条目 {repeatSeq}），并有其自己的托管集（条目 {laterSeq}）。该次包装的材料包导入后，此托管集不再备份任何材料，其份额应予销毁；在联网工作站显示密钥持有哪份材料之前，请保留此份额',
  'receipt.people.withdrawnSet':
    '条目 {seq}：曾获得一个未完成会话的托管集的份额 {share}（共 {total} 份，备份摘要 {digest}…）：该托管集已撤回，其会话写出的任何材料包也已撤回（见偏差）',
  'receipt.people.notWithdrawnSet':
    '条目 {seq}：曾获得一个未完成会话的托管集的份额 {share}（共 {total} 份，备份摘要 {digest}…）：{how, select, kept {已保留，未撤回：其会话在写出包清单之前已写出回执；条目 {failedSeq} 说明何时可以销毁（见偏差）} failed {未撤回，请仅手动删除其文件，即文件名中带有 {tag} 的文件，位于条目 {failedSeq} 所记的留存位置，不要删除那里的其他内容：旁边可能有之后一个托管集的有效份额（见偏差）} other {未撤回，请仅从 {folder} 手动删除其文件，即文件名中带有 {tag} 的文件：日志中没有撤回它们的记录；不要删除那里的其他内容}}',
  'receipt.people.cutSet':
    '条目 {seq}：应获得一个在写入托管集时被中断的会话的托管集的份额 {share}（共 {total} 份，备份摘要 {digest}…；其文件名中带有 {tag}）：{how, select, maybe {未撤回：无法读取文件夹 {folder}，而写入可能已到达该文件夹。请在该介质上查找：其中任何此类文件都属于一个不能重建任何已包装密钥材料的托管集；请在有人将其作为份额保留或出示之前删除（条目 {failedSeq}，见偏差）} other {未撤回，删除前请先核对：{folder} 中有此类文件，而该拆分可能已完成但其条目未记入日志（本日志可能是被截短的副本）；条目 {failedSeq} 说明如何判断（见偏差）}}',
  'receipt.people.presentedSet':
    '条目 {seq}：本仪式托管集的份额 {share}（共 {total} 份；{materials, plural, other {# 个密钥或副本组}}的密钥材料，备份摘要 {digest}…；任意 {threshold} 份可重建）由 {presenter} 出示并用于重建密钥材料',
  'cli.rehearse.human-actions':
    '{keys, plural, other {# 个密钥}}的人工操作（据日志统计）：朗读 {readAloud} 个值，键入 {typed} 个，打印并签署 {slips} 份凭条，交接 {media} 次介质（共 {total} 次）',
  'cli.custody.split-done':
    '已将密钥 {keyId}（仪式 {ceremonyId}）的 {spec} 密钥材料拆分为 {n} 份的托管集；任意 {m} 份加上备份 {backup} 即可重建。',
  'cli.custody.split-check': '{kind, select, kcv {密钥校验值（KCV）：{value}} other {公钥 SHA-256 指纹：{value}}}',
  'cli.custody.split-written': '已写入各保管人文件夹（每个文件均已回读核对）：',
  'cli.custody.split-share': '  第 {index} 份（共 {n} 份），保管人 {custodian}：{file}  sha256 {sha256}',
  'cli.custody.split-companion': '    {file}',
  'cli.custody.plaintext-stopped':
    '已由 {signal, select, SIGINT {Ctrl-C（SIGINT）} other {{signal} }}{state, select, written {在恢复的密钥材料写入之后停止：上面列出的文件以明文形式存放这些材料；上面的“警告”说明了应如何处理它们。} left {在恢复的密钥材料全部写入之前停止，且其中部分文件未能删除：{files}。它们以明文形式存放密钥材料：无论它们在哪里，请立即销毁。} other {在恢复的密钥材料全部写入之前停止：已写入的内容及其创建的文件夹已删除，未留下任何内容。请再次运行同一命令以写入。}}',
  'cli.custody.split-stopped':
    '已由 {signal, select, SIGINT {Ctrl-C（SIGINT）} other {{signal} }}在托管拆分完成前停止：{removed, plural, =0 {{moved, plural, =0 {尚未向保管人文件夹写入任何文件} other {已写入的文件均未删除}}} other {已写入的 # 个文件（份额、凭条、备份）已从 {folders} 中再次删除}}{left, plural, =0 {} other {；无法删除 {leftFiles}：在任何人将其作为份额带走之前，请手动删除}}{moved, plural, =0 {} other {；不在写入的位置（其文件夹被移动，或其介质被取出）：{movedFiles}：在任何人将其作为份额带走之前，请找到并删除它们}}。密钥材料文件未改动；请再次运行同一命令重新拆分。',
  'cli.custody.split-material-file':
    '警告：{file} 仍以明文保存此密钥材料。各保管人拿到各自的文件夹后，请销毁该文件及其所有副本（覆写该文件，或销毁其介质）；此后由托管集保管该密钥材料。',
  'cli.custody.split-next':
    '请打印每份凭条和备份打印件，由各保管人签署自己的凭条，并将各文件夹（份额、凭条、备份）交给对应的保管人。',
  'problem.CUSTODY_RESTORE_EXPIRY_REQUIRED':
    '此材料导入时设有到期时间（{at, date, utc}{past, select, yes {，现已过去} other {}}）；{where, select, app {不选择到期时间} other {不带 --expires}}恢复将请求“永不过期”，这是无人选择的策略变更。未恢复任何内容。',
  'problem.CUSTODY_RESTORE_EXPIRY_REQUIRED.next':
    '{where, select, app {请选择恢复后材料的到期时间：原到期时间（须仍在将来）、新的日期或时长（如 90d），或永不过期。} other {请选择恢复后材料的到期时间：--expires original（沿用原到期时间，须仍在将来）、--expires <ISO 日期时间或时长，如 90d>，或 --expires never。}}',
  'problem.CUSTODY_RESTORE_EXPIRY_PASSED':
    '原密钥材料到期时间 {at, date, utc} 已过；KMS 会立即再次删除该材料。未恢复任何内容。',
  'problem.CUSTODY_RESTORE_EXPIRY_PASSED.next':
    '{where, select, app {请选择新的日期、时长（如 90d）或永不过期。} other {请选择新的到期时间（--expires <ISO 日期时间或时长，如 90d>）或 --expires never。}}',
  'problem.CUSTODY_RESTORE_EXPIRY_UNKNOWN':
    '导入参数包未说明材料原有的到期时间（由旧版 Keyferry 写入），因此不能使用{where, select, app {原到期时间} other { --expires original}}。未恢复任何内容。',
  'problem.CUSTODY_RESTORE_EXPIRY_UNKNOWN.next':
    '{where, select, app {请选择日期、时长（如 90d）或永不过期。} other {请明确给出到期时间：--expires <ISO 日期时间或时长，如 90d> 或 --expires never。}}',
  'cli.opt.restore.expires':
    '恢复后的包所请求的密钥材料到期时间：original（材料原有的到期时间，须仍在将来）、never、ISO 日期时间或时长（90d）；材料原有到期时间时必须给出',
};
