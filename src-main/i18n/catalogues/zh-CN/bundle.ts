/** 传输包（导入参数包和已包装密钥材料包）：读取时为何被拒绝，写入为何失败。文件名、密钥 ID、十六进制值和代码均为值。 */
import type { enBundle } from '../en/bundle';

const REFUSED = '请勿使用此包。请在生成它的机器上重新写入到一个新的文件夹，并核对其包摘要。';
const FETCH_AGAIN = '请在联网工作站上重新获取导入参数，并写入新的导入参数包。';
const RECONNECT = '请重新连接移动存储介质，然后再次读取此包。';
const COPY_AGAIN =
  '请勿使用此副本。请从写出它的介质或机器上重新完整复制此包，并核对其包摘要。只有在没有完整副本时，才在那里重新写入到一个新的文件夹（导入参数包：再次运行 online params，其新的导入令牌将取代这些令牌）。';

export const zhCNBundle: { readonly [K in keyof typeof enBundle]: string } = {
  'problem.BUNDLE_DUPLICATE_KEY': '清单中多次列出了密钥 {keyId}。',
  'problem.BUNDLE_DUPLICATE_KEY.next': REFUSED,
  'problem.BUNDLE_REPLICA_INVALID':
    '{reason, select, version {清单的格式版本与其内容不符：版本 6 用于写明仪式离线日志（ceremony.airGapJournal）的导入参数包，版本 5 用于写明仪式人员（ceremony.people）的导入参数包，版本 4 用于各密钥携带自己的密钥材料到期时间（materialExpiry）的导入参数包，版本 3 用于携带密钥所绑定密钥材料（boundMaterial）的导入参数包，版本 2 用于含副本组（带 replicaOf 的密钥）的包，版本 1 用于两者皆无的包。} unknownPrimary {密钥 {keyId} 是 {primary} 的副本，但 {primary} 不是此包中的另一个密钥。} chained {密钥 {keyId} 是 {primary} 的副本，而 {primary} 本身也是副本。} specDiffers {密钥 {keyId} 是 {primary} 的副本，但密钥规格不同。} usageDiffers {密钥 {keyId} 是 {primary} 的副本，但密钥用途不同。} sameTarget {密钥 {keyId} 是 {primary} 的副本，但其副本组在该区域和项目中已有密钥。} membersDiffer {密钥 {keyId} 和 {primary} 是同一副本组的副本（其主密钥不在此包中），但它们的公钥指纹或密钥校验值不同：一个副本组只持有一份密钥材料。} other {密钥 {keyId} 是 {primary} 的副本，但其公钥指纹或密钥校验值不同：一个副本组只持有一份密钥材料。}}',
  'problem.BUNDLE_REPLICA_INVALID.next': REFUSED,
  'problem.BUNDLE_DUPLICATE_FILE': '清单中多次列出了文件 {file}。',
  'problem.BUNDLE_DUPLICATE_FILE.next': REFUSED,
  'problem.BUNDLE_MANIFEST_LISTS_ITSELF': '清单把它自己（{file}）列为一个文件。',
  'problem.BUNDLE_MANIFEST_LISTS_ITSELF.next': REFUSED,
  'problem.BUNDLE_LAYOUT_MISMATCH':
    '{listing, select, missing {清单未列出 {file}，而其中的密钥需要它。} other {清单列出了 {file}，但它不属于清单中的任何密钥。}}',
  'problem.BUNDLE_LAYOUT_MISMATCH.next': REFUSED,
  'problem.BUNDLE_FILE_MISSING':
    '{where, select, unread {无法读取 {file}。} absent {包中没有 {file}。} other {{count, plural, =1 {清单中列出了 {file}，但包文件夹中没有它。} other {清单中列出的 # 个文件在包文件夹中缺失：{filesList}{more, plural, =0 {} other {，另有 # 个}}。}}}}',
  'problem.BUNDLE_FILE_MISSING.next': COPY_AGAIN,
  'problem.BUNDLE_UNEXPECTED_FILE':
    '{entry, select, folder {包中有文件夹 {name}，但清单中没有它。} deep {包中的文件夹嵌套过深：{name}。} undecodable {包中有一个名称不是有效文本（UTF-8）的条目，此处显示为 {name}：清单中没有它，Keyferry 也从不写出这样的名称。} other {包文件夹中有 {name}，但清单中没有它。}}',
  'problem.BUNDLE_UNEXPECTED_FILE.next':
    '请勿按原样使用此文件夹：有其他内容被复制了进去（例如另一个包的文件）。请从写出它的介质或机器上把整个包重新复制到一个新的空文件夹中，并核对其包摘要。只有在没有完整副本时，才在那里重新写入到一个新的文件夹（导入参数包：再次运行 online params，其新的导入令牌将取代这些令牌）。',
  'problem.BUNDLE_FILE_TOO_LARGE': '{file} 超过了包文件 {limit} 字节的上限。',
  'problem.BUNDLE_FILE_TOO_LARGE.next': REFUSED,
  'problem.BUNDLE_SIZE_MISMATCH': '{file} 为 {size} 字节，但清单记录为 {expected} 字节：文件被改动或被截断。',
  'problem.BUNDLE_SIZE_MISMATCH.next': COPY_AGAIN,
  'problem.BUNDLE_TOO_LARGE': '包共 {total} 字节，超过了 {limit} 字节的上限。',
  'problem.BUNDLE_TOO_LARGE.next': REFUSED,
  'problem.BUNDLE_TOO_MANY_FILES': '包文件夹 {dir} 中的条目超过 {limit} 个。',
  'problem.BUNDLE_TOO_MANY_FILES.next': REFUSED,
  'problem.BUNDLE_HASH_MISMATCH': '{file} 与清单中记录的 SHA-256 不符：文件被改动或已损坏。',
  'problem.BUNDLE_HASH_MISMATCH.next': COPY_AGAIN,
  'problem.BUNDLE_SYMLINK':
    '{where, select, folder {{name} 是符号链接，不是包文件夹。} raced {读取包的过程中，{name} 变成了符号链接。} other {包中含有符号链接 {name}；包中绝不应有链接。}}',
  'problem.BUNDLE_SYMLINK.next': `{where, select, folder {请直接打开包文件夹本身。} other {${REFUSED}}}`,
  'problem.BUNDLE_SPECIAL_FILE':
    '{kind, select, fifo {包中含有命名管道（FIFO）{name}；包中只能有普通文件。} socket {包中含有套接字 {name}；包中只能有普通文件。} device {包中含有设备文件 {name}；包中只能有普通文件。} special {包中含有特殊文件 {name}；包中只能有普通文件。} other {{name} 不是普通文件。}}',
  'problem.BUNDLE_SPECIAL_FILE.next': REFUSED,
  'problem.BUNDLE_UNREADABLE':
    '{cause, select, denied {{action, select, list {此账户无权查看 {name} 中的内容（{errno}）。} other {此账户无权读取 {name}（{errno}）。}}} other {{action, select, open {无法打开 {name}（{errno}）：移动存储介质可能已被移除。} read {无法读取 {name}（{errno}）：移动存储介质可能已被移除。} look {无法查看 {name}（{errno}）：移动存储介质可能已被移除。} other {无法列出 {name} 的内容（{errno}）。}}}}',
  'problem.BUNDLE_UNREADABLE.next': `{cause, select, denied {请为此账户授予对包文件夹及其中每个文件的读取权限（或以此账户可读的方式挂载移动存储介质），然后再次读取此包。} other {${RECONNECT}}}`,
  'problem.BUNDLE_CHANGED_WHILE_READING': '读取包的过程中，{file} 被替换了。',
  'problem.BUNDLE_CHANGED_WHILE_READING.next': '请确认没有其他程序在写入该介质，然后重新读取。',
  'problem.BUNDLE_FOLDER_MISSING':
    '不存在 {dir}：{parent, select, yes {它所在的上级文件夹存在，因此名称很可能输错了（或该包已被移走）} other {它及其所在的上级文件夹都不存在（路径输错，或移动存储介质未挂载在该处）}}。',
  'problem.BUNDLE_FOLDER_MISSING.next':
    '请检查路径：即本工作站挂载移动存储介质后该包所在的文件夹（可用 ls 查看介质文件夹中的包）；如果介质已被移除，请重新连接。然后再次运行。',
  'problem.BUNDLE_NOT_A_FOLDER': '{dir} 不是文件夹。',
  'problem.BUNDLE_NOT_A_FOLDER.next': '请选择包文件夹（包含 manifest.json 的那个文件夹）。',
  'problem.BUNDLE_UNSAFE_PATH': '清单中列出的文件名 {name} 可能指向包文件夹之外。',
  'problem.BUNDLE_UNSAFE_PATH.next': REFUSED,
  'problem.BUNDLE_MANIFEST_MISSING': '{dir} 中没有 {file}：它不是包，或者写入从未完成。',
  'problem.BUNDLE_MANIFEST_MISSING.next': '请选择包文件夹本身，或将包重新写入一个新的文件夹。',
  'problem.BUNDLE_MANIFEST_INVALID':
    '{reason, select, notJson {{file} 不是有效的 JSON：它在写入时被损坏、编辑或截断。} notObject {{file} 不是 JSON 对象。} formatVersion {{file} 给出的格式版本不是任何 Keyferry 会写出的整数：它已被损坏或改动。} spec {密钥 {keyId}（{keySpec}）{problem, select, kcvOnAsymmetric {带有密钥校验值（KCV），而只有对称密钥才有} noFingerprint {没有公钥指纹} expiryOnAsymmetric {要求设置到期时间，但导入的非对称密钥材料永不过期} noKcv {没有密钥校验值（KCV）} other {带有公钥指纹，而只有非对称密钥才有}}。} other {{file} 不符合 {format} 格式：{fieldCount, plural, other {其字段 {fieldsList} 无效}}。}}',
  'problem.BUNDLE_MANIFEST_INVALID.next': REFUSED,
  'problem.BUNDLE_UNKNOWN_FORMAT': '{file} 的格式为 {format}，不是 Keyferry 包（应为 {expected}）。',
  'problem.BUNDLE_UNKNOWN_FORMAT.next': '请确认您选择的是 Keyferry 包文件夹。',
  'problem.BUNDLE_UNSUPPORTED_VERSION':
    '此包的格式版本为 {version}；此版本的 Keyferry 只读取 {format} 版本 {supportedList}。',
  'problem.BUNDLE_UNSUPPORTED_VERSION.next': '请在两台机器上使用相同版本的 Keyferry，或用此版本重新写入该包。',
  'problem.BUNDLE_MANIFEST_NOT_CANONICAL': '{file} 与 Keyferry 写入的内容并非逐字节一致：写入后被编辑或重新排版过。',
  'problem.BUNDLE_MANIFEST_NOT_CANONICAL.next': REFUSED,
  'problem.BUNDLE_MANIFEST_CHECKSUM_MISMATCH': '{file} 与其自身的校验和不符：写入后被编辑或已损坏。',
  'problem.BUNDLE_MANIFEST_CHECKSUM_MISMATCH.next': REFUSED,
  'problem.BUNDLE_TOKEN_KEY_MISMATCH': '归在密钥 {keyId} 下的导入令牌是为密钥 {tokenKeyId} 签发的；KMS 会拒绝它。',
  'problem.BUNDLE_TOKEN_KEY_MISMATCH.next': FETCH_AGAIN,
  'problem.BUNDLE_TOKEN_HASH_MISMATCH': '密钥 {keyId} 的导入令牌与清单中记录的 SHA-256 不符。',
  'problem.BUNDLE_TOKEN_HASH_MISMATCH.next': REFUSED,
  'problem.BUNDLE_TOKEN_FILE_MISMATCH': '{file} 与清单中的导入令牌不一致。',
  'problem.BUNDLE_TOKEN_FILE_MISMATCH.next': REFUSED,
  'problem.BUNDLE_TOKEN_EXPIRY_DISAGREES':
    '密钥 {keyId} 的令牌到期时间记为 {expiresAt}，又记为 {expirationTime} 秒，两者不一致。',
  'problem.BUNDLE_TOKEN_EXPIRY_DISAGREES.next': REFUSED,
  'problem.BUNDLE_TOKEN_EXPIRED':
    '密钥 {keyId} 的导入令牌已于 {expiresAt, date, moment} 过期（{tokensClock, select, journal {按 KMS 的时钟（本日志此后读取的导入参数中 KMS 签发的令牌表明）} other {按本机时钟}}为 {minutes} 分钟前）；KMS 会拒绝它{newerBundle, select, valid {：不要用此包包装任何内容。} other {，请重新获取导入参数。}}',
  'problem.BUNDLE_TOKEN_EXPIRED.next': `{newerBundle, select, valid {本日志已在条目 {newerSeq} 读取了一个更新的导入参数包（来自 {newerSource}），已有见证人确认其摘要；其导入令牌有效期至 {newerUntil, date, moment}。请改用该导入参数包；如果它已被包装，应将由它制作的已包装密钥材料包带到联网工作站。只有在它丢失或其令牌先到期时，才在联网工作站上重新获取导入参数，并写入新的导入参数包。} other {${FETCH_AGAIN}}}`,
  'problem.BUNDLE_DUPLICATE_TOKEN': '密钥 {keyId} 与包中另一个密钥使用了相同的导入令牌。',
  'problem.BUNDLE_DUPLICATE_TOKEN.next': FETCH_AGAIN,
  'problem.BUNDLE_PUBLIC_KEY_MISMATCH':
    '{kind, select, bin {{file} 不是 {source} 经 base64 解码后的内容。} other {{file} 与清单中的包装密钥不一致。}}',
  'problem.BUNDLE_PUBLIC_KEY_MISMATCH.next': REFUSED,
  'problem.BUNDLE_WRAPPING_KEY_INVALID':
    '{problem, select, notDer {密钥 {keyId} 的包装密钥不是 DER 格式（SubjectPublicKeyInfo）。} nonCanonical {密钥 {keyId} 的包装密钥在公钥前后有多余或非规范的字节。} other {密钥 {keyId} 的包装密钥被拒绝：{cause}}}',
  'problem.BUNDLE_WRAPPING_KEY_INVALID.next': FETCH_AGAIN,
  'problem.BUNDLE_FINGERPRINT_MISMATCH':
    '{key, select, wrapping {密钥 {keyId} 的包装密钥指纹为 {actual}，而不是清单所记录的 {expected}。} other {密钥 {keyId} 的公钥与清单中记录的指纹不符。}}',
  'problem.BUNDLE_FINGERPRINT_MISMATCH.next': REFUSED,
  'problem.BUNDLE_PUBLIC_KEY_INVALID':
    '{problem, select, notDer {密钥 {keyId} 的公钥不是 DER 格式的公钥。} other {密钥 {keyId} 的公钥不是 {keySpec} 公钥。}}',
  'problem.BUNDLE_PUBLIC_KEY_INVALID.next': REFUSED,
  'problem.BUNDLE_CIPHERTEXT_INVALID':
    '{kind, select, rsa {密钥 {keyId} 的 {file} 为 {size} 字节；RSA-OAEP 密文应为 256、384 或 512 字节。} other {密钥 {keyId} 的 {file} 为 {size} 字节，不是 AES 密钥包装的输出。}}',
  'problem.BUNDLE_CIPHERTEXT_INVALID.next': REFUSED,
  'problem.BUNDLE_WRITE_FAILED':
    '将包写入 {dir} 失败，因此该文件夹不是一个包：{errno, select, ENOSPC {移动存储介质已满。} EIO {移动存储介质报告了输入/输出错误（是否已被移除？）。} ENOENT {该文件夹已不存在（移动存储介质是否已被移除？）。} EROFS {移动存储介质为只读。} EACCES {权限被拒绝。} EPERM {权限被拒绝。} refused {{cause}} other {发生了意外的文件系统错误（{errno}）。}}',
  'problem.BUNDLE_WRITE_FAILED.next':
    '{cleanup, select, removed {{removedFiles, plural, =0 {本次尝试没有在那里留下任何内容。} other {本次尝试已在那里写入的 # 个文件及其创建的文件夹已再次删除：该位置已恢复原样。}}{surface, select, app {{full, select, yes {请在移动存储介质上腾出空间，然后使用同一文件夹再次点击写入按钮（“写入导入参数包”或“写入已包装密钥材料包”）} other {待移动存储介质重新接入且可写后，使用同一文件夹再次点击写入按钮（“写入导入参数包”或“写入已包装密钥材料包”）}}；导入参数包也可改为写入其他移动存储介质上的文件夹。} other {{full, select, yes {请在移动存储介质上腾出空间后使用同一文件夹再次运行同一命令} other {待移动存储介质重新接入且可写后，使用同一文件夹再次运行同一命令}}，或者改用其他移动存储介质上的文件夹运行该命令。}}} partial {本次尝试在那里写入的内容未能全部删除：请手动删除 {leftoversList}，它不完整。{surface, select, app {然后再次写入该包（同一按钮）；切勿使用写入失败的文件夹。} other {然后再次运行同一命令；切勿使用写入失败的文件夹。}}} moved {本次尝试写入的内容并非都还在写入的位置（在 Keyferry 写入期间，该文件夹被移动、改名、替换或删除，或其介质被取出）：{leftoversList}。这些文件不完整：无论该文件夹现在在哪里（介质上的别处，或已取出的介质上），请在那里删除它们；切勿使用。如果这里没有人这样做过，说明本工作站上有程序改动了该介质：在再次使用它之前请告知操作员和见证人。{surface, select, app {然后再次写入该包（同一按钮），且只写入无人触碰的介质。} other {然后使用一个无人触碰的介质上的文件夹再次运行同一命令。}}} other {请重试写入一个新的文件夹（如再次失败，请换用其他介质）；切勿使用写入失败的文件夹。}}',
  'problem.BUNDLE_INPUT_INVALID':
    '{reason, select, consoleFiles {密钥 {keyId} 的导入参数来自控制台文件；包只能携带从 KMS 获取的导入参数。} noToken {密钥 {keyId} 的导入参数没有带到期时间的导入令牌；请用 get-parameters-for-import 获取。} wrappingKeyBase64 {密钥 {keyId} 的包装密钥不是规范的 base64。} privateKeyMissing {密钥 {keyId} 为 {keySpec}，但缺少其已包装的私钥或公钥。} symmetricExtra {密钥 {keyId} 为 {keySpec}（对称密钥），却带有私钥或公钥。} tokenExpiry {令牌到期时间 {value} 不是自 1970 年起的整秒数。} notKeyId {“{value}”不是密钥 ID（字母、数字和连字符，最多 64 个）。} importToken {导入令牌无效：它不是 KMS 签发长度的规范 base64。} keyUnusable {密钥 {keyId} 的导入参数不可用：{fieldCount, plural, other {其字段 {fieldsList} 无效}}。} kmsAnswerRefused {{cause}} other {无法写入此包：{cause}}}',
  'problem.BUNDLE_INPUT_INVALID.next': '未写入任何内容。请更正仪式输入后重新写入此包。',
  'problem.BUNDLE_BOUND_MATERIAL_INVALID':
    '{reason, select, kind {密钥 {keyId}（{spec}）所绑定密钥材料的类型不对：AES 密钥以其密钥校验值（KCV）绑定，RSA 或 EC 密钥以其公钥指纹绑定。} other {密钥 {keyId} 是 {other} 的副本，但它绑定的密钥材料与其主密钥不同：一个副本组只持有一份密钥材料。}}',
  'problem.BUNDLE_BOUND_MATERIAL_INVALID.next': REFUSED,
  'problem.BUNDLE_DIGEST_NOT_SHOWN_OFFLINE':
    '本工作站没有网络，与离线工作站一样，因此此处不显示该导入参数包的摘要。每位见证人须按从联网工作站朗读的内容键入该摘要：若从本屏幕上读取，无论介质上现在是哪个包（包括被改动过的包），它都会被确认。',
  'problem.BUNDLE_DIGEST_NOT_SHOWN_OFFLINE.next':
    '请在此处用 --expect-digest "…" 按听到的摘要核对该包。在联网工作站（有网络）上，keyferry online status 会打印其日志在写出该包时记录的摘要：请朗读那一个。',
  'bundle.abandoned.marker':
    '这不是可导入的包。\n\n写入此文件夹的离线会话已于 {at, date, utc} 放弃，\n当时此包尚未完整，因此没有任何有效回执注明它（为它写出的任何回执均已作废）。\n原因：{reason}\n日志：{journal}\n\n{by, select, restore {请在离线工作站上再次运行托管恢复，写入一个新文件夹（如果导入令牌已过期，先用\n“keyferry online params”获取新的导入参数），并导入其回执所注明的包。} other {请在离线工作站上重新包装到一个新文件夹中（如果导入令牌已过期，先用\n“keyferry online params”获取新的导入参数），并导入其回执所注明的包。}}',
};
