/** 单个密钥的托管（格式 1 份额）：把密钥材料拆分为 M-of-N 份额、写入保管人的介质、读取份额文件和恢复。序号、姓名、ID 和十六进制值均为值。 */
import type { enCustody } from '../en/custody';

const NOT_THE_KEY =
  '{form, select, refused {{cause}} notExact {它不是 Keyferry 所编码的 PKCS#8 DER 格式的 {spec} 私钥。} other {它不是 {spec} 私钥。}}';
const FIRST_CHECK = '{firstKind, select, kcv {密钥校验值 {firstValue}} other {公钥 SHA-256 {firstValue}}}';
const OTHER_CHECK = '{otherKind, select, kcv {密钥校验值 {otherValue}} other {公钥 SHA-256 {otherValue}}}';
const ONE_SPLIT = '请只收集同一次拆分的份额。';
const WHO_PRESENTED =
  '{notCustodian, select, yes {{role, select, operator {，此人是本仪式的操作员，不是记录的保管人} witness {，此人是本仪式的见证人，不是记录的保管人} other {，此人不是记录的保管人}}} other {{role, select, operator {，此人是其保管人，同时也是本仪式的操作员} witness {，此人是其保管人，同时也是本仪式的见证人} other {}}}}';

export const zhCNCustody: { readonly [K in keyof typeof enCustody]: string } = {
  'problem.CUSTODY_MATERIAL_INVALID': `无法拆分该 {spec} 密钥材料：{reason, select, length {它有 {size} 字节，而不是 {bytes} 字节。} publicKey {其记录的公钥与其私钥不匹配。} other {${NOT_THE_KEY}}}`,
  'problem.CUSTODY_MATERIAL_INVALID.next': '请按正确的密钥规格重新加载密钥材料。',
  'problem.CUSTODY_RESTORE_MISMATCH': `这些份额未能重建出记录的密钥材料：{reason, select, length {重建的材料为 {size} 字节，而不是 {spec} 的 {bytes} 字节。} kcv {重建的密钥校验值 {actual} 与记录的 {expected} 不同。} fingerprint {重建的密钥的公钥 SHA-256 {actual} 与记录的 {expected} 不同。} other {重建的字节无法构成该密钥：${NOT_THE_KEY}}}{odd, plural, =0 {} other {份额 {oddSharesList} 与其他份额不一致。}}至少有一份份额是错的，尽管其校验和完好。`,
  'problem.CUSTODY_RESTORE_MISMATCH.next':
    '未写入任何内容。请将每份份额与其保管人打印的份额凭条核对，或使用其他保管人的份额。',
  'problem.CUSTODY_SHARE_CORRUPTED': '份额 {index} 已损坏：其校验和与内容不符。',
  'problem.CUSTODY_SHARE_CORRUPTED.next':
    '请向份额 {index} 的保管人索取完好的副本（份额文件或打印的份额凭条），或使用其他保管人的份额。',
  'problem.CUSTODY_SHARE_FOREIGN':
    '份额 {index}（保管人 {custodian}）{field, select, bundleKey {是密钥“{found}”的份额，而导入参数包中没有该密钥（包中有 {heldList}）。} ceremonyId {属于仪式“{found}”，而不是预期的“{expected}”。} keyId {属于密钥“{found}”，而不是预期的“{expected}”。} other {属于密钥规格“{found}”，而不是预期的“{expected}”。}}',
  'problem.CUSTODY_SHARE_FOREIGN.next':
    '{field, select, bundleKey {请使用获取导入参数时所针对的密钥的份额，或为此密钥获取导入参数。} other {请只使用此仪式和此密钥的份额。}}',
  'problem.CUSTODY_SHARES_MIXED': `{reason, select, field {这些份额来自不同的{field, select, ceremonyId {仪式} keyId {密钥} other {密钥规格}}：份额 {first} 为“{firstValue}”，份额 {other} 为“{otherValue}”。} split {这些份额来自不同的拆分：份额 {first} 为 {firstM}-of-{firstN}，份额 {other} 为 {otherM}-of-{otherN}。} material {份额 {first} 和 {other} 记录的材料不同（${FIRST_CHECK} 与 ${OTHER_CHECK}，或长度不同）。} other {份额 {first} 和 {other} 不是来自同一次拆分（它们带有相同的 Shamir 坐标）。}}`,
  'problem.CUSTODY_SHARES_MIXED.next': `{reason, select, field {请只收集同一仪式、同一密钥的份额。} other {${ONE_SPLIT}}}`,
  'problem.CUSTODY_SHARE_DUPLICATE': '份额 {index} 被提供了不止一次。',
  'problem.CUSTODY_SHARE_DUPLICATE.next':
    '每份份额只提供一次；请带来另一位保管人的份额，而不是份额 {index} 的第二份副本。',
  'problem.CUSTODY_TOO_FEW_SHARES':
    '{given, plural, =0 {未提供任何份额。} other {需要 {needed} 份份额，只提供了 {given} 份：还需要 {missing} 份。}}',
  'problem.CUSTODY_TOO_FEW_SHARES.next':
    '{given, plural, =0 {请召集保管人并带上他们的份额。} other {请再召集此密钥的 {missing} 位保管人并带上他们的份额。}}',
  'problem.CUSTODY_SHAMIR_INVALID':
    '{reason, select, parameters {无法以门限 {m} 拆分为 {n} 份：需要 2 <= M <= N <= {max}。} empty {无法拆分空的秘密。} count {合并需要 2 到 {max} 份份额；实际为 {count} 份。} lengths {这些份额的长度不同或不可能。} other {有两份份额带有相同的 x 坐标，或有一份为零。}}',
  'problem.CUSTODY_SHAMIR_INVALID.next': '请检查托管参数和份额，然后重试。',
  'problem.CUSTODY_SHARE_FILE_INVALID':
    '无法使用份额文件 {file}：{reason, select, slip {它是打印凭条的文本，不是份额文件} backup {它是托管备份，不是份额} html {它是供打印的页面（凭条或备份），不是份额文件} notJson {它不是有效的 JSON} notObject {它不是 JSON 对象} notShare {它不是 Keyferry 保管份额} version {此版本的 Keyferry 无法读取其格式版本 {version}} fields {{fieldCount, plural, other {其字段 {fieldsList} 无效}}} base64 {其份额不是规范的 base64} tooShort {其份额太短} other {它不是 UTF-8 文本}}。',
  'problem.CUSTODY_SHARE_FILE_INVALID.next':
    '{surface, select, app {{reason, select, slip {凭条上的各行应作为录入的份额出示（“从打印凭条输入的各行”）；作为份额文件，请提供份额的 .json 文件。} backup {备份应作为备份出示（“托管备份”，“出示备份”）；作为份额文件，请提供每个份额的 .json 文件。} html {作为份额文件，请提供旁边的份额 .json 文件；也可将打印凭条上的各行作为录入的份额出示（“从打印凭条输入的各行”）。} other {请确认这是 Keyferry 保管份额文件且已完整复制；否则请根据打印的份额凭条录入份额。}}} other {{reason, select, slip {凭条上的各行应作为录入的份额出示（命令行用 --typed FILE，每张凭条一个文件；应用中用“从打印凭条输入的各行”）；作为份额文件，请提供份额的 .json 文件。} backup {备份应作为备份出示（命令行用 --backup FILE，或将其留在第一个份额文件旁边；应用中用备份步骤）；作为份额文件，请提供每个份额的 .json 文件。} html {作为份额文件，请提供旁边的份额 .json 文件；也可将打印凭条上的各行作为录入的份额出示（--typed FILE；应用中用“从打印凭条输入的各行”）。} other {请确认这是 Keyferry 保管份额文件且已完整复制；否则请根据打印的份额凭条录入份额。}}}}',
  'problem.CUSTODY_SPLIT_REFUSED':
    '{reason, select, parameters {不允许 {m}-of-{n} 托管：需要 {min} <= M <= N <= {max}。} spec {密钥材料为 {actual}，但请求的是 {spec}。} ceremonyId {仪式 ID“{value}”无效。} keyId {密钥 ID“{value}”无效。} other {为 {n} 份份额指定了 {count} 位保管人。}}',
  'problem.CUSTODY_SPLIT_REFUSED.next':
    '{reason, select, parameters {请选择至少为 2 的 M，以及介于 M 和 16 之间的 N。} spec {请提供所拆分材料的密钥规格。} ceremonyId {请使用该仪式自己的 ID：仪式 ID 为 1-64 个字母、数字、点、下划线或连字符，以字母或数字开头（例如 KF-20261130-abcdef）。} keyId {请使用 KMS 密钥 ID：KMS 密钥 ID 为 36 个字符，由小写字母和数字按 8-4-4-4-12 分组并以连字符连接（例如 0d0466b0-e727-4d9c-b35d-f84bb474a37f）。} other {{surface, select, app {请正好指定 {n} 位保管人，每份份额一位（“添加保管人”）。} other {请正好指定 {n} 位保管人，每份份额一位：为每位保管人重复一次 --custodian 姓名。}}}}',
  'problem.CUSTODY_SPLIT_UNVERIFIED': '刚生成的份额未能准确重建密钥材料。',
  'problem.CUSTODY_SPLIT_UNVERIFIED.next': '未写入任何内容。请重新拆分；如果再次失败，请报告此问题。',
  'problem.CUSTODY_DESTINATION_MISSING':
    '份额 {index} 的目标位置（{folder}）{found, select, parent {不存在：它所在的文件夹（{parent}）存在，但 Keyferry 不会创建保管人的文件夹。} file {是一个文件，不是文件夹。} other {不是已存在的文件夹，它所在的文件夹（{parent}）也不存在：保管人的介质可能未挂载。}}未写入任何内容。',
  'problem.CUSTODY_DESTINATION_MISSING.next':
    '{found, select, parent {请在保管人的介质上创建该文件夹（或指定其上一个已存在的文件夹），然后重新运行该步骤。} file {请指定保管人介质上的一个文件夹，而不是文件，然后重新运行该步骤。} other {请插入保管人的移动存储介质，并指定其上一个已存在的文件夹，然后重新运行该步骤。}}',
  'problem.CUSTODY_FILE_EXISTS': '{file} 已存在；Keyferry 从不覆盖文件。',
  'problem.CUSTODY_FILE_EXISTS.next': '请选择一个空文件夹，或先将旧文件移走。',
  'problem.CUSTODY_DESTINATIONS_COUNT': '为 {shares} 份份额提供了 {destinations} 个目标位置。',
  'problem.CUSTODY_DESTINATIONS_COUNT.next': '请为每份份额正好提供一个目标文件夹，且各在不同保管人的介质上。',
  'problem.CUSTODIAN_FOLDER_CHANGED':
    '保管人 {index} 的文件夹（{folder}）已不再是预检时的样子：{change, select, link {它现在是一个符号链接，或位于符号链接之下，份额会落到链接所指之处} notEmpty {它现在含有文件（那里换了另一个介质，或有人放入了文件）} otherVolume {那里现在是另一个卷（U 盘被拔出或未再挂载，路径落在其下方的磁盘上；或 U 盘被调换，或插入顺序不同）} notAFolder {那里现在是一个文件，而不是文件夹} other {它或其所在的文件夹已不存在或无法读取}}。未写入任何份额。',
  'problem.CUSTODIAN_FOLDER_CHANGED.next':
    '请将预检时检查过的该保管人的介质按原样放回该路径，然后{surface, select, app {再次拆分（此次拒绝已记入日志，回执会列出）。如果该介质无法放回，请离开本仪式（“设置”，然后“放弃仪式并离开”）：未写入任何份额，新的会话会检查新的文件夹} other {再次运行同一命令（本次运行已停止并擦除了密钥材料；此次拒绝已记入日志）}}。如果这里没有人更换过介质，请停止并告知操作员和见证人。',
  'problem.CUSTODY_SAME_VOLUME':
    '份额 {first} 和 {second} 的目标位置（{firstFolder} 和 {secondFolder}）在同一个卷上：一个丢失或被复制的驱动器会带走两份份额。',
  'problem.CUSTODY_SAME_VOLUME.next':
    '{surface, select, app {请为每位保管人的份额使用各自独立的移动存储介质：据此选择其文件夹，然后再次检查文件夹（保管人文件夹位于同一个卷上仅在使用测试材料的演练中接受）。} other {请为每位保管人的份额使用各自独立的移动存储介质（仅限使用测试材料的演练：custody split --shares-on-one-volume）。}}',
  'problem.CUSTODY_SAME_FOLDER':
    '份额 {first} 和 {second} 的文件夹是同一个文件夹（{folder}{also, select, none {} other {，也以 {also} 给出}}），被给出了两次：每份份额应放在各自的文件夹中，位于其保管人自己的介质上。未写入任何份额。',
  'problem.CUSTODY_SAME_FOLDER.next':
    '请为每位保管人的份额指定不同的文件夹，位于该保管人自己的移动存储介质上，然后重新运行该步骤。',
  'problem.CUSTODY_FOLDER_INSIDE_OTHER':
    '保管人 {second}（{secondCustodian}）的文件夹 {secondFolder} 位于保管人 {first}（{firstCustodian}）的文件夹 {firstFolder} 之内：保管人 {first}（{firstCustodian}）的介质将同时携带两份份额。未读取也未写入任何内容。',
  'problem.CUSTODY_FOLDER_INSIDE_OTHER.next':
    '请为每位保管人的份额指定各自的文件夹，不要彼此嵌套，并位于该保管人自己的移动存储介质上，然后重新运行该步骤。',
  'problem.CUSTODY_SPLIT_NO_ROOM':
    '保管人 {index}（{custodian}）的文件夹 {folder} 所在卷仅剩 {freeKiB} KiB，但将{sharedWith, plural, =0 {} other {向此文件夹及该卷上另外给出的 # 个保管人文件夹（{othersList}）共}}写入约 {neededKiB} KiB{bigBlocks, select, yes {（该卷为每个文件和文件夹至少分配 {blockKiB} KiB）} other {}}：份额、份额凭条以及备份文件及其打印页。未读取也未写入任何内容。',
  'problem.CUSTODY_SPLIT_NO_ROOM.next':
    '请释放该保管人介质的空间，或改在更大的介质上指定文件夹（--out），然后重新运行 custody split。',
  'problem.CUSTODY_SHARES_WRITE_FAILED':
    '{at, select, custodian {保管人 {atIndex}（{atCustodian}）的介质，文件夹 {atFolder}：} other {}}{reason, select, refused {{cause}} other {写入份额失败。}}{removed, plural, =0 {} other {此次拆分已写入的 # 个文件已被删除。}}{left, plural, =0 {} other {无法删除 {leftoversList}：请手动删除，该次拆分不完整。}}{moved, plural, =0 {} other {不在写入的位置（在 Keyferry 写入期间，该文件夹被移动、改名、替换或删除，或其介质被取出）：{movedList}。在任何人将其作为份额带走之前，请在该文件夹现在所在之处找到并删除它们。}}',
  'problem.CUSTODY_SHARES_WRITE_FAILED.next':
    '{command, select, wrap {{surface, select, app {请修复介质后，在本仪式中使用同一日志（同一“仪式文件夹”）重新执行包装步骤：会生成新的密钥材料和新的托管集（切勿保留本次尝试的任何份额）。} other {请修复介质后，使用同一日志再次运行同一条 keyferry airgap wrap 命令：它会生成新的密钥材料和新的托管集（切勿保留本次尝试的任何份额）。}}} other {请修复介质后重新拆分（会生成新的份额；切勿混用两次拆分的份额）。}}',
  'cli.custody.restore.default-title': '托管恢复仪式',
  'cli.custody.restore.parameters': '仪式 {ceremonyId} 的导入参数，{count, plural, other {密钥}} {keys}',
  'cli.custody.restore.expiry': '请求的密钥材料到期时间：{expiry}（联网导入时使用）。',
  'cli.custody.restore.expiry-of-key': '密钥 {keyId} 请求的密钥材料到期时间：{expiry}（联网导入时使用）。',
  'cli.custody.restore.expiry-overridden':
    '警告：恢复后的包将为 {count, plural, other {# 个密钥}}（{keyIds}）请求 AES 密钥材料到期时间 {requested}，而不是仪式计划（导入参数包中所载）的 {planned}。已作为覆盖记入日志：恢复回执会列出，联网导入时也会再次指出。如要请求每个密钥自己计划的到期时间，请提供 --expires original。',
  'cli.custody.restore.refusal-journaled':
    '被拒绝的这次尝试已记入日志 {journal}（ceremony.abandoned），日后阅读该日志的人都能看到。',
  'cli.custody.restore.refusal-not-journaled': '这次拒绝未能记入日志 {journal}：{problem}',
  'cli.custody.restore.refusal-not-journaled-unfinished':
    '这次拒绝未记入日志 {journal}：其第 {session} 次会话未完成，记录这次拒绝会先关闭该会话并撤回它写下的内容。这会在该日志上开始恢复或包装、完成其自身检查之后进行；此次未写入或删除任何内容。',
  'cli.custody.restore.no-plaintext': '未写入任何明文。{hint}',
  'cli.custody.prove.rebuilt':
    '已根据 {n} 份中的 {count} 份份额（需要 {m} 份）重建密钥 {keyId}（仪式 {ceremonyId}）的 {spec} 密钥材料：',
  'cli.custody.prove.share': '  {n} 份中的第 {index} 份，保管人 {custodian}',
  'cli.custody.prove.proof':
    '证明：重建材料的{kind, select, kcv {密钥校验值} other {公钥 SHA-256}} {value} 与每份份额中记录的值一致。',
  'cli.custody.prove.nothing-written':
    '未写入明文文件（使用 --out FILE 将材料交给 HSM，或使用 --bundle DIR 将其包装以便重新导入）。',
  'cli.custody.prove.written':
    '已写入 {file}（{size} 字节，{kept, select, yes {权限 0600} other {权限 {mode}：该卷不保存文件权限}}）：{form, select, aes {原始 32 字节 AES 密钥} other {PKCS#8 DER 格式的私钥}}。',
  'cli.custody.plaintext-warning':
    '警告：{count, plural, other {以下 # 个文件}}含有明文密钥材料，未记入任何日志，也没有任何见证人见证：',
  'cli.custody.plaintext-file': '  {file}',
  'cli.custody.plaintext-permissions':
    '存放{count, plural, =1 {此文件} other {这些文件}}的卷不保存文件权限（FAT32 和 exFAT 介质即是如此）：本计算机的每个账户都能读取{count, plural, =1 {它} other {它们}}（权限 {mode}），而不只是您的账户；插入该介质的任何计算机也都能读取。在 HSM 持有该密钥材料之前，请让该介质一直在您手中。',
  'cli.custody.plaintext-next':
    '{networked, select, yes {{count, plural, other {这 # 个文件}}刚刚写在了这台联网的计算机上（--allow-network 放行）：只适用于使用测试材料的演练。切勿复制到别处，也不得导入任何真实数据所依赖的地方；演练结束后删除文件，并擦除存放过它的介质。} other {请让{count, plural, other {这 # 个文件}}保持离线：切勿放到联网的计算机、同步文件夹或他人可接触的介质上。立即交给 HSM，然后销毁所有副本：删除文件，并擦除或销毁存放过它的介质。}}',
  'cli.custody.restore.share-read-from': '第 {index} 份读自{count, plural, other {文件 {filesList}}}。',
  'cli.custody.restore.share-presented':
    '  {total} 份中的第 {index} 份（保管人 {custodian}），由 {presentedBy} 出示，来自{source, select, file {文件 {file}} other {录入的托管凭条 {file}}}',
  'cli.custody.restore.rebuilt':
    '已根据 {total} 份中的份额 {shares}（需要 {threshold} 份）重建密钥 {keyId} 的 {spec} 密钥材料。',
  'problem.CUSTODY_PRESENTER_SEVERAL_SHARES':
    '{where, select, cli {{presentedBy} 将出示 {count} 份份额（份额 {sharesList}）。} other {{presentedBy} 将因此出示 {count} 份份额（份额 {sharesList}）。}}M-of-N 托管要求 M 位不同的人各自出示自己的份额：一人出示多份，就可能独自重建密钥材料。{where, select, cli {未出示也未重建任何内容。} other {此份额未被接受，未重建任何内容。}}',
  'problem.CUSTODY_PRESENTER_SEVERAL_SHARES.next':
    '{where, select, cli {请让每份份额由其保管人（或每份一人）出示，并用 --presented-by INDEX=NAME 写明出示人。如果确需一人携带多份份额，操作员可用 --one-person-several-shares "原因" 准许：作为覆盖记入日志并打印在回执上。} other {请让此份额由其保管人（或尚未出示任何份额的另一人）出示。如果确需一人携带多份份额，操作员可在“为何一人出示多份份额”中填写原因准许：作为覆盖记入日志并打印在回执上。}}',
  'problem.CUSTODY_PRESENTER_REASON_INVALID': '一人出示多份份额的原因必须是一行文字，1 至 {max} 个字符，不含控制字符。',
  'problem.CUSTODY_PRESENTER_REASON_INVALID.next':
    '{where, select, cli {请简要说明原因，例如 --one-person-several-shares "Alice 在国外；Carol 凭董事会授权书代为携带她的份额"。} other {请简要说明原因，例如“Alice 在国外；Carol 凭董事会授权书代为携带她的份额”。}}',
  'cli.custody.restore.several-shares-allowed':
    '警告：{presentedBy} 出示了 {count} 份份额（份额 {sharesList}）：参与本次恢复的不同人数少于 M-of-N 托管的要求。已由 --one-person-several-shares 准许，原因为“{reason}”；已作为覆盖记入日志，恢复回执会列出。',
  'cli.custody.restore.presenter-flagged': `警告：份额 {index}（保管人 {custodian}）由 {presentedBy} 出示${WHO_PRESENTED}。已作为覆盖记入日志：恢复回执会列出。M-of-N 托管依靠每位保管人亲自带来自己的份额，且不是主持和核对仪式的人：请确认这次出示是经过同意的。`,
  'restore.presenter-flagged': `警告：份额 {index}（保管人 {custodian}）由 {presentedBy} 出示${WHO_PRESENTED}。已作为覆盖记入日志：回执会列出。M-of-N 托管依靠每位保管人亲自带来自己的份额：请确认这次出示是经过同意的。`,
  'restore.several-shares-allowed':
    '警告：{presentedBy} 已出示 {count} 份份额（份额 {sharesList}），已按所填原因准许。已作为覆盖记入日志：回执会列出。',
  'journal.reason.presenter-flagged': `份额 {index}（保管人 {custodian}）由 {presentedBy} 出示${WHO_PRESENTED}。`,
  'journal.reason.presenter-several-shares':
    '{presentedBy} 出示了份额 {sharesList}：一人带来了不止一份份额，操作员已准许，原因为“{reason}”。',
};
