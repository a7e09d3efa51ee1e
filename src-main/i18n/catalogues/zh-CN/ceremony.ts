/**
 * 仪式各步骤的拒绝（联网、离线、恢复、共用）。英文原文见 ../en/ceremony.ts。
 * Chinese wording by the i18n engineer, not yet reviewed by a native-speaking security officer.
 */
import type { enCeremony } from '../en/ceremony';
import { KEY_STATE } from './kms';

const REFUSED = '不要导入此包。请带来离线工作站为这些导入参数写出的已包装密钥材料包，不得改动。';
const FETCH_NEW_PARAMETERS =
  '{surface, select, app {请重新获取导入参数（“获取导入参数”步骤）并写出参数包，带到离线工作站后重新包装。} other {请重新获取导入参数（keyferry online params），带到离线工作站后重新包装。}}';

export const zhCNCeremony: { readonly [K in keyof typeof enCeremony]: string } = {
  'ceremony.state':
    '{state, select, new {尚未开始} keysCreated {已创建密钥} parametersFetched {已获取导入参数} parametersWritten {已写出导入参数包} materialChecked {已检查已包装密钥材料} imported {已导入密钥材料} verified {已验证密钥} networkChecked {已检查网络} parametersRead {已读取导入参数} fingerprintsConfirmed {见证人已确认} materialReady {密钥材料已就绪} sharesPresented {已出示份额} restored {已重建密钥材料} wrapped {已包装密钥材料} bundleWritten {已写出已包装密钥材料包} finished {已完成} other {{state}}}',
  'problem.CUSTODY_SPEC_INVALID': '“{text}” 不是形如 2/3 的托管拆分。',
  'problem.CUSTODY_SPEC_INVALID.next': '请给出 M/N，满足 2 <= M <= N <= 16，例如 --custody 2/3。',
  'problem.MATERIAL_NOT_HELD': '没有持有密钥 {keyId} 的密钥材料。',
  'problem.MATERIAL_NOT_HELD.next': '请先为此密钥生成或加载密钥材料。',
  'problem.KEY_NOT_IN_CEREMONY': '密钥 {keyId} 不在本仪式的导入参数中。',
  'problem.KEY_NOT_IN_CEREMONY.next': '请从以下密钥中选择：{keyIdsList}。',
  'problem.RECEIPT_NEEDS_TOKEN': '密钥 {keyId} 没有导入令牌，回执无法引用它。',
  'problem.RECEIPT_NEEDS_TOKEN.next': '请连同导入令牌（ImportToken.b64）一起读取导入参数。',
  'problem.BUNDLE_WRONG_KIND':
    '{dir} 是{found, select, wrapped {已包装密钥材料包，不是导入参数包} other {导入参数包，不是已包装密钥材料包}}。',
  'problem.BUNDLE_WRONG_KIND.next':
    '{pick, select, airgap {请选择联网工作站写出的导入参数包。} restore {{surface, select, app {请选择在此密钥的密钥材料到期后为它获取的导入参数包（在联网工作站上，“获取导入参数”步骤）。} other {请选择在此密钥的密钥材料到期后为它获取的导入参数包（keyferry online params）。}}} other {请选择离线工作站写出的已包装密钥材料包。}}',
  'problem.CUSTODY_ALREADY_SPLIT': '本仪式中的密钥材料已经拆分托管。',
  'problem.CUSTODY_ALREADY_SPLIT.next': '下一步请包装密钥材料。',
  'problem.MATERIAL_AFTER_CUSTODY_SPLIT':
    '本次会话的保管份额是从其当前持有的密钥材料拆分而来的：此时{source, select, file {加载其他密钥材料} other {生成新的密钥材料}}会使这些份额所备份的材料永远不会进入 KMS，而回执仍会将它们列为该材料的托管。未做任何更改。',
  'problem.MATERIAL_AFTER_CUSTODY_SPLIT.next':
    '请包装拆分出这些份额的那份密钥材料。如需使用其他材料，请离开本次会话（其托管文件会像停止时一样被撤回），然后重新开始。',
  'problem.WRAPPING_KEY_CHANGED': '密钥 {keyId} 的包装密钥与见证人确认的指纹不再一致。',
  'problem.WRAPPING_KEY_CHANGED.next': '请停止，并从导入参数包重新开始离线一侧。',
  'problem.EXPIRY_IN_PAST':
    '{reason, select, chosen {为密钥 {keyId} 选择的密钥材料到期时间 {at, date, moment} 不在未来；KMS 会拒绝（KMS.2602）。} bundle {已包装密钥材料包为密钥 {keyId} 请求的密钥材料到期时间 {at, date, moment} 已过；KMS 会拒绝（KMS.2602）。没有导入任何内容。} import {密钥 {keyId} 的密钥材料到期时间 {at, date, moment} 不在未来；KMS 会拒绝（KMS.2602）。} wrap {为密钥 {keyId} 请求的密钥材料到期时间 {at, date, moment}（计划中的，或所给出的）不晚于本计算机的时间 {now, date, moment}：用它包装的密钥材料永远无法导入（KMS.2602）。没有生成任何内容。} wrapKms {为密钥 {keyId} 请求的密钥材料到期时间 {at, date, moment}（计划中的，或所给出的）不晚于 KMS 的时间 {now, date, moment}（如参数包的导入令牌所示；本计算机的时钟落后于 KMS 的时钟）：用它包装的密钥材料永远无法导入（KMS.2602）。没有生成任何内容。} other {密钥材料到期时间 {at, date, moment} 不在未来。}}',
  'problem.EXPIRY_IN_PAST.next':
    '{surface, select, app {{reason, select, bundle {请在“导入的 AES 密钥材料何时到期？”下明确选择到期时间（“永不过期”，或“按输入：never、自现在起的时长，或带时区的日期时间”；会作为覆盖记入日志），或在离线工作站用更晚的到期时间重新包装。} wrap {请在预检步骤中给出更晚的到期时间（时长如 90d、带时区的日期时间或 never；作为对计划的覆盖记入日志）。} wrapKms {请在预检步骤中给出比 KMS 的时间更晚的到期时间（时长如 90d，从 KMS 的时间起算；带时区的日期时间；或 never；作为对计划的覆盖记入日志）。} plan {请选择更晚的日期，或“永不过期”。} other {请选择更晚的到期时间，或“永不过期”。}}} other {{reason, select, bundle {请明确选择到期时间（keyferry online import --expires EXPIRY：never、时长（如 90d）或带时区的日期时间；会作为覆盖记入日志），或在离线工作站用更晚的 --expires 重新包装。} wrap {请给出更晚的到期时间：keyferry airgap wrap … --expires EXPIRY（时长如 90d、带时区的日期时间或 never；作为对计划的覆盖记入日志），或在应用的预检步骤中选择到期时间。} wrapKms {请给出比 KMS 的时间更晚的到期时间：keyferry airgap wrap … --expires EXPIRY（时长如 90d，从 KMS 的时间起算；带时区的日期时间；或 never；作为对计划的覆盖记入日志），或在应用的预检步骤中选择到期时间。} plan {请选择更晚的日期，或 “never”。} other {请选择更晚的到期时间，或 “never”。}}}}',
  'problem.EXPIRY_INVALID':
    '{noSuchMoment, select, yes {{field} “{value}” 的写法是带时区的日期时间，但并不存在这样的日期或时间（例如 2 月 30 日，或 24 时）。} other {{field} “{value}” 既不是{original, select, yes { “original”、} other { }}“never”，也不是时长或带时区的日期时间。}}',
  'problem.EXPIRY_INVALID.next':
    '请给出{original, select, yes { “original”（各密钥沿用原到期时间，须仍在未来）、} other { }}“never”、{field, select, materialExpiry {自创建密钥起算} other {自现在起算}}的时长（如 90d、36h 或 1d12h：天、小时、分钟、秒的整数，单位 d、h、m、s），或带时区的日期时间（如 2030-01-31T00:00:00Z）。',
  'problem.EXPIRY_DURATION_RESUMED':
    '{where, select, cli {--expires {given}} other {输入的到期时间 “{given}”}} 从现在起计算，因此尚待导入的密钥的到期时间会与此材料包中已发送导入的 {count} 个密钥不同{unrecorded, plural, =0 {；那些密钥{same, select, at {于 {heldAt, date, moment} 到期} never {永不到期} other {的到期时间各不相同}}} other {：{imported, plural, =0 {没有一个记录为已导入} other {其中 {imported} 个已导入，{same, select, at {于 {heldAt, date, moment} 到期} never {永不到期} other {到期时间各不相同}}}}；其余 {unrecorded} 个的结果在此处没有记录，除非 KMS 已接受，下一次导入会再次发送}}。继续进行的导入只接受 never 或日期时间，不接受时长。未向 KMS 发送任何内容。',
  'problem.EXPIRY_DURATION_RESUMED.next':
    '{where, select, cli {{same, select, at {若要让它们同时到期，请使用 --expires {heldIso} 再次运行导入。} never {若要与之相同，请使用 --expires never 再次运行导入。} other {请使用被停止的那次运行所打印命令中的 --expires 日期时间再次运行导入（keyferry online status 会列出每个密钥的到期时间）。}}} other {{same, select, at {若要让它们同时到期，请输入 {heldIso}，然后再次显示它所表示的时间。} never {若要与之相同，请选择 “永不过期”。} other {请改为输入带时区的日期时间：“从 KMS 读取密钥状态”会显示每个已导入密钥的密钥材料到期时间。}}}}',
  'problem.EXPIRY_SPLITS_IMPORT':
    '此已包装密钥材料包中已导入的 {imported} 个 AES 密钥{held, select, never {永不到期} other {于 {heldAt, date, moment} 到期}}{how, select, given {（这是导入它们的那次运行指定的到期时间：{surface, select, app {为其选择的到期时间} other {--expires，或在应用中选择的到期时间}}）} other {（按材料包的请求）}}，但{count, plural, =1 {尚待导入的密钥 {keyId} 将获得} other {尚待导入的 # 个密钥（第一个：{keyId}）将获得}}{decided, select, never {“永不到期”} other {到期时间 {decidedAt, date, moment}}}{source, select, override {（由本次导入指定）} other {（按材料包的请求）}}。这次导入会让同一材料包的密钥有两个不同的到期时间。未向 KMS 发送任何内容。',
  'problem.EXPIRY_SPLITS_IMPORT.next':
    '{surface, select, app {{how, select, given {请使用该到期时间重新导入：在“导入的 AES 密钥材料何时到期？”下选择“按输入：never、自现在起的时长，或带时区的日期时间”并输入 {heldIso}。} other {请在“导入的 AES 密钥材料何时到期？”下选择“按各已包装密钥材料包的要求”重新导入。}}} other {{how, select, given {请使用 --expires {heldIso} 再次运行导入（在应用中：输入该到期时间）。} other {请不带 --expires 再次运行导入（在应用中：按材料包的请求）。}}}}',
  'problem.PLAN_NOT_JSON': '仪式计划 {file} 不是有效的 JSON。',
  'problem.PLAN_NOT_JSON.next': '请修正计划文件后重新加载。',
  'problem.IMPORT_TOKEN_EXPIRED':
    '{known, select, no {密钥 {keyId} 的导入令牌已过期。} other {密钥 {keyId} 的导入令牌已于 {at, date, moment} 过期；KMS 会拒绝导入。}}',
  'problem.IMPORT_TOKEN_EXPIRED.next': FETCH_NEW_PARAMETERS,
  'problem.KEY_NOT_IMPORTED':
    '{reason, select, notInCeremony {密钥 {keyId} 不是本仪式的密钥。} deleted {密钥 {keyId} 现在不持有密钥材料：其密钥材料已被删除（联网日志条目 {seq}）。} other {密钥 {keyId} 在本仪式中没有导入密钥材料。}}未删除任何内容。',
  'problem.KEY_NOT_IMPORTED.next':
    '{reason, select, deleted {密钥 {keyId} 已没有可删除的内容：其密钥材料已被删除（也许是重复点击）。请查看密钥状态；只有当您本意就是另一个密钥时，才删除其密钥材料。} other {{count, plural, =0 {本仪式中没有持有 KMS 允许删除的已导入密钥材料的密钥（仅限 AES 密钥）。} =1 {请给出可删除其密钥材料的那个密钥的密钥 ID：{keysList}。} other {请给出可删除其密钥材料的 # 个密钥之一的密钥 ID：{keysList}。}}}}',
  'problem.MATERIAL_NOT_DELETABLE': '密钥 {keyId} 是 {spec}：导入的非对称密钥材料不能删除（KMS.2702）。',
  'problem.MATERIAL_NOT_DELETABLE.next': '请改为禁用该密钥或计划删除它。',
  'problem.CEREMONY_NOT_STARTED': '此日志中还没有仪式。',
  'problem.CEREMONY_NOT_STARTED.next':
    '{surface, select, app {请先创建密钥（“创建外部密钥”步骤，可使用或不使用计划文件），或在“设置”中选择已有仪式的文件夹（“仪式文件夹”）。} other {请用 “keyferry online create-key” 和仪式计划开始，或给出已有仪式的日志。}}',
  'problem.CEREMONY_NO_KEYS': '没有给出要创建的密钥。',
  'problem.CEREMONY_NO_KEYS.next': '请在计划中至少写明一个密钥（别名和规格）。',
  'problem.PLAN_OF_ANOTHER_CEREMONY':
    '所给的密钥（{aliasList}，标题为“{planTitle}”）不属于本仪式（“{title}”，{ceremonyId}）：它们都不在此日志中。未创建任何内容。',
  'problem.PLAN_OF_ANOTHER_CEREMONY.next':
    '{surface, select, app {请检查仪式文件夹（“设置”中的“仪式文件夹”）和计划（或输入的密钥）：每个仪式都用它自己的日志和计划继续。如果这些密钥已经创建，它们的日志就在创建它们时所用的仪式文件夹中：请选择该文件夹；新的密钥请在新的仪式文件夹中开始一个自己的仪式。} other {请检查 --journal 和计划（或密钥选项）：每个仪式都用它自己的日志和计划继续。如果这些密钥已经创建，它们的日志就是当时 create-key 写出的那个（请查看此文件夹中的其他 .jsonl 文件）；新的密钥请用新的 --journal 开始一个自己的仪式。}}',
  'problem.PLAN_ADDS_KEYS_TOO_LATE':
    '给出的计划列出了本仪式未创建的 {count} 个密钥：{aliasList}。本仪式已过创建密钥的阶段（其 {created} 个密钥已创建{later, select, yes {，后续步骤已开始} other {：一个仪式在一个步骤中创建其全部密钥}}），因此这些密钥不属于本仪式，也不会被创建。未创建任何内容。',
  'problem.PLAN_ADDS_KEYS_TOO_LATE.next':
    '{surface, select, app {请使用本仪式开始时的计划继续本仪式；其他密钥请在单独的仪式中创建（在“设置”的“仪式文件夹”中选择新的文件夹，并使用只含这些密钥的计划）。} other {请使用本仪式开始时的计划继续本仪式；其他密钥请在单独的仪式中创建（新的 --journal 文件和只含这些密钥的计划）。}}',
  'problem.PLAN_DROPS_CREATED_KEY':
    '本仪式已创建 {spec} 密钥 {alias}（{keyId}{region, select, none {} other {，区域 {region} 中的副本}}，{usage}），而现在给出的计划没有这样列出它。未创建任何内容。',
  'problem.PLAN_DROPS_CREATED_KEY.next':
    '请给出本仪式开始时的计划（已创建的每个密钥保持其别名、规格、用途和副本）；如有必要可以增加密钥，但不能删去任何一个。',
  'problem.PLAN_DROPS_UNANSWERED_CREATE':
    '现在给出的计划删去了 {alias}{region, select, none {} other {（区域 {region} 中的副本）}}，本日志显示已在条目 {seq} 发送其创建密钥请求且没有记录答复，{found, select, yes {而 KMS 在该别名下持有密钥 {keyId}：该创建已生效} other {但无法询问该处的 KMS 该创建是否生效（该区域未连接）}}。从计划中删去后，该密钥将留在 KMS 中，不属于任何仪式。未创建任何内容。',
  'problem.PLAN_DROPS_UNANSWERED_CREATE.next':
    '请给出按最初计划保留 {alias} 的计划：再次运行 online create-key 会将该密钥收回本仪式。如果不需要该密钥，请先在 KMS 控制台中计划删除它{found, select, yes {（密钥 {keyId}）} other {}}，然后再给出新计划。',
  'problem.PEOPLE_DIFFER_FROM_JOURNAL':
    '本仪式开始时的{role, select, operator {操作员是 {journaledList}} other {见证人是 {journaledList}}}，而本次运行给出的是 {givenList}。日志以其操作员的名义记录每一步，回执也请其操作员和见证人签字，因此人员以日志为准；未创建任何内容。',
  'problem.PEOPLE_DIFFER_FROM_JOURNAL.next':
    '请由开始本仪式的人员（日志中的{role, select, operator {操作员} other {见证人}}）重新运行；如果他们无法继续，请用新的日志和其他别名开始另一个仪式。',
  'problem.START_DIFFERS_FROM_JOURNAL':
    '本仪式开始时使用的是{field, select, title {标题“{journaled}”} wrappingAlgorithm {包装密钥算法 {journaled}} other {{alias, select, none {密钥材料到期时间} other {密钥 {alias} 的密钥材料到期时间}} {journaled, select, never {永不过期} other {{journaledAt, date, utc}}}}}，而本次运行给出的是{field, select, title {“{given}”} wrappingAlgorithm {{given}} other {{given, select, never {永不过期} other {{givenAt, date, utc}}}}}。以日志中的值为准；未创建任何内容。',
  'problem.START_DIFFERS_FROM_JOURNAL.next':
    '{surface, select, app {{field, select, wrappingAlgorithm {请用日志中的值重新创建密钥（“设置”中的“包装密钥算法（联网端）”）；如需从现在起改用其他包装密钥算法，请在获取参数步骤的“下一次导入参数的包装密钥算法”中选择（会记入日志）。} materialExpiry {请用日志中的值重新创建密钥（“设置”中的“AES 密钥的密钥材料到期时间”，或该密钥自己的“密钥 … 的密钥材料到期时间（可选）”）；其他到期时间可在包装时（离线端的预检步骤）或导入时（“导入的 AES 密钥材料何时到期？”）选择，并作为覆盖记入日志。} other {请用日志中的值重新创建密钥（“设置”中的“仪式名称”），或在新的仪式文件夹中开始另一个仪式（“设置”中的“仪式文件夹”）。}}} other {{field, select, wrappingAlgorithm {请用日志中的值重新运行；如需从现在起改用其他包装密钥算法，请使用 keyferry online params --wrapping-algorithm（会记入日志）。} materialExpiry {请用日志中的值重新运行；其他到期时间可在包装时（airgap wrap --expires）或导入时（online import --expires）选择，并作为覆盖记入日志。} other {请用日志中的值重新运行，或用新的 --journal 开始另一个仪式。}}}}',
  'problem.KEY_ALIAS_TAKEN': `别名 {alias} 在 KMS 中已被密钥 {keyId} 使用（${KEY_STATE}，来源 {origin}，创建于 {created, date, utc}），该密钥不是本仪式创建的。{more, plural, =0 {} other {计划中的别名 {moreList} 也已被其他密钥使用。}}未创建任何内容。`,
  'problem.KEY_ALIAS_TAKEN.next':
    '{surface, select, app {如果那个密钥属于您在另一个仪式文件夹中开始的仪式，请在那里继续该仪式（在“设置”的“仪式文件夹”中选择它的文件夹）：新日志绝不会接管它的密钥。否则请为该密钥换一个别名（“密钥 … 的别名”，或在计划文件中）；或者，如果那个密钥已不再使用，请在控制台中计划删除它（删除之前其别名仍被占用），然后重新创建密钥。} other {如果那个密钥属于您用另一个日志（不同的 --journal）开始的仪式，请用该仪式自己的日志继续：新日志绝不会接管它的密钥。否则请在计划中为该密钥换一个别名；或者，如果那个密钥已不再使用，请在控制台中计划删除它（删除之前其别名仍被占用），然后重新运行该命令。}}',
  'problem.AIRGAP_JOURNAL_IS_ONLINE': '{file} 是联网仪式（“{title}”）的日志，不是离线日志。未向其写入任何内容。',
  'problem.AIRGAP_JOURNAL_IS_ONLINE.next':
    '{surface, select, app {请在“设置”（“仪式文件夹”）中选择保存本仪式离线日志的文件夹（本工作站上此前包装该仪式时所用的，或首次在此包装时的新文件夹）；联网日志应与联网工作站的记录放在一起。} other {请为 --journal 提供本仪式的离线日志（本工作站上此前包装该仪式时所用的日志，或首次在此包装时的新文件）；联网日志应与联网工作站的记录放在一起。}}',
  'problem.ONLINE_JOURNAL_IS_AIR_GAPPED':
    '{file} 是离线日志（仪式“{title}”，操作员 {operator}），不是联网仪式的日志。未向 KMS 发送任何请求。',
  'problem.ONLINE_JOURNAL_IS_AIR_GAPPED.next':
    '请为 --journal 给出本仪式的联网日志（在本工作站上由 online create-key 开始的文件）；离线日志应留在离线工作站的记录中。',
  'problem.CEREMONY_JOURNAL_UNEXPECTED':
    '{why, select, noStart {此日志有条目，但没有联网仪式的开始。} unknownKey {日志条目 {seq}（{event}）无法重放：它提到了本仪式未创建的密钥 {keyId}。} data {日志条目 {seq}（{event}）无法重放：其数据不是预期的格式。} notStart {日志条目 {seq}（{event}）无法重放：它不是联网仪式的开始。} other {日志条目 {seq}（{event}）无法重放：一个日志只容纳一个仪式，而此条目开始了第二个。}}',
  'problem.CEREMONY_JOURNAL_UNEXPECTED.next':
    '{why, select, noStart {请给出本仪式的联网日志（只有给出新文件名的 online create-key 才会开始新仪式）。} other {请确认这是本仪式的联网日志（而不是离线日志）。请保留它作为证据。}}',
  'problem.NOTHING_TO_IMPORT': '本仪式的每个密钥都已持有导入的密钥材料；没有密钥在等待导入参数。',
  'problem.NOTHING_TO_IMPORT.next':
    '{surface, select, app {请检查这些密钥：“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”。} other {请用 “keyferry online status” 检查这些密钥。}}',
  'problem.IMPORT_LANDED_FROM_OTHER_BUNDLE':
    '密钥 {keyId} 在 KMS 中已不处于“等待导入”状态（它持有密钥材料），且本日志显示在第 {sentSeq} 条记录曾从另一个已包装密钥材料包 {folder}（摘要 {digest}，在第 {checkSeq} 条记录核对）向其发送导入，但没有记录能证明其是否生效的答复；该密钥的状态表明 KMS 已接受那次导入（IMPORT_LANDED_FROM_OTHER_BUNDLE）。{memberOutside, select, yes {此材料包不含该密钥，但含其副本组中的密钥 {carried}，而一个副本组只持有一份密钥材料：该组的密钥材料即是那个材料包的，因此整个材料包被拒绝，也未发送任何内容。} other {KMS 中无法区分来自两个材料包的密钥材料，因此该密钥拒绝使用此材料包，也未发送任何内容。}}',
  'problem.IMPORT_LANDED_FROM_OTHER_BUNDLE.next':
    '{surface, select, app {请使用那次导入所用的材料包 {folder} 及其离线回执上的摘要再次导入（按介质挂载位置在“已包装密钥材料包文件夹”中给出该文件夹，并再次点击“检查包”）：它会记录 KMS 持有的密钥材料，回执随后会写明该材料包及其托管副本。在此之前，此材料包中从那里发送过导入的每个密钥都会同样被拒绝。请保留那个托管集：其他材料包中的密钥材料 KMS 永远不会接受。} other {请使用那次导入所用的材料包 {folder} 及其离线回执上的摘要再次导入（keyferry online import，使用相同的 --journal、按介质挂载位置指定该文件夹的 --bundle 以及 --expect-digest DIGEST；在应用中，重新核对该材料包）：它会记录 KMS 持有的密钥材料，回执随后会写明该材料包及其托管副本。在此之前，此材料包中从那里发送过导入的每个密钥都会同样被拒绝。请保留那个托管集：其他材料包中的密钥材料 KMS 永远不会接受。}}',
  'problem.IMPORT_STOPPED': '密钥 {keyId} 的导入未发送：导入在其请求发出之前已被停止（Ctrl-C）。',
  'problem.IMPORT_STOPPED.next': '请再次运行相同的导入：它会先向 KMS 询问此前发送的导入，并只导入缺少的部分。',
  'problem.IMPORT_NEEDS_NEW_PARAMETERS':
    '{why, select, lapsed {{keysList} 的密钥材料已在 KMS 中失效} mixed {{keysList} 的密钥材料已按请求删除或已在 KMS 中失效} other {{keysList} 的密钥材料已按请求删除}}，{count, plural, other {这 # 个密钥}}重新处于“等待导入”状态，且此后没有为其写出导入参数包。仪式尚未完成，目前没有可导入的内容：未向 KMS 发送任何请求。',
  'problem.IMPORT_NEEDS_NEW_PARAMETERS.next':
    '{surface, select, app {KMS 只接受同一份密钥材料再次导入。请在此处获取新的导入参数（“获取导入参数”步骤）并将参数包写到移动存储介质上；在离线工作站上用它恢复同一份密钥材料（“恢复”界面，使用保管份额或 HSM 令牌；没有保管副本时，包装原始密钥材料文件）；然后在此处用其回执上的摘要核对并导入由此写出的已包装密钥材料包。} other {KMS 只接受同一份密钥材料再次导入。请运行 keyferry online params（在移动存储介质上使用新的 --out 文件夹）；在离线工作站上，使用该导入参数包运行它打印的命令（keyferry custody restore --bundle …，使用保管份额或 HSM 令牌；没有保管副本时，keyferry airgap wrap --bundle … --material 加原始密钥材料文件）；然后使用该命令写出的已包装密钥材料包及其回执上的摘要运行 keyferry online import。}}',
  'problem.WRAPPED_KEY_UNKNOWN': '包中含有密钥 {keyId}，但本仪式没有创建该密钥。',
  'problem.WRAPPED_KEY_UNKNOWN.next': REFUSED,
  'problem.WRAPPED_SPEC_MISMATCH': '密钥 {keyId} 创建时的规格是 {created}，但包中是 {held} 的密钥材料。',
  'problem.WRAPPED_SPEC_MISMATCH.next': REFUSED,
  'problem.WRAPPED_TOKEN_MISSING': '包中没有写明密钥 {keyId} 的导入令牌；联网导入需要 KMS 签发的导入令牌。',
  'problem.WRAPPED_TOKEN_MISSING.next': FETCH_NEW_PARAMETERS,
  'problem.WRAPPED_TOKEN_NOT_ISSUED': '为密钥 {keyId} 引用的导入令牌不是 KMS 签发给本仪式的。',
  'problem.WRAPPED_TOKEN_NOT_ISSUED.next': REFUSED,
  'problem.WRAPPED_FINGERPRINT_MISMATCH':
    '密钥 {keyId}{others, plural, =0 {} other {（以及此包中另外 # 个密钥）}}是用指纹为 {used} 的密钥包装的，而不是 KMS 随导入令牌签发的包装密钥（{issued}）。',
  'problem.WRAPPED_FINGERPRINT_MISMATCH.next':
    '{surface, select, app {不要导入此包，并将其中的密钥材料视为已泄露：它是用一个并非 KMS 签发的包装密钥加密的，持有该密钥私钥的人可能读得到它（最可能的原因是：离线端用导入参数包包装之前，该包在移动存储介质上被改动过）。请保留此包和移动存储介质作为证据。不要从托管副本恢复这份密钥材料，也不要重新包装它：请销毁那次包装生成的保管份额或 HSM 令牌对象（其离线回执中列有它们）。请在此重新获取导入参数（“获取导入参数”步骤）并写出参数包，在离线工作站上生成新的密钥材料，每位见证人输入的摘要要用本工作站按其日志记录在“导入参数包摘要”下显示的值（而不是从移动存储介质读出的值）。本工作站会拒绝之后任何带有同一份密钥材料的包。} other {不要导入此包，并将其中的密钥材料视为已泄露：它是用一个并非 KMS 签发的包装密钥加密的，持有该密钥私钥的人可能读得到它（最可能的原因是：离线端用导入参数包包装之前，该包在移动存储介质上被改动过）。请保留此包和移动存储介质作为证据。不要从托管副本恢复这份密钥材料，也不要重新包装它：请销毁那次包装生成的保管份额或 HSM 令牌对象（其离线回执中列有它们）。请重新获取导入参数（keyferry online params），在离线工作站上生成新的密钥材料，每位见证人输入的摘要要由 keyferry online status 从本日志读出（而不是从移动存储介质读出）。本工作站会拒绝之后任何带有同一份密钥材料的包。}}',
  'problem.WRAPPED_RESTORE_UNPROVEN':
    '此包中密钥 {keyId}{others, plural, =0 {} other {（以及另外 # 个密钥）}}的密钥材料来自{source, select, hsm {从 HSM 令牌的恢复} other {托管恢复}}，但本联网日志从未见过这份密钥材料以 KMS 签发的包装密钥包装：{others, plural, =0 {该密钥} other {这些密钥都}}从未持有导入的密钥材料，这里校验过的已包装密钥材料包中也都没有它{refused, select, none {} other {（在日志第 {refusedSeq} 条被拒绝的已包装密钥材料包在校验之前就被拒绝了，因此这里不知道其密钥材料是用什么包装的）}}。它的第一次包装可能使用了并非 KMS 的包装密钥（导入参数包在介质上被改动过），那样它就已经泄露了。',
  'problem.WRAPPED_RESTORE_UNPROVEN.next':
    '{surface, select, app {不要导入它；没有向 KMS 发送任何内容。该密钥仍在等待其密钥材料，因此请改为生成新的密钥材料：在此重新获取导入参数（“获取导入参数”步骤）并写出参数包，然后在离线工作站上说明原因后再次包装（在其预检步骤中勾选“再次包装：在上述包之外生成新的密钥材料”，并填写“原因（记入日志，列在回执上）”），每位见证人输入的摘要要用本工作站按其日志记录在“导入参数包摘要”下显示的值。新的密钥材料导入后，请销毁这次恢复所依据的托管副本。} other {不要导入它；没有向 KMS 发送任何内容。该密钥仍在等待其密钥材料，因此请改为生成新的密钥材料：重新获取导入参数（keyferry online params），然后在离线工作站上运行带 --wrap-again 和原因的 keyferry airgap wrap，每位见证人输入的摘要要由 keyferry online status 从本日志读出。新的密钥材料导入后，请销毁这次恢复所依据的托管副本。}}',
  'problem.WRAPPED_MATERIAL_EXPOSED':
    '此包中的密钥 {keyId} 带有在日志第 {seq} 条被判定为已泄露而拒绝的密钥材料：那次包装是用一个并非 KMS 签发的包装密钥（{wrappedUnder}）加密的，持有该密钥私钥的人可能读得到它。{by, select, custody {此包由同一托管集 {setTag} 生成。} keyCheckValue {其密钥校验值（KCV）与那个包所写的相同（{keyCheckValue}）。} other {其公钥与那个包中的公钥相同。}}',
  'problem.WRAPPED_MATERIAL_EXPOSED.next':
    '{surface, select, app {不要导入它，也不要导入这份密钥材料的任何其他包。没有向 KMS 发送任何内容。请销毁持有这份密钥材料的保管份额或 HSM 令牌对象{by, select, custody {（托管集 {setTag}）} other {}}；然后用新的导入参数（“获取导入参数”步骤，并写出参数包），在离线工作站上生成新的密钥材料（若其预检步骤要求，请勾选“再次包装：在上述包之外生成新的密钥材料”），每位见证人输入的摘要要用本工作站按其日志记录在“导入参数包摘要”下显示的值。} other {不要导入它，也不要导入这份密钥材料的任何其他包。没有向 KMS 发送任何内容。请销毁持有这份密钥材料的保管份额或 HSM 令牌对象{by, select, custody {（托管集 {setTag}）} other {}}；然后用新的导入参数（keyferry online params），在离线工作站上用 keyferry airgap wrap 生成新的密钥材料，每位见证人输入的摘要要由 keyferry online status 从本日志读出。}}',
  'problem.WRAPPED_ALGORITHM_MISMATCH': '密钥 {keyId} 是用 {used} 包装的，但其导入参数是为 {issued} 签发的。',
  'problem.WRAPPED_ALGORITHM_MISMATCH.next': REFUSED,
  'problem.WRAPPED_KEY_ALREADY_IMPORTED': '密钥 {keyId} 已经用其他导入参数导入过。',
  'problem.WRAPPED_KEY_ALREADY_IMPORTED.next':
    '{surface, select, app {请用“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”检查它，不要再次导入。} other {请用 “keyferry online status” 检查它，不要再次导入。}}',
  'problem.WRAPPED_REPLICA_GROUP_SPLIT':
    '密钥 {alias}（{keyId}）持有的密钥材料不是此包中的，而是从已包装密钥材料包 {digest} 导入的，那是一次较晚的包装，所用导入参数签发于本包的导入参数之后；此包会让其副本组中的 {membersList} 取得此包自己的密钥材料，而一个副本组只持有一份密钥材料（KMS 将每个密钥永久绑定到其首次导入的密钥材料）。此包的任何内容都未被导入；没有向 KMS 发送任何内容。',
  'problem.WRAPPED_REPLICA_GROUP_SPLIT.next':
    '{surface, select, app {不要导入此包。只为{count, plural, =1 {该密钥} other {这些密钥}}获取新的导入参数（“获取导入参数”步骤，选中{count, plural, =1 {该密钥} other {这些密钥}}）：参数步骤随后会说明在离线工作站上从托管副本恢复 {alias} 持有的密钥材料，供{count, plural, =1 {它} other {它们}}导入。} other {不要导入此包。只为{count, plural, =1 {该密钥} other {这些密钥}}获取新的导入参数（keyferry online params，为每个密钥加上 --key-id）：它随后会打印在离线工作站上从托管副本恢复 {alias} 持有的密钥材料的 custody restore 命令，供{count, plural, =1 {它} other {它们}}导入。}}',
  'problem.WRAPPED_MATERIAL_NOT_THE_IMPORTED':
    '此包中密钥 {alias}（{keyId}）的密钥材料与 KMS 绑定的密钥材料不同：此处的{kind, select, publicKey {公钥指纹} other {密钥校验值（KCV）}}为 {held}，首次导入时为 {bound}（日志第 {seq} 条）。KMS 只接受首次导入该密钥的密钥材料，删除或过期后也是如此（KMS.2606）。{sameParameters, select, yes {它是从同一组导入参数的另一次包装（已包装密钥材料包摘要 {boundDigest}）取得该密钥材料的：此包是第二次包装，其密钥材料 KMS 永远不会接受。未向 KMS 发送任何内容。} other {未向 KMS 发送任何内容；导入令牌仍未使用。}}',
  'problem.WRAPPED_MATERIAL_NOT_THE_IMPORTED.next':
    '{sameParameters, select, yes {请为本仪式中仍待导入的其他密钥导入 KMS 已接受的那次包装（摘要为 {boundDigest} 的已包装密钥材料包，并使用其离线回执上的摘要），并保留那次包装的托管集：此包及其托管集中的密钥材料 KMS 永远不会接受。} other {{surface, select, app {请在离线工作站上用这些导入参数恢复原密钥材料（在那里的 Keyferry “恢复”界面进行托管恢复仪式，使用保管份额或 HSM 令牌），然后在此检查并导入该恢复生成的已包装密钥材料包。从未导入过的新密钥材料需要新建密钥。} other {请在离线工作站上用这些导入参数恢复原密钥材料（keyferry custody restore，使用保管份额或 HSM 令牌），并导入该恢复生成的已包装密钥材料包。从未导入过的新密钥材料需要新建密钥。}}}}',
  'problem.WRAPPED_MATERIAL_NOT_THE_GROUPS':
    '密钥 {alias}（{keyId}{replica, select, yes {，位于区域 {region} 的副本} other {}}）从未导入过，而其副本组已持有密钥材料：组内密钥 {holderId} 已导入该材料（日志第 {seq} 条），{kind, select, publicKey {公钥指纹} other {密钥校验值（KCV）}}为 {bound}。此包给 {keyId} 的是另一份密钥材料（{kind, select, publicKey {公钥指纹} other {密钥校验值（KCV）}}为 {held}）；一个副本组只持有一份密钥材料，KMS 将每个密钥永久绑定到其首次导入的密钥材料。此包的任何内容都未被导入；没有向 KMS 发送任何内容，导入令牌仍未使用。',
  'problem.WRAPPED_MATERIAL_NOT_THE_GROUPS.next':
    '{again, select, yes {不要导入此包；如果它生成了托管集，请销毁该托管集（其中的密钥材料组内任何密钥都不得导入）。{holderId} 导入所用的已包装密钥材料包也包含 {keyId}，其中是该组的密钥材料，其导入令牌在 {until, date, moment} 之前 KMS 仍接受：请在此之前再次导入该已包装密钥材料包（{surface, select, app {步骤“读取并检查已包装密钥材料包”，文件夹 {againFolder}，使用其离线回执上的摘要 {againDigest}} other {keyferry online import，--bundle {againFolder}，--expect-digest 使用其离线回执上的摘要 {againDigest}}}）。它只导入仍缺少的密钥；无需新的导入参数，也无需从托管副本恢复。} other {{surface, select, app {不要导入此包；如果它生成了托管集，请销毁该托管集（其中的密钥材料组内任何密钥都不得导入）。只为密钥 {keyId} 获取新的导入参数（“获取导入参数”步骤，选中该密钥）：参数步骤随后会说明在离线工作站上（其“恢复”界面）从托管副本恢复 {holderId} 持有的密钥材料；然后在此检查并导入该恢复生成的材料包。} other {不要导入此包；如果它生成了托管集，请销毁该托管集（其中的密钥材料组内任何密钥都不得导入）。只为该密钥获取新的导入参数（keyferry online params --key-id {keyId}）：它会打印在离线工作站上从托管副本恢复 {holderId} 持有的密钥材料的 custody restore 命令；然后在此导入该恢复生成的材料包。}}}}',
  'problem.PEOPLE_DIFFER_FROM_BUNDLE':
    '此导入参数包写明了其仪式的人员（即联网日志中的人员）：操作员 {bundleOperator}，见证人 {bundleWitnessList}。本次运行给出的是操作员 {givenOperator}，见证人 {givenWitnessList}：{role, select, operator {操作员不同} other {见证人不同}}。离线日志和回执以这些人员的名义记录，任何人都不能代替他人，因此此包的任何内容均未被使用，也不存在任何密钥材料。',
  'problem.PEOPLE_DIFFER_FROM_BUNDLE.next':
    '{loose, select, yes {“{looseGiven}” 与导入参数包中的 “{looseMeant}” 仅在大小写、重音符号或空格上不同，而姓名须完全一致。} other {}}请由导入参数包写明的人员重新运行：操作员 {bundleOperator} 和见证人 {bundleWitnessList}（顺序不限，每个姓名与导入参数包中的写法一致）。如果他们无法到场，请在联网工作站上由能到场的人员开始一个新仪式（新的计划、日志和别名）。',
  'problem.AIRGAP_JOURNAL_NAMED_FOR_OTHER_CEREMONY':
    '日志 {journal} 以仪式 {named} 命名，但 {dir} 中的导入参数包属于仪式 {ceremonyId}{titled, select, yes {（“{title}”）} other {}}：{slip, select, yes {是否把日志名打错了（两个 ID 只差一两个字符）？} other {是否拿错了另一个仪式的移动存储介质？}}未向日志读入任何内容，也还没有人输入任何内容。',
  'problem.AIRGAP_JOURNAL_NAMED_FOR_OTHER_CEREMONY.next':
    '{slip, select, yes {请按其联网工作站打印的命令，用 --journal airgap-{ceremonyId}.jsonl 重新运行。如果您要进行的是仪式 {named}，请带来它的导入参数包。} other {请带来仪式 {named} 的导入参数包。如果要包装的是仪式 {ceremonyId}，请运行其联网工作站打印的命令（其日志为 airgap-{ceremonyId}.jsonl）。}}',
  'problem.AIRGAP_JOURNAL_OTHER_CEREMONY':
    '日志 {journal} 记录的是仪式 {recorded}，但此导入参数包属于仪式 {ceremonyId}。{named, select, yes {该日志以仪式 {ceremonyId} 命名：之前的一次尝试把仪式 {recorded} 的导入参数包读入了它（误给了另一个移动存储介质）。} other {}}一个日志只记录一个仪式，这样其回执只封存并列出该仪式的内容；此包的任何内容均未被使用。',
  'problem.AIRGAP_JOURNAL_OTHER_CEREMONY.next':
    '{surface, select, app {{existing, select, none {请为仪式 {ceremonyId} 新建专用日志：在“设置”中选择一个新的空仪式文件夹（“仪式文件夹”）。} other {请继续仪式 {ceremonyId} 的日志：同一文件夹中的 {existing} 记录的正是该仪式。应用在每个仪式文件夹中使用自己的日志，无法继续那份日志：请关闭 Keyferry，在本工作站上运行带 --journal {existing} 的 keyferry airgap wrap。新日志对该日志所记录的内容一无所知：在那份日志中重新包装会先询问，在新日志中则不会。}}如果您要进行的是仪式 {recorded}，请改为带来它的导入参数包。} other {{existing, select, none {请为仪式 {ceremonyId} 新建专用日志：使用 --journal {suggested}（该文件尚不存在）。} other {请给出仪式 {ceremonyId} 的日志：同一文件夹中的 {existing} 记录的正是该仪式（--journal {existing}）。新日志对该日志所记录的内容一无所知：在那份日志中重新包装会先询问，在新日志中则不会。}}如果您要进行的是仪式 {recorded}，请改为带来它的导入参数包。}}',
  'problem.AIRGAP_JOURNAL_NEW_BESIDE':
    '日志 {journal} {state, select, unbound {尚未记录任何仪式} other {尚不存在}}，但同一文件夹中的 {existing} 是仪式 {ceremonyId} 的离线日志。新日志对那个日志记录的内容一无所知：那个日志已完成的包装不会被问及（是否再次包装），还会在其旁边另外生成新的密钥材料和托管集。{state, select, unbound {这些参数均未使用，也无人键入任何内容。} other {未写入任何内容。}}',
  'problem.AIRGAP_JOURNAL_NEW_BESIDE.next':
    '请继续使用那个日志：{state, select, unbound {在命令行中以 --journal {existing} 运行 keyferry airgap wrap（应用在每个仪式文件夹中使用自己的日志，无法继续那个日志）} other {使用 --journal {existing} 运行同一命令}}。如果不得使用它（已损坏，或不属于本工作站），请先将其移出此文件夹，并保留以备审计。',
  'problem.AIRGAP_UNFINISHED_NEEDS_PARAMETERS':
    '离线日志 {journal} 的最后一次会话（第 {session} 次，始于第 {seq} 条记录）尚未完成：它未经停止即已结束（崩溃或断电）。打开该日志会关闭那次会话，并撤回它写下的内容，其中包括保管份额。请先选择您现在要包装的导入参数包：如果这些参数指定了联网端核对过的包装所在的日志，Keyferry 会拒绝任何其他日志，包括此日志的旧副本，因为关闭旧副本中的会话可能拿走一次已完成包装的保管份额。未写入任何内容。',
  'problem.AIRGAP_UNFINISHED_NEEDS_PARAMETERS.next':
    '请在本步骤现在显示的字段中给出导入参数包文件夹并读取；随后即进行网络检查。若包装的是从控制台下载的文件而没有参数包，请选择“控制台文件”：它们不指定任何日志，因此无从核对。',
  'problem.AIRGAP_SESSION_FINISHED_ON_MEDIA':
    '日志 {journal} 显示其第 {session} 次离线会话（始于第 {seq} 条记录）未经停止即已结束，但{evidence, select, missingAfterReceipt {其回执已写出并记入日志，而回执所注明的已包装密钥材料包 {where} 不在那里：其介质可能在别处，或该包已经完整并被带走} parameters {导入参数表明，联网端已接收日志 {where} 中始于第 {count} 条记录的会话所制作的已包装密钥材料包，而这份副本缺少该会话或其尚未完成：那次包装已经完成，是在此日志另一份继续记录的副本中完成的} bundle {该会话实际已完成：{where} 中的包装密钥材料包正是它写下的，且含 manifest.json，而该文件只在会话的回执记入日志之后才写入} receipt {此日志在这份副本之后还继续记录过：回执 {where} 是在其第 {count} 条记录时从它打印的，已超出这份副本的最后一条记录} receiptInSession {该会话已到达打印回执这一步：回执 {where} 是在其第 {count} 条记录时、即包装密钥材料包写出之后从它打印的，而该包的文件夹现已不在或为空，就像已完成的包被带走时那样} missing {它写下的包装密钥材料包 {where} 不在原处：若已被带走，它可能是在此日志另一份副本中完成的包} other {{where} 无法作为该会话的包读取：其中的 manifest.json（只在会话的回执记入日志之后才写入）已损坏或不属于该会话，或该文件夹无法读取}}。{evidence, select, missingAfterReceipt {该包是否已经完整决定了该会话如何结束，因此在看到其文件夹之前，该会话的任何内容都不会被关闭或作废。} other {{evidence, select, bundle {此日志是旧副本} parameters {此日志是旧副本} receipt {此日志是旧副本} receiptInSession {此日志是旧副本} other {若是如此，此日志就是旧副本}}（从备份恢复，或在那次包装进行时复制），在此关闭该会话会把它写下的内容当作崩溃遗留物撤回：即一次已完成包装的保管份额，它们可能是 KMS 现持有的密钥材料的唯一备份。}}未写入或删除任何内容。',
  'problem.AIRGAP_SESSION_FINISHED_ON_MEDIA.next':
    '{surface, select, app {{evidence, select, missingAfterReceipt {请把保存 {where} 的介质放回该路径后再执行该步骤：那里若是一个没有 manifest.json 的包，该会话随即按在写出清单之前被中断关闭（其回执作废，其托管集保留）；若是完整的包，该会话即视为已完成。如果该介质已永久丢失，请先在联网工作站上确认没有任何密钥持有该包的密钥材料（其密钥状态：“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”；完整的包可能已被带过去并导入）；确认后才可新建该文件夹（空的）后再执行该步骤：该会话随即按被中断关闭，其回执作废，其托管副本保留。} missing {请把保存 {where} 的介质放回该路径后再执行该步骤。如果那次包装已完成（其回执已打印），此日志就是旧副本：请改用完成那次包装的副本（在“设置”的“仪式文件夹”中选择保存它的文件夹）。只有在该包已永久丢失且包装并未完成时，才可新建该文件夹（空的）后再执行该步骤；该会话随即按崩溃关闭，其托管文件被撤回。} parameters {联网端已接收那次包装的包，因此它曾经是完整的：如果手头有该完整的包（含其 manifest.json），请把它放回该会话预检时指定的文件夹后再执行该步骤，该会话随即视为已完成。否则请改用那次包装完成时所在的此日志副本（在“设置”的“仪式文件夹”中选择保存它的文件夹）。若该副本已丢失，请把这一份移开（留作审计），在新的日志中继续；应用无法越过这些参数所指定的日志：请在本工作站上运行 keyferry airgap wrap 并加上 --journal-lost "原因"。请保留那次包装的所有保管份额和令牌对象。} manifest {请检查该文件夹；应用中没有这种检查：请在本工作站上用 keyferry bundle verify {where} 查看其中的内容。如果它是本仪式的包装密钥材料包，或无法判断，请保留它：此日志即为旧副本，应在完成那次包装的副本中继续。只有在它显然不是该会话的（其他仪式的、其他包，或根本不是包）时，才可将其移开后再执行该步骤。} other {请使用完成那次包装的日志副本（在“设置”的“仪式文件夹”中选择保存它的文件夹）：其回执就写在它旁边。如果该副本已丢失，请将此日志移开（保留以备审计），改在新日志中继续（如果参数指定的是此日志，应用无法越过：请在本工作站上运行 keyferry airgap wrap 并加上 --journal-lost "原因"）。在联网工作站的密钥状态（“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”）显示各密钥持有哪份密钥材料之前，请保留那次包装的全部保管份额和包装密钥材料包。{evidence, select, receipt {如果该回执是从另一个日志（被此日志取代、包装过同一参数的早先日志：其封印下打印的日志校验命令写有日志文件名）打印的，请将其移出该文件夹后再执行该步骤。} receiptInSession {只有在该包从未被带走（其文件夹是在此处被清空的，且其中任何内容都未被导入）时，才可将该回执移出该文件夹后再执行该步骤：该会话随即按崩溃关闭。} other {}}}}} other {{evidence, select, missingAfterReceipt {请把保存 {where} 的介质放回该路径后再运行：那里若是一个没有 manifest.json 的包，该会话随即按在写出清单之前被中断关闭（其回执作废，其托管集保留）；若是完整的包，该会话即视为已完成。如果该介质已永久丢失，请先在联网工作站上确认没有任何密钥持有该包的密钥材料（其密钥状态，或 keyferry online status：完整的包可能已被带过去并导入）；确认后才可新建该文件夹（空的）后再运行：该会话随即按被中断关闭，其回执作废，其托管副本保留。} missing {请把保存 {where} 的介质放回该路径后再运行。如果那次包装已完成（其回执已打印），此日志就是旧副本：请改用完成那次包装的副本。只有在该包已永久丢失且包装并未完成时，才可新建该文件夹（空的）后再运行；该会话随即按崩溃关闭，其托管文件被撤回。} parameters {联网端已接收那次包装的包，因此它曾经是完整的：如果手头有该完整的包（含其 manifest.json），请把它放回该会话预检时指定的文件夹后再运行，该会话随即视为已完成。否则请改用那次包装完成时所在的此日志副本；若该副本已丢失，请把这一份移开（留作审计），在新的日志中继续（在命令行中加上 --journal-lost "REASON"）。请保留那次包装的所有保管份额和令牌对象。} manifest {请检查该文件夹：keyferry bundle verify {where}。如果它是本仪式的包装密钥材料包，或无法判断，请保留它：此日志即为旧副本，应在完成那次包装的副本中继续。只有在它显然不是该会话的（其他仪式的、其他包，或根本不是包）时，才可将其移开后再运行。} other {请使用完成那次包装的日志副本：其回执就写在它旁边。如果该副本已丢失，请将此日志移开（保留以备审计），改在新日志中继续（在命令行中，如果参数指定的是此日志，请加上 --journal-lost "原因"）。在 keyferry online status 显示各密钥持有哪份密钥材料之前，请保留那次包装的全部保管份额和包装密钥材料包。{evidence, select, receipt {如果该回执是从另一个日志（被此日志取代、包装过同一参数的早先日志：其封印下打印的 keyferry journal verify 命令写有日志文件名）打印的，请将其移出该文件夹后再运行。} receiptInSession {只有在该包从未被带走（其文件夹是在此处被清空的，且其中任何内容都未被导入）时，才可将该回执移出该文件夹后再运行：该会话随即按崩溃关闭。} other {}}}}}}',
  'problem.AIRGAP_JOURNAL_NOT_THE_CEREMONYS':
    '{source, select, media {这些导入参数未指定离线日志，但介质上有本仪式的已包装密钥材料包 {folder}，它是在离线日志 {named}（首条记录 {namedFirstEntry}）中包装的：这些参数也须在该日志中包装。} later {介质上有本仪式的已包装密钥材料包 {folder}，它是在这些导入参数所指定的包装之后，于离线日志 {named}（首条记录 {namedFirstEntry}）中包装的：这些参数须在该日志的当前版本中包装。} other {这些导入参数须在离线日志 {named}（首条记录 {namedFirstEntry}）中包装，它是联网端为本仪式核对过的包装所在的日志。}}{mismatch, select, new {{journal} 是一个新日志} older {{journal} 是该日志的旧副本：它缺少{source, select, media {该包所注明的} later {该包所注明的} other {联网端核对过的}}最新一次包装（始于其第 {wrapSeq} 条记录），或其中该包装尚未完成} other {{journal} 是另一个日志}}：它不知道先前的包装，因此是否再次包装的询问会被跳过，还可能生成新的密钥材料或第二个托管集，而无人被告知要销毁它们。{at, select, preflight {这些参数已读取，但尚未生成任何密钥材料，该包旁边也未写入任何内容。} other {这些参数均未被使用，也无人键入过任何内容。}}',
  'problem.AIRGAP_JOURNAL_NOT_THE_CEREMONYS.next':
    '{source, select, media {切勿为越过此项而将 {folder} 移出该介质：它是那次包装的记录。} later {切勿为越过此项而将 {folder} 移出该介质：它是那次包装的记录。} other {}}{where, select, app {请打开保存 {named}{mismatch, select, older {的最新副本（写下最新一次包装的那份）} other {}}的仪式文件夹（先前包装的回执就写在它旁边）。本应用无法越过此项：只有在该日志已丢失或被销毁时，才可在本工作站上运行 keyferry airgap wrap 并加上 --journal-lost "原因"；这会作为覆盖记入日志并印在回执上，联网端在导入前也会要求其官员的确认。} other {请用 --journal 指定本工作站上保存的 {named}{mismatch, select, older {的最新副本（写下最新一次包装的那份）} other {}}，再运行同一命令（除非用 --receipt-dir 另行指定，先前包装的回执就写在它旁边）。只有在该日志已丢失或被销毁时，才可加上 --journal-lost "原因"，改在本日志中包装；这会作为覆盖记入日志并印在回执上，联网端在导入前也会要求其官员的确认。}}',
  'problem.JOURNAL_LOST_REFUSED':
    '{why, select, none {这些导入参数未指定任何离线日志（联网端尚未核对过本仪式的任何包装）：--journal-lost 无可覆盖。} bound {这些导入参数中的每个密钥只接受 KMS 已持有的密钥材料（在其导入时绑定）：任何日志都可包装它们，--journal-lost 无可覆盖。} named {{journal} 正是这些导入参数指定的日志：它并未丢失，--journal-lost 无可覆盖。} other {先前包装所在日志丢失的原因须为一行 1 至 {max} 个字符，且不含控制字符。}}未写入任何内容。',
  'problem.JOURNAL_LOST_REFUSED.next':
    '{why, select, invalid {请用几句话说明为何不能使用该日志，例如 --journal-lost "工作站磁盘损坏"。} other {请去掉 --journal-lost 后运行同一命令。}}',
  'problem.WRAPPED_OTHER_CEREMONY': '此包属于仪式 {bundleCeremony}，而不是 {ceremonyId}。',
  'problem.WRAPPED_OTHER_CEREMONY.next': `{journalOf, select, none {${REFUSED}} other {若此次导入本是为仪式 {bundleCeremony} 进行的，则给错了日志：同一文件夹中的 {journalOf} 记录的正是该仪式；请用 --journal {journalOf} 运行同一导入。否则不要导入此包：请带来为这些导入参数写出的、未被改动的包。}}`,
  'problem.CEREMONY_PEOPLE_INVALID':
    '{reason, select, presenter {“{name}” 不能用作交出份额 {index} 的人的姓名。} same {操作员和各位见证人必须是不同的人：{who, select, operator {操作员} other {第 {index} 位见证人}}（“{name}”）与第 {otherIndex} 位见证人（“{otherName}”）按 Keyferry 比较姓名的方式（不计大小写及首尾空格）是同一个人。} other {仪式人员无效：{who, select, operator {操作员（“{name}”）} witness {第 {index} 位见证人（“{name}”）} other {见证人}}：{reason, select, empty {姓名不能为空} tooLong {姓名最多 100 个字符} noWitness {至少写明一位见证人} tooManyWitnesses {最多 20 位见证人} other {姓名不能含有控制字符或不可见字符（此处以 \\u 代码显示）}}。}}',
  'problem.CEREMONY_PEOPLE_INVALID.next':
    '{reason, select, presenter {请给出交出份额的人的普通姓名。} same {每人只写一次：一位操作员，以及不是操作员的见证人。} other {请写明操作员和每位见证人（不同的人，普通姓名）。}}',
  'problem.CEREMONY_ID_INVALID':
    '“{id}” 不是仪式 ID：仪式 ID 为 1-64 个字母、数字、点、下划线和短横线，以字母或数字开头（例如 KF-20261130-abcdef）。',
  'problem.CEREMONY_ID_INVALID.next': '请按回执或日志所示准确复制仪式 ID。',
  'problem.PARAMETERS_AFTER_PROOF':
    '现在还不能写出新的导入参数：{count, plural, other {# 个密钥}}持有尚未证明的已导入密钥材料（{keysList}），因此仪式处于“已导入密钥材料”步骤。未获取任何参数。',
  'problem.PARAMETERS_AFTER_PROOF.next':
    '{surface, select, app {请先证明{count, plural, other {这些密钥}}（“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”会证明每个持有密钥材料的密钥，并说明需要修正什么），然后再获取新的参数。} other {请先证明{count, plural, other {这些密钥}}（keyferry online status，或应用中的“从 KMS 读取密钥状态”，会证明每个持有密钥材料的密钥，并说明需要修正什么），然后再获取新的参数。}}',
  'problem.PARAMETERS_MATERIAL_SOURCES_DIFFER':
    '等待导入参数的密钥从 {count} 个不同的来源取得密钥材料，而一个导入参数包只能容纳由同一个离线步骤取回其密钥材料的密钥（托管恢复只重建所给托管副本中的密钥；此前导入过的密钥只再接受同一份密钥材料；其余密钥使用新生成的密钥材料）：{sourcesPhrases}。未获取任何参数。',
  'problem.PARAMETERS_MATERIAL_SOURCES_DIFFER.next':
    '{where, select, app {请一次只为一组密钥获取参数：在“要获取参数的密钥”下选择该组的密钥，获取参数，写出参数包，并按其所示完成离线步骤；然后再处理下一组。} other {请一次只为一组密钥获取参数，每组写入一个新文件夹（命令见下）：让每个参数包完成其所示的离线步骤，并导入该步骤写出的内容；然后再处理下一组。}}',
  'online.material-source':
    '{count, plural, other {密钥}} {keysList}：{source, select, shares {此前导入过的密钥材料，其托管副本是{set, select, named {托管集 {setTag}（{threshold}-of-{total}，即其份额文件名中的标记；由联网日志第 {seq} 条检查的已包装密钥材料包记录）} other {联网日志第 {seq} 条检查的已包装密钥材料包的 {threshold}-of-{total} 托管集}}：用其份额执行托管恢复} hsmToken {此前导入过的密钥材料，保存在 HSM 令牌 {token} 中（联网日志第 {seq} 条检查的已包装密钥材料包）：从该令牌执行托管恢复} materialFiles {此前导入过的密钥材料，从官员保存的文件加载（联网日志第 {seq} 条检查的已包装密钥材料包）：用这些文件执行 airgap wrap} none {此前导入过的密钥材料，没有任何托管副本（联网日志第 {seq} 条检查的已包装密钥材料包）：只能使用原始密钥材料} unknown {此前导入过的密钥材料，没有记录托管副本：只能使用原始密钥材料，或您所知道的托管副本} other {新生成的密钥材料：airgap wrap}}',
  'problem.PARAMETERS_CHOICE_SPLITS_GROUP':
    '所选密钥只包含一个副本组的一部分：{keyPhrase}与其组内 {count} 个其他成员 {membersListPhrases}使用同一密钥材料，而这些成员也在等待密钥材料，却未被选中。副本的导入参数只能与其主密钥的导入参数一起写出；只含主密钥而不含其等待中副本的参数包不会被任何密钥使用（包装它会拆开该副本组）。未获取任何内容。',
  'problem.PARAMETERS_CHOICE_SPLITS_GROUP.next':
    '{surface, select, app {请在“要获取参数的密钥”中连同所选密钥选择整个副本组（{keyIdsList}），然后获取。} other {请连同所选密钥为整个副本组获取参数，放在同一个参数包中：即为 {keyIdsList} 各加一个 --key-id 运行 keyferry online params，如下面的命令。}}',
  'problem.PARAMETERS_CHOICE_LEAVES_UNFETCHED':
    '{count, plural, other {密钥 {keysList}}}从未获取过导入参数，而所选的密钥把{count, plural, other {它们}}排除在外：计划中各密钥的首次参数要一起获取，不能让任何密钥没有参数。未获取任何参数。',
  'problem.PARAMETERS_CHOICE_LEAVES_UNFETCHED.next':
    '{surface, select, app {请为所有等待中的密钥获取参数（在“要获取参数的密钥”中选择包含全部这些密钥的一项）；选择密钥只适用于导入之后再次等待、且密钥材料来源不同的密钥。} other {请为所有等待中的密钥获取参数（不要使用 --key-id）；选择密钥只适用于导入之后再次等待、且密钥材料来源不同的密钥。}}',
  'problem.PARAMETERS_KEY_NOT_WAITING':
    '{reason, select, alias {“{keyId}”是别名，不是密钥 ID：{surface, select, app {导入参数须按密钥 ID 获取} other {--key-id 须填写每个密钥的密钥 ID}}（此别名指 {aliasKeysList}）。未获取任何参数。} unknown {密钥 {keyId} 不是本仪式的密钥，因此没有可为它获取的导入参数。未获取任何参数。} other {密钥 {keyId} 已持有导入的密钥材料，因此没有可为它获取的导入参数。未获取任何参数。}}',
  'problem.PARAMETERS_KEY_NOT_WAITING.next':
    '{count, plural, =0 {{surface, select, app {本仪式没有等待参数的密钥；请用“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”检查这些密钥。} other {本仪式没有等待参数的密钥；请用 keyferry online status 检查这些密钥。}}} other {请在等待参数的密钥中选择：{keysList}。}}',
  'problem.CEREMONY_STEP_OUT_OF_ORDER':
    '{reason, select, notWrapped {密钥 {keyId} 尚未包装。} notImported {密钥 {keyId} 尚未导入并验证。} notConnected {连接 KMS 之前不能{step, select, acknowledgeMaterialWithoutABackup {确认无备份的密钥材料} checkTheHSM {检查 HSM} checkTheNetwork {检查网络} checkTheOutputFolders {检查输出文件夹} checkTheWrappedMaterialBundle {检查已包装密钥材料包} confirmAsAWitness {以见证人身份确认} createKeys {创建密钥} deleteImportedKeyMaterial {删除导入的密钥材料} fetchImportParameters {获取导入参数} generateKeyMaterial {生成密钥材料} importKeyMaterial {导入密钥材料} loadKeyMaterial {加载密钥材料} presentAShare {出示份额} presentTheCustodyBackup {出示托管备份} readTheImportParameters {读取导入参数} readTheKeyStates {读取密钥状态} rebuildTheMaterial {重建密钥材料} showWhatTheWitnessesConfirm {显示见证人要确认的内容} splitTheMaterialForCustody {拆分密钥材料以托管} verifyTheImportedKeys {验证导入的密钥} wrapTheKeyMaterial {包装密钥材料} wrapTheRebuiltMaterial {包装重建的密钥材料} writeTheImportParametersBundle {写出导入参数包} writeTheReceipt {写出回执} writeTheWrappedMaterialBundle {写出已包装密钥材料包} restoreTheMaterialFromTheHSM {从 HSM 恢复密钥材料} other {{step}}}。} bundleNotRead {回执要写明已包装密钥材料包，但本次会话没有读取它。} other {现在不能{step, select, acknowledgeMaterialWithoutABackup {确认无备份的密钥材料} checkTheHSM {检查 HSM} checkTheNetwork {检查网络} checkTheOutputFolders {检查输出文件夹} checkTheWrappedMaterialBundle {检查已包装密钥材料包} confirmAsAWitness {以见证人身份确认} createKeys {创建密钥} deleteImportedKeyMaterial {删除导入的密钥材料} fetchImportParameters {获取导入参数} generateKeyMaterial {生成密钥材料} importKeyMaterial {导入密钥材料} loadKeyMaterial {加载密钥材料} presentAShare {出示份额} presentTheCustodyBackup {出示托管备份} readTheImportParameters {读取导入参数} readTheKeyStates {读取密钥状态} rebuildTheMaterial {重建密钥材料} showWhatTheWitnessesConfirm {显示见证人要确认的内容} splitTheMaterialForCustody {拆分密钥材料以托管} verifyTheImportedKeys {验证导入的密钥} wrapTheKeyMaterial {包装密钥材料} wrapTheRebuiltMaterial {包装重建的密钥材料} writeTheImportParametersBundle {写出导入参数包} writeTheReceipt {写出回执} writeTheWrappedMaterialBundle {写出已包装密钥材料包} restoreTheMaterialFromTheHSM {从 HSM 恢复密钥材料} other {{step}}}：{side, select, airgap {离线} restore {托管恢复} other {联网}}仪式处于“{statePhrase}”步骤。}}',
  'problem.CEREMONY_STEP_OUT_OF_ORDER.next':
    '{reason, select, notWrapped {写出回执之前，请先包装每个密钥。} notImported {写出回执之前，请先导入并验证每个密钥。} notConnected {请先连接（连接时会用 list-keys 测试终端节点和凭证）。} bundleNotRead {请重新检查已包装密钥材料包，然后写出回执。} other {{next, select, airgap_new {请先检查网络。} airgap_networkChecked {下一步请读取导入参数包。} airgap_parametersRead {下一步请每位见证人输入在联网工作站上朗读的导入参数包摘要。} airgap_fingerprintsConfirmed {下一步请生成或加载密钥材料。} airgap_materialReady {下一步请包装密钥材料（如有保管份额，在拆分之后）。} airgap_wrapped {下一步请写出已包装密钥材料包。} airgap_bundleWritten {下一步请写出回执。} airgap_finished {本仪式已结束；如需更多密钥，请开始新的仪式。} restore_new {请先检查网络。} restore_networkChecked {下一步请读取该密钥新获取的导入参数包。} restore_parametersRead {下一步请每位见证人输入在联网工作站上朗读的导入参数包摘要。} restore_sharesPresented {请至少出示 M 份份额，然后重建密钥材料。} restore_restored {下一步请包装重建的密钥材料。} restore_fingerprintsConfirmed {请先检查输出文件夹，然后请保管人出示各自的份额（或从 HSM 恢复）。} restore_wrapped {下一步请写出已包装密钥材料包。} restore_bundleWritten {下一步请写出回执。} restore_finished {本恢复仪式已结束。} online_new {{surface, select, app {请先创建密钥（“创建外部密钥”步骤）。} other {请先创建密钥（keyferry online create-key）。}}} online_keysCreated {{surface, select, app {下一步请获取导入参数（“获取导入参数”）。} other {下一步请获取导入参数（keyferry online params）。}}} online_parametersFetched {下一步请写出导入参数包。} online_parametersWritten {{surface, select, app {请在离线工作站上包装，然后在此检查已包装密钥材料包（“检查包”）。} other {请在离线工作站上包装，然后在此检查已包装密钥材料包（keyferry online import）。}}} online_materialChecked {下一步请导入已检查的密钥材料。} online_imported {{surface, select, app {下一步请验证导入的密钥（“校验密钥”）。} other {下一步请验证导入的密钥（keyferry online status）。}}} online_verified {下一步请写出回执。} online_finished {{surface, select, app {本仪式已结束：每个密钥都已导入并验证，回执也已写出。请用“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”检查这些密钥。} other {本仪式已结束：每个密钥都已导入并验证，回执也已写出。请用 keyferry online status 检查这些密钥。}}} other {}}}}',
  'problem.MATERIAL_BOUND_GENERATE_REFUSED':
    '密钥 {alias}（{keyId}）已绑定到联网日志第 {seq} 条导入的密钥材料（其自身的首次导入，或其副本组的导入：一个副本组只持有一份密钥材料）：{kind, select, kcv {密钥校验值（KCV）} other {公钥指纹}} {bound}。对于此前导入过的密钥，KMS 只再接受这份密钥材料，删除或过期后也是如此；而新生成的密钥材料会使副本组持有两份密钥材料，因此拒绝新生成的密钥材料。未生成任何内容{count, plural, =1 {。} other {（此包中有 # 个密钥已绑定）。}}',
  'problem.MATERIAL_BOUND_GENERATE_REFUSED.next':
    '{surface, select, app {请使用此导入参数包，在“恢复”界面的托管恢复仪式中恢复原密钥材料（使用保管份额和备份，或 HSM 令牌），或加载首次仪式保留的密钥材料文件（“从文件加载已有的密钥材料”）。从未导入过的密钥材料需要新建密钥。} other {请使用此导入参数包，以 keyferry custody restore 恢复原密钥材料（使用保管份额和备份，或 HSM 令牌），或加载首次仪式保留的密钥材料文件。从未导入过的密钥材料需要新建密钥。}}',
  'problem.MATERIAL_NOT_THE_BOUND':
    '这不是 KMS 为密钥 {keyId} 绑定的密钥材料：此处的{kind, select, kcv {密钥校验值（KCV）} other {公钥指纹}}为 {held}，首次导入时为 {bound}（联网日志第 {seq} 条）。KMS 会拒绝它；它未被使用，也未包装任何内容。',
  'problem.MATERIAL_NOT_THE_BOUND.next':
    '{surface, select, app {请出示首次导入此密钥的仪式的保管份额和备份、HSM 令牌或密钥材料文件（“恢复”界面的托管恢复仪式；密钥材料文件用“从文件加载已有的密钥材料”）。使用份额时，请用 KMS 所持密钥材料对应的托管集：联网工作站会以份额文件名中的标记注明它（“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”）；重新包装会生成自己的托管集，其份额重建的是另一份密钥材料。其他密钥材料需要新建密钥。} other {请出示首次导入此密钥的仪式的保管份额和备份、HSM 令牌或密钥材料文件（keyferry custody restore）。使用份额时，请用 KMS 所持密钥材料对应的托管集：online params 和 online status 会以份额文件名中的标记注明它；重新包装会生成自己的托管集，其份额重建的是另一份密钥材料。其他密钥材料需要新建密钥。}}',
};
