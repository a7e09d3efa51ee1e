/** 警告：工作继续进行时需要让人看到的情况。以代码和值传递（i18n/warning.ts 中的 `Warning`），时间为 epoch 毫秒。 */
import type { enWarnings } from '../en/warnings';

export const zhCNWarnings: { readonly [K in keyof typeof enWarnings]: string } = {
  'warning.TOKEN_EXPIRES_SOON':
    '{count, plural, =1 {密钥 {keyId} 的导入令牌将于} other {# 个密钥的导入令牌中，最早到期的是密钥 {keyId} 的令牌，将于}} {at, date, moment} 到期，还剩 {minutes} 分钟：请在此之前导入，或重新获取导入参数。',
  'warning.PARAMETERS_BUNDLES_ONE_PER_KEY':
    '本次仪式有不止一个导入参数包含有相同密钥的导入参数，且其导入令牌仍可能被 KMS 接受。一次包装会涵盖其参数包中的每个密钥，一个密钥若从两个参数包包装，其密钥材料就会出现两个版本：每个密钥只用一个参数包，如下所列。{wrapped, plural, =0 {} =1 {已经包装过、其包装已在此处检查但尚未导入（密钥 → 已包装密钥材料包）：{wrappedPhrases}。请导入那次包装，不要再次包装这些密钥。} other {已经包装过、已在此处检查但尚未导入的 # 次包装（密钥 → 已包装密钥材料包），最新的在前：{wrappedPhrases}。请按此顺序逐一导入这些包装，最新的先导入（若先导入较早的包装，它会把其密钥材料给它所含的每个密钥，包括此处列给较新包装的密钥）；不要再次包装这些密钥。}}{takes, plural, =0 {} other {在离线工作站上包装，每个参数包只包装一次（密钥 → 导入参数包，文件夹和摘要）：{takesPhrases}。}}如果离线端已经包装过此处列出的任何参数包，而此处尚未有导入检查过那次包装，请先导入那次包装（在销毁或包装任何参数包之前），然后{surface, select, app {再次读取密钥状态（“从 KMS 读取密钥状态”）} other {运行 keyferry online status}}：它会再次说明每个密钥使用哪个参数包。{destroy, plural, =0 {} other {请销毁以下 {destroy} 个参数包及其所有副本，切勿包装（其导入令牌最迟在 {at, date, moment} 之前可能被接受）：{destroyList}（文件夹和摘要）。}}{fresh, plural, =0 {} other {上面没有任何参数包应为 {freshListPhrases} 包装（包装它会同时包装一个使用其他参数包或已持有密钥材料的密钥，或拆开一个副本组）：请在同一个参数包中只为{fresh, plural, =1 {该密钥} other {这些密钥}}获取新的导入参数（{surface, select, app {步骤“获取导入参数”，选中{fresh, plural, =1 {该密钥} other {这些密钥}}} other {keyferry online params，每个密钥一个 --key-id；或在应用的参数步骤中选中{fresh, plural, =1 {该密钥} other {这些密钥}}}}），然后包装由此写出的参数包。}}',
  'warning.EARLIER_PARAMETERS_BUNDLE_EXPOSED':
    '{count} 个导入参数包 {bundlesList}（文件夹和摘要）写于在日志条目 {seq} 因密钥材料泄露而被拒绝的那次包装之前，其导入令牌在 {at, date, moment} 之前可能仍被接受。那次包装所用的是介质上被改动过的副本：请销毁这些参数包及其所有副本，切勿再次包装它们，也不要导入它们的任何包装，{takes, select, new {只把新的参数包带到离线工作站。} other {只把说明每个密钥使用哪个参数包的那条警告中列出应包装的参数包带到离线工作站，每个只包装一次。}}',
  'warning.OTHER_AIRGAP_JOURNAL_IMPORTED':
    '此包凭官员确认导入（--accept-other-airgap-journal；作为覆盖记入日志并印在回执上）：它是在离线日志{airGapJournal, select, none {（包中未写明）} other { {airGapJournal}（首条记录 {airGapJournalFirstEntry}）}}中包装的，而不是在本仪式此前的日志 {earlierAirGapJournal}{earlierAirGapJournalFirstEntry, select, none {} other {（首条记录 {earlierAirGapJournalFirstEntry}）}}中；本联网日志在第 {earlierSeq} 条记录接受了那个日志的包装。{earlierCopy, select, bound {本仪式有密钥绑定了那次包装的密钥材料（此前从中导入）：请保留那次包装的材料包和托管副本。} shares {那次包装的托管副本（{total} 份中任意 {threshold} 份，由 {custodianList} 持有{setTag, select, none {} other {，托管集 {setTag}（即份额文件名中的标记）}}）及其材料包所备份的密钥材料将不会被任何密钥持有：待 keyferry online status 显示这些密钥已导入后再销毁它们，不要提前。} unknown {本日志未记录那次包装的托管副本，其离线回执写明了它。它与那次包装的材料包所备份的密钥材料将不会被任何密钥持有：待 keyferry online status 显示这些密钥已导入后再销毁它们，不要提前。} other {那次包装的材料包所备份的密钥材料将不会被任何密钥持有：待 keyferry online status 显示这些密钥已导入后再销毁它，不要提前。}}',
  'warning.WRAPPED_KEY_SKIPPED':
    '密钥 {alias}（{keyId}）不随本次导入：{held, select, same {它已持有这份相同的密钥材料（本包中的密钥校验值或公钥与它绑定的一致），于 {at, date, moment} 从已包装密钥材料包 {digest} 导入（联网日志条目 {seq}）。没有任何损失。} other {它持有其他密钥材料，于 {at, date, moment} 从已包装密钥材料包 {digest} 导入（联网日志条目 {seq}），那是一次较晚的包装，所用导入参数签发于本包的导入参数之后。KMS 不再接受此密钥的其他密钥材料：本包为它保存的密钥材料永远不会被导入。不要仅凭此行销毁任何托管集：联网工作站会说明某个托管集何时不再备份任何密钥。}}本包的其他密钥照常导入；此次跳过已记入日志并打印在回执上。',
  'warning.WRAPPED_FROM_EARLIER_PARAMETERS':
    '此已包装密钥材料包是用较早的导入参数包（{dir}，摘要 {digest}）制作的，而不是本次仪式最后写出的那个（{latestDir}，摘要 {latestDigest}）。{tokens, select, expired {{by, select, kms {按 KMS 的时钟（由它为最后那个参数包签发的导入令牌可知）} other {按本计算机的时钟（KMS 此后签发的导入令牌并未显示它的时钟更晚）}}，其导入令牌已于 {at, date, moment} 过期：KMS 会拒绝本次导入。{latest, select, expired {最后那个参数包（{latestDir}）的导入令牌也已于 {latestAt, date, moment} 过期：两个参数包都不能再用于包装。请获取新的导入参数并用它包装，online status 会说明这一点。} other {请保留最后那个参数包（{latestDir}）：应包装的是它，online status 会说明这一点。}}} other {{by, select, kms {按 KMS 的时钟（由它为最后那个参数包签发的导入令牌可知）} other {按本计算机的时钟（KMS 此后签发的导入令牌并未显示它的时钟更晚）}}，其导入令牌尚未过期，因此会像其他材料包一样被核对和导入（除非 KMS 不再接受这些令牌）；联网回执会写明它所用的参数包。{bound, select, yes {这些密钥只接受此前导入的密钥材料，因此用另一个参数包制作的包装（例如另一次托管恢复）持有的是同一份密钥材料，不会产生第二个版本：完成本次导入后，请销毁另一个参数包以及用它制作的任何包装。} other {待 KMS 接受本次导入后，请销毁另一个参数包，不要再对它进行包装；如果 KMS 拒绝此材料包的令牌，则应包装另一个参数包，online status 会说明这一点。如果离线端已经包装过另一个参数包，那份包装同样不会被导入：本次导入完成后，{surface, select, app {也请核对那份包装（步骤“读取并检查已包装密钥材料包”）} other {请用那份包装运行 online import}}，它会拒绝该包装，并在其托管集不再备份任何材料时指明该托管集。只有该拒绝指明了这个托管集，其保管人才销毁其份额：未被指明的托管集可能仍是某个密钥材料的唯一副本。}}}}',
  'warning.WRAPPED_FROM_UNRECORDED_PARAMETERS':
    '此已包装密钥材料包中的导入令牌并非由本日志记录写出的任何导入参数包所携带（其记录的最后一个是 {latestDir}，摘要 {latestDigest}）：这些令牌由本仪式获取，但携带它们的包从未记入日志，例如 `online params` 在写出包之后被中止。由于这些令牌属于本仪式，导入会继续；联网回执不会为此次包装注明导入参数包。请将离线回执上的参数摘要与介质上的各个包进行核对，并销毁所有未被包装的参数包。',
  'warning.CLOCK_SUSPECT':
    '{count, plural, =1 {密钥 {keyId} 的导入令牌将于} other {# 个密钥的导入令牌中，最早到期的是密钥 {keyId} 的令牌，将于}} {at, date, moment} 到期，距本机时间 {now, date, moment} 超过 24 小时：请检查本机时钟。',
  'warning.MATERIAL_EXPIRY_PAST':
    '密钥 {keyId} 请求的密钥材料到期时间 {at, date, moment} 已过：KMS 将拒绝此次导入（{kmsCode}）。',
  'warning.MATERIAL_EXPIRY_PAST_BY_KMS':
    '{count, plural, =1 {此参数包为密钥 {keyId} 请求的密钥材料到期时间} other {此参数包为 # 个密钥（第一个为密钥 {keyId}）请求的密钥材料到期时间}} {at, date, moment} 并不晚于 KMS 的时钟：KMS 刚刚签发的导入令牌显示其时间为 {kmsNow, date, moment}，而本计算机的时钟为 {now, date, moment}。KMS 会拒绝{count, plural, =1 {该导入} other {这些导入}}（KMS.2602），离线包装也会拒绝为其生成密钥材料：请为包装给出更晚的到期时间（keyferry airgap wrap --expires，或在应用的预检步骤中选择到期时间；作为对计划的覆盖记入日志）。演练中，模拟器的时钟可能已被调快（kms-sim advance）；否则请检查本计算机的时钟。',
  'warning.OS_METADATA_IGNORED': '已忽略不属于此包的文件管理器元数据：{filesList}。',
  'warning.EXPIRY_DIFFERS_FROM_PLAN':
    '{count, plural, =1 {密钥 {keyId}} other {# 个密钥（第一个为密钥 {keyId}）}}：已包装密钥材料包请求的密钥材料到期时间为{requested, select, never {永不过期} other { {requestedAt, date, moment}}}，而仪式计划为{plan, select, never {永不过期} other { {planAt, date, moment}}}；除非明确选择到期时间，导入将采用材料包中的请求（已在离线工作站上经见证）。',
};
