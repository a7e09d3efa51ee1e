/** 日志（追加、加锁、验证、拒绝记录的内容）、持久写入文件、介质上的文件夹和回执输入。路径、哈希、进程 ID 和系统错误代码均为值。 */
import type { enJournal } from '../en/journal';

const FS_ERROR =
  '{errno, select, EEXIST {同名文件已存在（Keyferry 从不覆盖文件）} ENOSPC {移动存储介质已满} EROFS {移动存储介质为只读} EACCES {权限被拒绝} EPERM {权限被拒绝} ENOENT {该文件夹已不存在（移动存储介质是否已被移除？）} EIO {移动存储介质报告了输入/输出错误（是否已被移除？）} other {{detail}}}';
const DENIED = '请为此账户授予对文件夹 {folder} 的写入权限（或选择一个它可以写入的文件夹），然后重试。';
const unlessDenied = (advice: string): string =>
  `{errno, select, EACCES {${DENIED}} EPERM {${DENIED}} other {${advice}}}`;
const VERIFY_AND_KEEP = '请停止。用 "keyferry journal verify" 验证日志，并将其保留作为证据。';
const KEYFERRY_FAULT = '这是 Keyferry 的故障，而非仪式的问题；请保留日志并报告此问题。';

export const zhCNJournal: { readonly [K in keyof typeof enJournal]: string } = {
  'problem.WRITE_VERIFY_FAILED': '文件 {file} 读回的内容与写入的不一致。',
  'problem.WRITE_VERIFY_FAILED.next': '移动存储介质可能正在损坏。请换用其他介质，并写入一个新的文件夹。',
  'problem.WRITE_FAILED': `无法写入 {file}：${FS_ERROR}。`,
  'problem.WRITE_FAILED.next': `在那里写入的任何内容都不算完成。${unlessDenied('请检查介质，然后重新写入一个新的文件夹。')}`,
  'problem.FOLDER_NOT_FRESH': `无法创建文件夹 {dir}：${FS_ERROR}。`,
  'problem.FOLDER_NOT_FRESH.next': unlessDenied('请选择一个尚不存在的新文件夹名称。'),
  'problem.FOLDER_UNAVAILABLE': '无法使用文件夹 {dir}（{errno}）：它不存在、不是文件夹，或其移动存储介质已被移除。',
  'problem.FOLDER_UNAVAILABLE.next': '请连接移动存储介质，然后重新选择该文件夹。',
  'problem.JOURNAL_CHANGED_ELSEWHERE': '日志 {name} 在打开期间被其他程序改动（{size} 字节，应为 {expected} 字节）。',
  'problem.JOURNAL_CHANGED_ELSEWHERE.next':
    '{surface, select, app {请停止，并在“日志”界面中核对该日志（该界面会验证其哈希链）；将其保留作为证据。} other {请停止并用 "keyferry journal verify" 验证日志；将其保留作为证据。}}',
  'problem.JOURNAL_WRITE_FAILED': '无法写入日志 {name}（{errno}）；该条目未被记录。',
  'problem.JOURNAL_WRITE_FAILED.next': '请释放空间或重新连接移动存储介质，然后重试该步骤。',
  'problem.JOURNAL_BROKEN':
    '{reason, select, unwritten {无法写入日志 {name}（{errno}），且无法撤销已写入的部分。} other {之前一次写入日志失败，且无法撤销。}}',
  'problem.JOURNAL_BROKEN.next': `{reason, select, unwritten {{surface, select, app {请停止。请在“日志”界面查看该日志（“重新读取日志”：会显示其哈希链是否校验通过），并将其保留作为证据。} other {${VERIFY_AND_KEEP}}}} other {请重新打开日志；打开时会验证它。}}`,
  'problem.JOURNAL_CLOSED': '日志已关闭。',
  'problem.JOURNAL_CLOSED.next': '请重新打开日志；打开时会验证它。',
  'problem.JOURNAL_DATA_NOT_JSON':
    '日志数据 {where} 处是{kind, select, value { {value}} type {{type, select, undefined { undefined} other {一个 {type}}}} deep {嵌套超过 {max} 层的数据} circular {循环引用} other {{type} 的实例}}，它没有确切的 JSON 形式。',
  'problem.JOURNAL_DATA_NOT_JSON.next': '日志中只能记录字符串、有限数字、布尔值、null、数组和普通对象。',
  'problem.JOURNAL_ENTRY_INVALID':
    '{reason, select, actor {日志条目的执行人必须是 1-200 个字符，且不含控制字符。} event {日志事件“{event}”不是以点分隔的事件名。} data {日志数据必须是 JSON 对象。} clock {时钟给出了无效的时间。} other {日志条目超过了 {max} 字节。}}',
  'problem.JOURNAL_ENTRY_INVALID.next':
    '{reason, select, actor {请写明操作员、见证人或 "system"。} event {请使用 ceremony.started 或 material.wrapped 这样的名称。} data {请以带命名字段（例如 keyId）的对象传递事实。} clock {请检查工作站的时钟。} other {请记录哈希和名称，而不是文件内容。}}',
  'problem.JOURNAL_EXISTS': '{file} 处已存在日志。',
  'problem.JOURNAL_EXISTS.next': '请打开它以继续该仪式，或为新仪式选择新的文件名。',
  'problem.JOURNAL_OPEN_FAILED': '无法打开日志 {file} 进行写入（{errno}）。',
  'problem.JOURNAL_OPEN_FAILED.next': '请确认文件夹存在且可写，然后重试。',
  'problem.JOURNAL_NOT_A_JOURNAL': '文件 {file} 不是 Keyferry 日志：其中没有任何一行是日志条目。未向其写入任何内容。',
  'problem.JOURNAL_NOT_A_JOURNAL.next':
    '请检查作为日志给出的路径：给出此仪式先前步骤所写的日志文件（.jsonl），而不是回执、计划或包中的文件。',
  'problem.JOURNAL_TAMPERED': '日志 {file} 未通过验证：第 {line} 行：{reasonPhrase}。',
  'problem.JOURNAL_TAMPERED.next': '请勿用它继续此仪式。请将该文件保留作为证据，并用新的日志重新开始仪式。',
  'problem.JOURNAL_LAST_LINE_TORN':
    '日志 {file} 未通过验证：最后一行（第 {line} 行）不完整（末尾没有换行）：一次追加写入被中断（Keyferry 写入时断电、崩溃或介质被拔出），或该文件是在 Keyferry 之外写入的。',
  'problem.JOURNAL_LAST_LINE_TORN.next':
    '{surface, select, app {如果 Keyferry 写入时断电、崩溃或介质被拔出，请将这一不完整的行移出；应用内无法进行此操作：请关闭 Keyferry，在本工作站上运行 keyferry journal set-aside-torn-line "{path}" --operator NAME（该行保存在日志旁的文件中，日志和下一张回执都会记载此事），然后打开 Keyferry 重新执行此步骤。否则请将该文件保留作为证据，并用新的日志重新开始仪式（在“设置”中选择新的仪式文件夹）。} other {如果 Keyferry 写入时断电、崩溃或介质被拔出，请将这一不完整的行移出：keyferry journal set-aside-torn-line "{path}" --operator NAME（该行保存在日志旁的文件中，日志和下一张回执都会记载此事），然后重新执行此步骤。否则请将该文件保留作为证据，并用新的日志重新开始仪式。}}',
  'problem.JOURNAL_NOT_TORN': '日志 {file} 以完整的行结尾：没有需要移出的不完整行，未做任何更改。',
  'problem.JOURNAL_NOT_TORN.next': '请用 keyferry journal verify 校验它；校验通过即可用它继续仪式。',
  'problem.JOURNAL_TORN_LINE_UNRECORDED':
    '日志 {file} 旁有 {sideFile}：这是日志中没有任何条目记载的旁边文件（移出行时断电留下的，或有人手动放在那里的）。未做任何更改。',
  'problem.JOURNAL_TORN_LINE_UNRECORDED.next':
    '{surface, select, app {有两种处理方式。如果有人从此日志移出过行，且在记入日志之前发生了断电，请记载它；应用内无法进行此操作：请关闭 Keyferry，在本工作站上运行 keyferry journal set-aside-torn-line "{path}" --operator NAME，它会将其 SHA-256、长度以及它是否像此日志被截断的行记入日志（下一张回执会列出它）。如果没有人从此日志移出过行，请改为将该文件移出日志所在的文件夹（保留作为证据，并查明是谁放在那里的）。然后打开 Keyferry 重新执行此步骤。} other {有两种处理方式。如果有人从此日志移出过行，且在记入日志之前发生了断电，请记载它：keyferry journal set-aside-torn-line "{path}" --operator NAME 会将其 SHA-256、长度以及它是否像此日志被截断的行记入日志（下一张回执会列出它）。如果没有人从此日志移出过行，请改为将该文件移出日志所在的文件夹（保留作为证据，并查明是谁放在那里的）。然后重新执行此步骤。}}',
  'problem.JOURNAL_SIDE_FILE_NOT_A_LINE':
    '日志 {file} 旁有 {sideFile}，其名称表明它是从该日志移出的行，但其长度为 {bytes, plural, other {# 字节}}：超过任何日志行的长度（{max} 字节），因此它不是此日志的行。Keyferry 不会读取它，也不会记载它。未做任何更改。',
  'problem.JOURNAL_SIDE_FILE_NOT_A_LINE.next':
    '请将 {sideFile} 移出 {folder}（保留作为证据，并查明是谁放在那里的），然后重新执行此步骤。',
  'problem.JOURNAL_IN_USE':
    '{reason, select, owner {日志已被主机 {hostname} 上的进程 {pid} 打开用于写入（自 {since, date, moment} 起）。{where, select, namespace {该进程位于此主机的另一个 PID 命名空间中（容器或沙箱）：{pid} 是它在那里的编号，在此处用 ps 看到的是另一个使用该编号的进程，或者没有进程。} other {}}} reader {日志正由 keyferry journal verify 读取（主机 {hostname} 上的进程 {pid}，自 {since, date, moment} 起），{seconds} 秒内仍未完成。} unknown {日志已被一个未知进程打开用于写入。} other {无法获取日志锁。}}',
  'problem.JOURNAL_IN_USE.next':
    '{reason, select, reader {请等待校验完成，然后重新执行此步骤。如果没有 Keyferry 在运行，请删除 {lockPath} 后重试。} other {请先关闭另一个 Keyferry。如果没有在运行的，请删除 {lockPath} 后重试。}}',
  'problem.JOURNAL_SECRET_REFUSED':
    '拒绝将 {where} 写入日志：{reason, select, pem {其中含有 PEM 私钥} binary {二进制值（Buffer、类型化数组）可能含有密钥字节} other {名称“{name}”表明这是秘密材料}}。',
  'problem.JOURNAL_SECRET_REFUSED.next':
    '请改为记录该值的指纹或 SHA-256（例如将字段命名为 …Fingerprint 或 …Sha256）；切勿记录值本身。',
  'problem.JOURNAL_BAD_EXPECTED_COUNT': '预期的条目数不是整数。',
  'problem.JOURNAL_BAD_EXPECTED_COUNT.next': '请从回执上重新抄写条目数。',
  'problem.QR_TEXT_INVALID': '回执上的二维码只能容纳 1-1000 个可打印 ASCII 字符。',
  'problem.QR_TEXT_INVALID.next': '请编码十六进制摘要或标识符。',
  'problem.RECEIPT_INPUT_INVALID': '无法生成回执：{detail}。',
  'problem.RECEIPT_INPUT_INVALID.next': KEYFERRY_FAULT,
  'journal.verify.blank': '空行（日志每行恰好一个条目）',
  'journal.verify.tooLong': '该行超过 {max} 字节',
  'journal.verify.notUtf8': '该行不是有效的 UTF-8',
  'journal.verify.notJson': '该行不是有效的 JSON',
  'journal.verify.noEntry': '该文件没有任何一行是日志条目：它不是 Keyferry 日志',
  'journal.verify.notEntry': '不是日志条目：{field} 不符合日志条目的格式',
  'journal.verify.seq': 'seq 为 {seq}，但这是第 {line} 个条目：有条目被删除、插入或移动',
  'journal.verify.genesis': '第一个条目的 prev 不是初始值（64 个 0）',
  'journal.verify.chain': 'prev 与第 {previous} 行的哈希不符：哈希链已断开',
  'journal.verify.noJsonForm': '该行含有没有精确 JSON 形式的值（数字超出范围或嵌套过深）：它被编辑过',
  'journal.verify.hash': '哈希与条目内容不符：该条目被修改过',
  'journal.verify.notCanonical': '该行不是规范形式：它被编辑或重新排版过',
  'journal.verify.incomplete': '最后一行不完整（末尾没有换行）：日志被截断，或不是由 Keyferry 写入的',
  'journal.verify.cutShort': '日志在 {count} 个条目后结束，但回执记录了 {want} 个：末尾的条目被删除了',
  'journal.verify.otherHead':
    '第 {want} 个条目的哈希不是预期的链头哈希：链头哈希或条目数输入有误，或者这不是打印该回执时的日志',
  'journal.verify.headMissing': '预期的链头哈希不在日志中：末尾的条目被删除了，或这是另一份日志',
  'journal.reason.window-closed': '操作员关闭了 Keyferry 窗口，并确认放弃本次仪式',
  'journal.reason.ceremony-left': '操作员离开本次仪式转到其他界面，并确认放弃本次仪式',
  'journal.reason.app-closed': 'Keyferry 已关闭',
  'journal.reason.session-killed':
    '此日志的第 {session} 次会话（条目 {from}-{to}）未经停止即已结束，也未记录其结束：其进程（{pid}）被终止、崩溃或断电，留下了日志的锁。它结束时正在进行的操作未完成',
  'journal.reason.session-killed-import':
    '此日志的第 {session} 次会话（条目 {from}-{to}）未经停止即已结束，也未记录其结束：其进程（{pid}）被终止、崩溃或断电，留下了日志的锁。它已在日志中记录了在条目 {checkSeq} 核对的已包装密钥材料包中{done, select, all {全部 {count} 个密钥} other {{count} 个密钥中 {imported} 个}}的导入{left, select, nothing {、这些密钥的证明和联网回执：它在工作完成后、释放日志之前结束} receipt {和这些密钥的证明：它未完成的是联网回执} partly {和其中部分密钥的证明：它未完成的是尚未证明的密钥的证明和联网回执} other {：它未完成的是{done, select, all {这些密钥的证明和联网回执} other {其余密钥的导入、这些密钥的证明和联网回执}}}}',
  'journal.reason.sent-unrecorded':
    '此日志的第 {session} 次会话（条目 {from}-{to}）向 KMS 发送了 {count} 个导入，在记录其答复之前即已结束（进程被终止、崩溃、断电或日志无法写入都会使会话如此结束；日志并未说明是哪一种）',
  'journal.reason.sent-unrecorded-creates':
    '此日志的第 {session} 次会话（条目 {from}-{to}）向 KMS 发送了 {count} 个创建密钥请求，在记录其答复之前即已结束（进程被终止、崩溃、断电或日志无法写入都会使会话如此结束；日志并未说明是哪一种）',
  'journal.reason.sent-stopped':
    '此日志的第 {session} 次会话（条目 {from}-{to}）向 KMS 发送了 {count} 个导入，在记录其答复之前被停止：条目 {stop} 记录了这次停止，停止时 KMS 尚未答复',
  'journal.reason.sent-stopped-creates':
    '此日志的第 {session} 次会话（条目 {from}-{to}）向 KMS 发送了 {count} 个创建密钥请求，在记录其答复之前被停止：条目 {stop} 记录了这次停止，停止时 KMS 尚未答复',
  'journal.reason.stopped-before-end': '进程在会话记入其结束之前被停止（日志条目 {seq}：ceremony.interrupted）',
  'journal.reason.ended-before-manifest':
    '进程在写出回执之后、写出包清单之前结束（程序崩溃或断电）：该包从未完整，其回执已作废',
  'journal.reason.stop-cut-short':
    '{seq, plural, =0 {会话正在被停止} other {会话已被停止（日志条目 {seq}：ceremony.interrupted）}}，但在其停止记入结束之前进程即已结束（程序崩溃或断电）：该停止已撤回的内容不再重复撤回',
  'journal.reason.ended-without-stop': '进程未经停止即已结束：程序崩溃或断电',
  'journal.reason.torn-recorded-late': '日志中没有任何条目记载的旁边文件：移出行时断电留下的，或有人手动放在那里的',
  'journal.reason.custody-not-withdrawn':
    '{cause, select, receiptWritten {已保留，未撤回：{holder, select, known {交给 {custodian} 的份额 {share}，位于 {folder}} other {保管人文件夹 {folder}}}{files, plural, =0 {} other {（{filesList}）}}，属于一个在写出其包清单之前已写出回执的会话的托管集。该包在会话放置它的位置并不完整，但日志可能是被截短的副本，而清单被人拿走了：请保留这些文件，直到联网端表明没有任何密钥持有该托管集的密钥材料（其密钥状态或 online status）；之后才可销毁。} unknownSet {未撤回，删除前请先核对：保管人文件夹 {folder} 中有 {filesList}，属于本日志副本不知道的托管集。该会话在记入其拆分之前就被停止，因此它们可能是该会话未完成的托管集；也可能是一次已完成包装的托管集（另一个日志的，或此副本之后本日志的），即 KMS 密钥所持密钥材料的唯一备份。只有在没有任何回执注明该托管集时（其名称中的标记印在回执上），才可删除它们。} closingCut {不确定是否已撤回，请查找：{holder, select, known {交给 {custodian} 的份额 {share}，写入了 {folder}} other {保管人文件夹 {folder}}}。该会话先前的关闭在记入其删除内容之前被中断（程序崩溃或断电），{files, plural, =0 {该托管集的文件} other {{filesList}}}现在不在那里：可能已被那次关闭删除，也可能从未在那里（该路径上是另一个介质，或文件已被移走）。请在该保管人的介质上查找并删除找到的文件，以免有人将其作为份额保留或出示：它们属于一个未完成的会话。} other {未撤回，请手动删除：{holder, select, known {交给 {custodian} 的份额 {share}，写入了 {folder}} maybe {{custodian} 的保管人文件夹 {folder}（其应得份额 {share}；写入可能已到达该文件夹）} other {保管人文件夹 {folder}}}：{cause, select, unreadable {无法读取该文件夹（不存在、已移到其他路径或其他介质，或不是文件夹）} shareMissing {写入那里的文件不在其中（该路径上是另一个介质，或文件已被移走）} other {无法删除其中的文件}}。{files, plural, =0 {该托管集的文件可能在那里（本仪式的 keyferry-share-… 和 keyferry-backup-…）：请在该保管人的介质上查找} other {无论该介质现在在哪里，请删除 {filesList}}}，以免有人将其作为份额保留或出示：它们属于一个未完成的会话。}}',
  'journal.reason.operator-abandoned': '操作员放弃了本次仪式',
  'journal.reason.signal': '因收到 {signal} 信号而中止',
  'journal.reason.zero-filled-pad': '演练中的例外：该令牌对带填充的 AES 密钥包装使用零填充，与 RFC 5649 不完全一致',
  'journal.reason.expiry-lapsed-plan-replaced':
    '仪式计划要求{plannedKind, select, never {AES 密钥材料永不过期} other {AES 密钥材料到期时间为 {planned, date, moment}}}，该时间在本次托管恢复之前已过，无法沿用；本次恢复改为 {count, plural, other {# 个密钥}}请求到期时间{requestedKind, select, never {永不过期} other {{requested, date, moment}}}（替换已过期的计划，不属于覆盖）',
  'journal.reason.expiry-plan-overridden':
    '仪式计划要求{plannedKind, select, never {AES 密钥材料永不过期} other {AES 密钥材料到期时间为 {planned, date, moment}}}；本侧为 {count, plural, other {# 个密钥}}请求的到期时间为{requestedKind, select, never {永不过期} other {{requested, date, moment}}}',
  'journal.reason.wrap-repeated':
    '在本仪式已完成 {count, plural, other {# 次包装}}（最近一次为离线侧第 {last} 次会话）之后再次包装：在先前的已包装密钥材料包{custodySets, plural, =0 {} other {和 # 个先前的托管集}}之外{fresh, select, no {包装了已存在的密钥材料（已在 HSM 令牌中，或从文件加载），而不是新的密钥材料} yes {生成了新的密钥材料} other {包装了密钥材料，但本日志未记录它是新生成的还是已存在的（由未记录这一点的较早版本 Keyferry 写下）}}；只能导入其中一个已包装密钥材料包',
  'journal.reason.wrap-repeated-sets':
    '在本仪式已完成 {count, plural, other {# 次包装}}（最近一次为离线侧第 {last} 次会话）之后再次包装：在先前的已包装密钥材料包和 {custodySets, plural, other {# 个先前的托管集}}之外{fresh, select, no {包装了已存在的密钥材料（已在 HSM 令牌中，或从文件加载），而不是新的密钥材料} yes {生成了新的密钥材料} other {包装了密钥材料，但本日志未记录它是新生成的还是已存在的（由未记录这一点的较早版本 Keyferry 写下）}}；只能导入其中一个已包装密钥材料包；{fresh, select, yes {本次新的包导入后，先前托管集（备份摘要 {backupsList}）的保管人应销毁这些份额：其密钥材料此后永远无法再导入这些密钥} other {只有在本次新的包已导入、且其中是新的密钥材料时，先前托管集（备份摘要 {backupsList}）的保管人才应销毁这些份额，而本日志未记录这一点：若本回执与先前回执上的密钥校验值和公钥指纹一致，则是同一密钥材料，这些份额必须保留}}',
  'journal.reason.wrap-repeated-kept':
    '在本仪式已完成 {count, plural, other {# 次包装}}（最近一次为离线侧第 {last} 次会话）之后再次包装：在先前的已包装密钥材料包和 {custodySets, plural, other {# 个先前的托管集}}之外{fresh, select, no {包装了已存在的密钥材料（已在 HSM 令牌中，或从文件加载），而不是新的密钥材料} other {生成了新的密钥材料}}；每个密钥只能导入其中一个已包装密钥材料包{destroy, plural, =0 {} other {；本次新的包导入后，先前 {destroy, plural, other {# 个托管集}}（备份摘要 {backupsList}）的保管人应销毁这些份额：其密钥材料此后永远无法再导入这些密钥}}；先前的 {kept, plural, other {# 个托管集}}（备份摘要 {keptList}）必须保留，不得销毁其份额：{named, select, no {本日志未记录它们所备份的密钥（由较早版本拆分），KMS 可能持有它们来自先前包的密钥材料} other {它们还备份本次包装未生成新密钥材料的密钥（{keysList}），KMS 可能持有这些密钥来自先前包的密钥材料}}',
  'journal.reason.wrap-again-kept':
    '在本仪式已完成 {count, plural, other {# 次包装}}（最近一次为离线侧第 {last} 次会话）之后再次包装：在先前的已包装密钥材料包和 {custodySets, plural, other {# 个先前的托管集}}之外{fresh, select, no {包装了已存在的密钥材料（已在 HSM 令牌中，或从文件加载），而不是新的密钥材料} other {生成了新的密钥材料}}；每个密钥只能导入其中一个已包装密钥材料包{destroy, plural, =0 {} other {；本次新的包导入后，先前 {destroy, plural, other {# 个托管集}}（备份摘要 {backupsList}）的保管人应销毁这些份额：其密钥材料此后永远无法再导入这些密钥}}；先前的 {kept, plural, other {# 个托管集}}（备份摘要 {keptList}）必须保留，不得销毁其份额：{named, select, no {本日志未记录它们所备份的密钥（由较早版本拆分），KMS 可能持有它们来自先前包的密钥材料} other {它们还备份本次包装未生成新密钥材料的密钥（{keysList}），KMS 可能持有这些密钥来自先前包的密钥材料}}；再次包装的原因：{reason}',
  'journal.reason.wrap-again-sets':
    '在本仪式已完成 {count, plural, other {# 次包装}}（最近一次为离线侧第 {last} 次会话）之后再次包装：在先前的已包装密钥材料包和 {custodySets, plural, other {# 个先前的托管集}}之外{fresh, select, no {包装了已存在的密钥材料（已在 HSM 令牌中，或从文件加载），而不是新的密钥材料} yes {生成了新的密钥材料} other {包装了密钥材料，但本日志未记录它是新生成的还是已存在的（由未记录这一点的较早版本 Keyferry 写下）}}；只能导入其中一个已包装密钥材料包；{fresh, select, yes {本次新的包导入后，先前托管集（备份摘要 {backupsList}）的保管人应销毁这些份额：其密钥材料此后永远无法再导入这些密钥} other {只有在本次新的包已导入、且其中是新的密钥材料时，先前托管集（备份摘要 {backupsList}）的保管人才应销毁这些份额，而本日志未记录这一点：若本回执与先前回执上的密钥校验值和公钥指纹一致，则是同一密钥材料，这些份额必须保留}}；再次包装的原因：{reason}',
  'journal.reason.wrap-again':
    '在本仪式已完成 {count, plural, other {# 次包装}}（最近一次为离线侧第 {last} 次会话）之后再次包装：在先前的已包装密钥材料包{custodySets, plural, =0 {} other {和 # 个先前的托管集}}之外{fresh, select, no {包装了已存在的密钥材料（已在 HSM 令牌中，或从文件加载），而不是新的密钥材料} yes {生成了新的密钥材料} other {包装了密钥材料，但本日志未记录它是新生成的还是已存在的（由未记录这一点的较早版本 Keyferry 写下）}}；只能导入其中一个已包装密钥材料包；再次包装的原因：{reason}',
};
