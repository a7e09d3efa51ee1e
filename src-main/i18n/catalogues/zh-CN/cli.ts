/** The `keyferry` command line: help, summaries, and what commands print. */
import type { enCli } from '../en/cli';

export const zhCNCli: { readonly [K in keyof typeof enCli]: string } = {
  'cli.help.title': 'Keyferry：跨越物理隔离的 BYOK 密钥仪式。',
  'cli.help.usage': '用法：{app} <命令> [选项]     （{app} <命令> --help 查看详情）',
  'cli.help.version': '      {app} --version                 （版本以及所运行代码的摘要）',
  'cli.help.commands': '命令：',
  'cli.help.lang': '语言：--lang en|zh-CN，否则依次取 LC_ALL / LC_MESSAGES / LANG。',
  'cli.help.receiptLang':
    '{journal, select, none {托管凭条：--receipt-lang en|zh-CN|both（both：中英文并排），否则使用上面的语言。本命令不保留日志，不会记住此选择：每次拆分都须指定。} other {回执和托管凭条：--receipt-lang en|zh-CN|both（both：中英文并排），否则使用上面的语言；仪式日志记录此语言，之后的会话沿用它，除非再次指定。}}',
  'cli.summary.journal-verify': '校验仪式日志（哈希链，以及回执上打印的链头哈希）',
  'cli.summary.journal-set-aside-torn-line':
    '将日志中不完整的最后一行（被断电中断的追加写入）移出，保存在日志旁的文件中',
  'cli.summary.bundle-verify': '校验传输包（导入参数或已包装的密钥材料）并打印其摘要',
  'cli.summary.wrap': '用 KMS 包装密钥包装新生成或已有的密钥材料（离线侧）',
  'cli.summary.custody-split': '将密钥材料拆分为 M-of-N 保管份额（一个托管集），并生成可打印的凭条和备份',
  'cli.summary.custody-restore': '用 M 份保管份额重建密钥材料；带 --bundle 时为重新导入举行恢复仪式',
  'cli.summary.kms-sim': '在环回接口上运行内置的 KMS 模拟器（用于演练，无需云账号）',
  'cli.summary.kms-sim-advance': '将正在运行的模拟器的时钟向前调（用于过期演练）',
  'cli.summary.rehearse': '针对内置的 KMS 模拟器演练完整仪式（无需云账号）',
  'cli.summary.online-create-key': '开始仪式并在 KMS 中创建外部密钥',
  'cli.summary.online-params': '获取包装密钥和导入令牌；写入导入参数包',
  'cli.summary.online-import': '检查已包装密钥材料包，导入并校验每个密钥，写入回执',
  'cli.summary.online-status': '显示仪式中的每个密钥，并重新校验已导入的密钥',
  'cli.summary.online-delete-material': '删除 AES 密钥已导入的密钥材料（密钥回到“等待导入”状态）',
  'cli.summary.hsm-info': '通过 HSM 的 PKCS#11 模块列出其槽位、令牌和仪式所用的机制',
  'cli.summary.airgap-wrap': '离线侧：见证人确认包摘要，准备并包装密钥材料，写入包和回执',

  'cli.rehearse.start': '正在针对内置的 KMS 模拟器演练 {specs}，输出到 {dir}',
  'cli.rehearse.ceremony': '仪式 {id}（演练）',
  'cli.rehearse.title': 'Keyferry 演练（{specs}）',
  'cli.rehearse.operator': '演练操作员',
  'cli.rehearse.witness': '演练见证人',
  'cli.rehearse.col.spec': '规格',
  'cli.rehearse.col.key-id': '密钥 ID',
  'cli.rehearse.col.state': '最终状态',
  'cli.rehearse.col.proof': '证明',
  'cli.rehearse.ok': '通过：{proof}',
  'cli.rehearse.failed': '失败：{proof}',
  'cli.rehearse.everything-in': '全部内容位于 {dir}：',
  'cli.rehearse.plan': '计划',
  'cli.rehearse.online-journal': '联网侧日志',
  'cli.rehearse.airgap-journal': '离线侧日志',
  'cli.rehearse.online-receipt': '联网侧回执',
  'cli.rehearse.airgap-receipt': '离线侧回执',
  'cli.rehearse.bundles': '包',
  'cli.rehearse.custody-shares': '保管份额',
  'cli.rehearse.verified': '（已与回执核对）',
  'cli.rehearse.not-verified': '（未通过核对）',
  'cli.rehearse.no-online-receipt': '未写入（有密钥未通过校验）',
  'cli.rehearse.passed': '演练通过：每个密钥都已导入并证明可用。',
  'cli.rehearse.two-machines':
    '下一步：若要以两人、两台机器（两个文件夹，或两台计算机加一个 U 盘）演练真实命令，请在单独的终端中启动保留状态的模拟器：keyferry kms-sim --state sim-state.json --port 8790 --clock-control，然后使用它打印的终端节点、区域、项目 ID、AK 和 SK，从 online create-key 起按 README 中的仪式演练步骤操作。',
  'cli.rehearse.failed-summary': '演练失败：请查看上表。',
  'airgap.parameters-from':
    '仪式 {id}：{count} 个密钥，来自{source, select, consoleFiles {控制台文件} other { {source}}}',
  'airgap.token-held-by-console': '由控制台保存',
  'airgap.fingerprint-of': '  {grouped}   （密钥 {keyId}）',
  'airgap.shares-one-volume': '警告：各保管人文件夹位于同一个卷上：请立即把每位保管人的文件夹移到各自的介质上。',
  'airgap.bundle-digest': '  包摘要 {digest}',
  'airgap.next.online-import': '下一步，在联网工作站上、其日志所在的文件夹中执行：{command}',
  'cli.next.media-folder':
    'MEDIA：存放该包的文件夹（在本工作站上为 {folder}），按{side, select, online {联网} other {离线}}工作站挂载介质的路径填写。',
  'airgap.next.console-import':
    '下一步，在联网侧的 KMS 控制台中操作：此密钥不是由 Keyferry 联网日志创建的，因此 keyferry online import 不能接受此包。请打开该密钥的“导入密钥材料”对话框，并提供 {keyDir} 中的文件（各文件的用途见 {readme}）。在此之前，对该包运行 keyferry bundle verify，显示的已包装密钥材料包摘要必须与回执上印的一致：{digest}',
  'airgap.default-title': '密钥导入仪式',
  'wrap.cli.wrapped': '已用 {algorithm} 包装{generated, select, yes {新生成的} other {现有的}} {spec} 密钥材料。',
  'wrap.cli.wrapping-key': '包装密钥（RSA-{bits}）SHA-256 指纹：  {hex}',
  'wrap.cli.public-key': '公钥 SHA-256 指纹：  {hex}',
  'wrap.cli.kcv': '密钥校验值（KCV）：  {hex}',
  'wrap.cli.not-2048': '注意：KMS 导入接口要求一个 RSA-2048 密文；此包装密钥为 RSA-{bits}。',
  'wrap.cli.files': '已写入 {dir} 的文件：',
  'wrap.cli.file': '  {name} {size} 字节  sha256 {sha256}',
  'journal.cli.bad-line': '第 {line} 行：{reason}',
  'journal.cli.foreign-line':
    '第 {line} 行属于仪式{hasTitle, select, yes {“{title}”} other {}}（ID {ceremonyId}），而不是本仪式（ID {own}）。',
  'journal.cli.misplaced-line':
    '第 {line} 行是一条完好的记录（{event}），并未被修改：{kind, select, first {它是某份日志的第一条记录，因此是从另一份日志放入本日志的行。} after {它原本接在本日志第 {previous} 行之后，因此两者之间有记录被删除、插入或移动，或者本日志的两份副本都曾被写入。} other {它所接续的记录不在此文件的任何一行中：该记录已被删除，或者此行来自另一份日志或本日志一份写得更远的副本。}}',
  'journal.cli.not-a-journal-next': '请检查路径：给出仪式步骤所写的日志文件（.jsonl），而不是回执、计划或包中的文件。',
  'journal.cli.bad-next':
    '此日志从第 {line} 行起不可信。不要用它继续任何仪式，并原样保留作为证据；请使用工作站写出的日志，或 keyferry journal verify 报告为正常的该日志副本继续。',
  'journal.cli.head-slip':
    '给出的链头哈希与条目 {seq}{last, select, yes {（日志的最后一个条目）的} other { 的}}哈希仅在{count, plural, other {第 {groupsList} 组}}不同（该处录入的是：{typedList}）：很可能是录入错误。',
  'journal.cli.receipt-next':
    '{ceremony, select, none {} other {此日志记录的是仪式 {ceremony}{hasTitle, select, yes {“{title}”} other {}}：请先确认回执所列的是同一仪式（其“仪式 ID”一行），另一仪式的回执应对照该仪式自己的日志核验。}}请对照您抄录链头哈希和条目数的回执核对它们；如果无误，则此日志已不是打印该回执时的样子：不要用它继续任何仪式，并原样保留作为证据。',
  'journal.cli.torn-copy-short':
    '{by, select, count {所给条目数 {expected} 多于此文件在其不完整的最后一行之前的 {whole} 个完整条目：如果它是按回执正确输入的，则回执封存的条目中缺少 {missing} 个。} other {所给链头哈希不是此文件不完整的最后一行之前 {whole} 个完整条目中任何一个的哈希：如果它是按回执正确输入的，则回执封存的条目有缺失。}}断电只会截断正在写入的那一行，且位于回执封存的内容之后：这是一个被截短的副本，而不是被中断的写入。请勿将该行移出或写入此文件；请保持原样，并验证日志的完整副本（工作站上的原件或其他副本）。',
  'journal.cli.torn-next':
    '如果 Keyferry 写入时断电、崩溃或介质被拔出，请将这一不完整的行移出（保存在日志旁的文件中，记入日志，并列在下一张回执上）：keyferry journal set-aside-torn-line "{file}" --operator NAME',
  'journal.cli.torn-set-aside':
    '已将 {journal} 中不完整的第 {line} 行（{bytes, plural, other {# 字节}}，SHA-256 {sha256}）移入 {sideFile}。日志现以第 {count} 条（journal.torn-line-set-aside）结尾，下一张回执会在偏差中列出它。请用同一日志重新执行被拒绝的步骤。',
  'journal.cli.torn-completed':
    '{journal} 的第 {line} 行是一条完整的条目，只缺少末尾的换行：它可以读出，哈希正确，并与前一行链接，因此已将其补全（写入换行），而不是移出。日志现以第 {count} 条（journal.torn-line-completed）结尾，下一张回执会在偏差中列出它。请用同一日志重新执行被拒绝的步骤。',
  'journal.cli.torn-recorded-late':
    '已将 {sideFile} 记入日志：这是 {journal} 旁边、日志中没有记载的文件（{bytes, plural, other {# 字节}}，SHA-256 {sha256}）：移出行时断电留下的，或有人手动放在那里的；{cutLine, select, yes {它读起来像此日志下一行的开头} other {它读起来不像此日志的行}}。日志现以第 {count} 条（journal.torn-line-set-aside）结尾，下一张回执会在偏差中列出它。请用同一日志重新执行被拒绝的步骤。',
  'journal.cli.torn-not-a-line': '{sideFile} 读起来不像此日志的行，因此不会把其中任何内容当作某一行的内容显示。',
  'journal.cli.torn-fragment':
    '{sideFile} 中被移出的行可读出的内容：{event, select, none {其中读不出事件名称} other {事件 {event}}}{keyId, select, none {，没有密钥 ID} other {，密钥 ID {keyId}}}。日志行从不包含密钥材料。',
  'journal.cli.later':
    '未通过：{sealed, plural, =0 {预期链头（第 {at} 条）} =1 {预期链头（第 {at} 条）及记录打印该链头的回执的条目（第 {sealedTo} 条）} other {预期链头（第 {at} 条）及记录打印该链头的回执及其材料包的条目（第 {sealedFrom}-{sealedTo} 条）}}之后还有 {count} 条记录：{entries}。回执不为这些记录作保。如果它们是本仪式后来的一次会话，请用那次会话的回执核对，或加上 --allow-later 重新运行。',
  'journal.cli.entry': '第 {seq} 条 {event}',
  'journal.cli.more': '另有 {count} 条',
  'journal.cli.more-looks': '另有 {count} 条仅查看密钥的记录',
  'journal.cli.ok':
    '通过：{count} 条记录，链头 {head}{at, plural, =0 {} other {；预期链头为第 {at} 条{sealed, plural, =0 {} =1 {，其后是记录打印该链头的回执的条目（第 {sealedFrom} 条）} other {，其后是记录打印该链头的回执及其材料包的条目（第 {sealedFrom}-{sealedTo} 条）}}{later, plural, =0 {} other {{looks, select, yes {，再后是 online status 后来对密钥的 {sessions} 次查看所记的 {later} 条记录（未导入、未删除、未拒绝任何内容：读取密钥状态、再次证明密钥{unfinished, plural, =0 {} other {，其中 {unfinished} 次未连上 KMS 或在全部证明之前被停止}}）：{entries}。回执不为这些记录作保。} other {，再后是已接受的 {later} 条后续记录（--allow-later）：{entries}}}}}}}',
  /** journal verify: the chain verifies, but a side file beside it blocks every step (the refusal follows). */
  'journal.cli.left-behind':
    '其锁由本计算机上的进程 {pid} 留下，该进程自 {since, date, moment} 起持有此日志，现已不在：某个会话在打开日志期间被终止、崩溃或断电，日志中没有记录该会话如何结束。此工作站上仪式的下一步会在日志中记下它；在此之前请保留锁文件。',
  'journal.cli.ok-blocked':
    '{count} 条记录的链校验通过（链头 {head}），但在处理下面的文件之前，每个步骤都会拒绝此日志：',
  'bundle.cli.ok':
    '通过：{kind, select, import_parameters {导入参数包（联网 → 离线）} other {已包装密钥材料包（离线 → 联网）}}，{format} 版本 {version}',
  'bundle.cli.ceremony': '仪式 {id}，由 {app} {appVersion} 写于 {at}',
  'bundle.cli.keys': '密钥（{count} 个）：',
  'bundle.cli.token-expires':
    '    导入令牌到期   {at, select, unknown {未知} other {{at}（剩余 {hours} 小时 {minutes} 分钟）}}',
  'bundle.cli.wrapping-key': '    包装密钥         {hex}',
  'bundle.cli.public-key': '    公钥             {hex}',
  'bundle.cli.check-value': '    密钥校验值       {hex}',
  'bundle.cli.material-expiry': '    密钥材料到期时间 {at}',
  'bundle.cli.digest': '摘要 {digest}',
  'bundle.cli.digest-as-on-media':
    '{kind, select, wrapped {这是该包在此介质上现状的摘要，接触过该介质的任何人都可能连同它一起改写。keyferry online import --expect-digest 要输入的是离线回执上打印的摘要（其封印中的“已包装密钥材料包摘要”），照那张纸朗读：绝不是这一个。如果两者不同，说明该包在包装后被改动过：不要导入它。} other {这是该包在此介质上现状的摘要。见证人要输入的是联网日志在写出该包时记录的摘要，keyferry online status 会打印它：请朗读那一个。如果两者不同，说明该包写出后被改动过：不要把它带到离线工作站。}}',
  'bundle.cli.digest-withheld':
    '未显示摘要：在离线工作站上，每位见证人须按联网端朗读的内容键入。可在此处用 --expect-digest "…" 按听到的摘要核对；在联网工作站上，加 --show-digest 可打印摘要。',
};
