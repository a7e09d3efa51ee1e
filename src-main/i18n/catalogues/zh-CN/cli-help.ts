/** `keyferry <命令> --help` 的文字（../en/cli-help.ts 的中文版）。选项名和占位符（FILE、DIR）不翻译。 */
import type { enCliHelp } from '../en/cli-help';

export const zhCNCliHelp: { readonly [K in keyof typeof enCliHelp]: string } = {
  'cli.help.command-usage': '用法：keyferry {command} {synopsis}',
  /** The bracketed words of a usage line that name the option groups below it. */
  'cli.help.synopsis-group': '{group, select, connection {[连接选项]} other {[选项]}}',
  'cli.help.command-or': '  或：keyferry {command} {synopsis}',
  'cli.group':
    '{group, select, connection {连接选项（后续步骤从日志中取区域、项目和终端节点；与之不同的将被拒绝）：} hsm {HSM（PKCS#11）中的密钥材料：} ceremony {恢复仪式（带 --bundle），在离线工作站上：} other {已替换的选项（会被拒绝，并给出新选项）：} prove {不带 --bundle（仅重建并证明）：}}',
  'cli.command.unknown':
    '{app}：未知命令“{command}”。{match, select, near {您是否想输入“{app} {meant}”？} other {}}运行“{app} --help”查看命令列表。',
  'cli.command.incomplete':
    '{app} {group}：{match, select, near {没有“{typed}”：您是否想输入“{app} {group} {meant}”？或者} unknown {没有“{typed}”：} other {}}请选择其一：{choicesList}。运行“{app} {group} --help”查看各自的作用。',
  'cli.plan-fields': '计划字段：',

  'cli.about.journal-verify':
    '检查日志的每一行：规范 JSON、编号、哈希链以及每个哈希。\n打印“通过”、条目数和链头哈希并以 0 退出，或打印第一个有问题的行及原因并以 1 退出\n（使用 CLI 的语言；脚本请读取退出码）。\n与每个步骤一样先取得日志的锁（有步骤正在写入时拒绝）；在无法写入锁文件的位置（只读介质）则不加锁读取。',
  'cli.about.journal-set-aside-torn-line':
    '仅用于最后一行末尾没有换行的日志（被断电、崩溃或拔出介质中断的追加写入）。将该行移入日志旁的\nFILE.torn-<UTC 时间>-<该行 SHA-256 的前 8 位十六进制数字>，把日志截回到最后一个完整的行，\n并记入 journal.torn-line-set-aside（该行的 SHA-256 和长度；之后的每张回执都会列出）。如果最后一行\n是只缺少换行的完整条目（可以读出、哈希正确并与前一行链接），则改为将其补全，并记入\njournal.torn-line-completed。其他任何问题（行被修改、删除或插入）仍按原样拒绝，不做任何更改。若在截断之后、记入日志之前\n又发生断电，再次运行本命令会将日志中没有记载的旁边文件记入日志（并注明它是否像此日志被截断的行）；如果没有人移出过行，请改为将该文件移走。',
  'cli.about.bundle-verify':
    '执行 Keyferry 使用传输包之前的全部检查：清单、大小、链接、哈希、令牌绑定和有效期。\n打印包的类型、其中的密钥及其摘要（manifest.json 的 SHA-256，与回执上一样每四位一组）并以 0 退出；\n否则打印确切的问题并以 1 退出。',
  'cli.about.hsm-info':
    '加载 HSM 厂商的 PKCS#11 模块，列出每个有令牌的槽位：标签、制造商、型号、序列号、固件、\n用户 PIN 的状态，以及令牌是否具备仪式所用的各个机制。无需 PIN，也不改动令牌上的任何内容。\n令牌能否完成某次仪式，由 airgap wrap --hsm-module 在生成任何内容之前运行的能力检查来证明。',
  'cli.about.kms-sim':
    '在环回接口上提供华为云 KMS API（v1.0），直到按 Ctrl+C 或收到 SIGTERM，\n并打印用于配置 Keyferry 的终端节点、区域、项目 ID、AK 和 SK。',
  'cli.about.kms-sim-advance':
    '在本机通过环回接口，调快以 --clock-control 启动的模拟器（keyferry kms-sim --clock-control）的时钟。\n时钟只会向前，调整后的时间保存在其 --state 文件中。',
  'cli.about.rehearse':
    '在本进程中启动 KMS 模拟器，运行联网侧（创建密钥、获取导入参数、写入包）、\n离线侧（读取包、以每位见证人的身份确认包摘要、生成并包装密钥材料、写入已包装的包和回执），\n再回到联网侧（检查、导入、校验每个密钥），并将两份日志与各自的回执核对。',
  'cli.about.wrap': '用 KMS 包装密钥包装密钥材料，并写出 KMS 控制台导入所需的文件。',
  'cli.about.custody-split':
    '将密钥材料拆分为 N 份，其中任意 M 份即可重建（2 <= M <= N <= 16）。第 i 份交给第 i 个 --custodian，\n写入第 i 个 --out 文件夹，旁边附上可打印的凭条（.slip.html 和 .slip.txt）。\n每个 --out 文件夹必须已存在，且各自位于不同的卷上。',
  'cli.about.custody-restore':
    '用至少 M 份保管份额重建密钥材料：份额文件（--share）和/或根据打印凭条录入的份额\n（--typed，每张凭条一个文本文件），并用每份份额中记录的密钥校验值或公钥指纹加以证明。\n份额不足 M 份、属于其他仪式或密钥的份额、损坏或重复的份额：都会被拒绝，且不写出任何内容\n（带 --bundle 时，日志会记录此次拒绝）。',
  'cli.about.airgap-wrap':
    '仪式的离线侧：每位见证人确认导入参数包摘要，在此生成（或读入、或在 HSM 中生成）密钥材料并包装，\n写出已包装密钥材料包和回执。请给出 --bundle，或改为给出控制台文件：\n--console-wrapping-key、--key-id、--spec 和 --import-token。',
  'cli.about.online-create-key':
    '开始仪式（创建其日志），并在 KMS 中创建外部密钥，状态为“等待导入”：\n来自计划文件，或由选项描述的一个密钥。',
  'cli.about.online-params':
    '为仪式的每个密钥获取包装密钥和导入令牌，把导入参数包写入移动存储介质，\n并打印其摘要，供向见证人朗读。',
  'cli.about.online-import':
    '用离线回执上的摘要以及 KMS 签发的参数检查已包装密钥材料包，导入它，\n证明每个密钥可用，并写出联网侧回执。',
  'cli.about.online-status': '按 KMS 的视角显示仪式的每个密钥，并再次证明已导入的密钥。',
  'cli.about.online-delete-material':
    'KMS 删除密钥材料；密钥回到“等待导入”状态，之后只接受同一份密钥材料。\n在此之前，该密钥下的所有密文都无法解密。',

  'cli.note.credentials':
    '凭证：KEYFERRY_AK 和 KEYFERRY_SK（以及 KEYFERRY_SECURITY_TOKEN），或 KEYFERRY_IAM_TOKEN，\n或配置文件。命令行上从不接受凭证。',
  'cli.note.kms-sim-advance': 'Keyferry 本身始终使用本机时间：其日志和回执都以本机时间记录。',
  'cli.note.kms-sim.clock':
    '模拟器的时钟决定 KMS 的判断（导入令牌的有效期和密钥材料到期时间）；调整后的时钟保存在 --state 文件中。\n请求仍以本机时间签名，模拟器接受与其自身时间或真实时间相差 15 分钟以内的签名日期。',
  'cli.note.kms-sim.rehearsal-only': '模拟器仅用于演练：切勿向其中导入真实的密钥材料。',
  'cli.note.online-status':
    '退出码：0 表示仪式已完成（每个密钥都持有其材料并已证明可用，且联网回执已写入）；3 表示仪式尚未完成但没有任何问题\n（仍有密钥处于“等待导入”：尚未导入任何内容，或导入中途停止、再运行同一导入即可完成；\n或每个密钥都已证明可用但回执尚未写入，再运行同一导入即可写入）；\n1 表示有问题（证明失败、材料已过期或已删除、导入结果存疑、此次查看未记入日志，或出错）。',
  'cli.note.rehearse': '只有每个密钥都已导入并证明可用时，退出码才为 0。',
  'cli.note.wrap':
    '写出 EncryptedKeyMaterial.bin；RSA/EC 还会写出 out_rsa_private_key.der 或 out_ec_private_key.der\n以及 public_key.der（密钥材料的公钥，SPKI DER）。',
  'cli.note.custody-restore.hsm':
    '由 airgap wrap --hsm-module 在 HSM 中生成（或选定）的密钥材料没有份额：其托管副本就是令牌对象，\n标签为“keyferry <仪式> <密钥 ID>”。恢复仪式在 HSM 内重新包装该对象；它必须给出日志中记录的\n密钥校验值或公钥 SHA-256。对象缺失或不同、令牌不同、或同时给出了份额，都会被拒绝并记入日志。',
  'cli.note.custody-restore.set':
    '仪式托管集的份额（格式 2，凭条标题为 KEYFERRY SHARE V2）与该仪式的备份文件一起恢复；\n早期版本写出的单密钥份额（格式 1，KEYFERRY SHARE V1）仍可恢复。恢复仪式之后，\n在联网工作站上导入：恢复会打印完整的联网导入命令。',
  'cli.note.custody-restore.prove':
    '不带 --bundle 时，除非给出 --out，否则不写出任何内容：此时密钥材料（AES：32 字节原始数据；\nRSA/EC：PKCS#8 DER）写入该新文件，权限 0600（不保存权限的卷，例如 FAT32 或 exFAT，\n显示的是其他权限，警告会指出），用于交给 HSM（托管集份额：写入一个新文件夹，\n每个密钥一个 <密钥 ID>.key 文件；任何一次写入失败都会再删除该文件夹），并打印警告，列出每个文件：\n请保持离线，交给 HSM，然后销毁所有副本。没有任何日志或见证人记录此操作。与离线端一样，\n网络处于连接状态时它拒绝读取任何份额，除非给出 --allow-network（仅用于演练）；custody split 也是如此。',

  'cli.opt.operator': '仪式现场的操作员',
  'cli.opt.witness': '在场的见证人（每人一次）',
  'cli.opt.title': '仪式名称（默认取包中的名称；与之不同的将被拒绝）',
  'cli.opt.online.title': '仪式名称，不用 --plan 时（默认为“导入”加该密钥的别名）',
  'cli.opt.witness-confirms':
    '见证人 NAME 听联网工作站朗读后录入的导入参数包摘要：每个 --witness 一次\n（一个值绝不算作另一人的确认）；不给出时，在终端上依次询问每位见证人，任何人都不能跳过',
  'cli.opt.confirm-fingerprint': '已移除（一个值曾被记为所有见证人的确认）：请使用 --witness-confirms',
  'cli.opt.airgap.expires':
    '为每个密钥请求的 AES 密钥材料到期时间（默认：导入参数包所载的各密钥计划到期时间）：never、从现在起算的时长（90d、36h、1d12h：整数的 d、h、m、s；当参数包的导入令牌显示 KMS 的时钟快于本计算机时，按 KMS 的时钟起算，与托管恢复（custody restore）相同）或带时区的日期时间（2030-01-31T00:00:00Z）',
  'cli.opt.expires':
    '请求的 AES 密钥材料到期时间：never（默认）、从现在起算的时长（90d、36h、1d12h：整数的 d、h、m、s）或带时区的日期时间（2030-01-31T00:00:00Z）',
  'cli.opt.receipt-dir': '回执的存放位置（默认：日志所在的文件夹）',
  'cli.opt.allow-network': '即使网络已连接也继续（仅用于演练；作为警告记入日志）',
  'cli.opt.wrapped-out': '移动存储介质上用于存放已包装密钥材料包的新文件夹',
  'cli.opt.online-params.wrapping-algorithm':
    '从现在起向 KMS 请求此包装密钥算法，取代计划中的算法（记入日志）：离线端的 HSM 只支持 SHA-1 的 OAEP 时选 RSAES_OAEP_SHA_1',
  'cli.opt.wrapping-algorithm': 'RSAES_OAEP_SHA_256（默认）或 RSAES_OAEP_SHA_1（例如用于 SoftHSM 2.6）',
  'cli.opt.passphrase-env': '存放私钥口令的环境变量的名称',
  'cli.opt.hsm-module':
    '通过 HSM 的 PKCS#11 库在 HSM 内生成并包装密钥材料（见 keyferry hsm info）；\n不在软件中生成任何内容',
  'cli.opt.hsm-token': '要使用的令牌（与 --hsm-module 一起必须给出）',
  'cli.opt.hsm-pin-env':
    '存放用户 PIN 的环境变量的名称（只读取一次，随后删除）；不给出时以隐藏方式询问 PIN。\n绝不是 PIN 本身。',
  'cli.opt.hsm-key-label': '使用令牌中已有的、带此标签的密钥（每个密钥一次）',
  'cli.opt.hsm-existing-keys':
    '使用令牌中已有的密钥，按 CKA_ID = KMS 密钥 ID 查找（Keyferry 为其生成的密钥所设的值：\n用于过期后的恢复）',
  'cli.opt.hsm-accept-zero-filled-pad':
    '仅用于演练：接受 CKM_AES_KEY_WRAP_PAD 以零填充的令牌（SoftHSM 2.6）；作为偏差记入日志',

  'cli.opt.journal-verify.expect-head':
    '回执上打印的日志链头哈希（可含空格）；不给出时，\n无法发现日志末尾被截掉的条目',
  'cli.opt.journal-verify.expect-count': '回执上打印的条目数',
  'cli.opt.journal-verify.allow-later':
    '接受预期链头之后的条目（同一仪式的后续会话）；不给出时这些条目使检查失败并被列出。\n记录回执本身的条目，以及 online status 后来对密钥的查看\n（读取密钥状态、再次证明密钥），始终接受。',
  'cli.opt.journal-set-aside-torn-line.operator': '执行移出的人（日志条目记载其姓名）',
  'cli.opt.bundle-verify.expect-digest': '回执上打印的摘要（可含空格）；其他摘要一律拒绝',
  'cli.opt.bundle-verify.json': '以一个 JSON 对象代替文字输出',
  'cli.opt.bundle-verify.show-digest':
    '导入参数包：同时打印包摘要，按该包在介质上的现状计算（在联网工作站上用于与 keyferry online status 从日志读出的摘要核对；在没有网络的工作站上（如离线工作站）会被拒绝，那里的见证人须按听到的内容键入）',
  'cli.opt.hsm-info.module': 'PKCS#11 库（.so/.dll/.dylib），例如 /usr/lib/softhsm/libsofthsm2.so',
  'cli.opt.hsm-info.json': '以 JSON 打印报告',
  'cli.opt.kms-sim.host': '监听地址（默认 127.0.0.1；其他地址可从网络访问）',
  'cli.opt.kms-sim.port': '端口（默认：任一空闲端口）',
  'cli.opt.kms-sim.state': '把密钥和凭证保存在 FILE 中，以便之后的运行继续演练',
  'cli.opt.kms-sim.latency': '每个请求延迟 T 再应答，如同远处的区域：60ms、1s 或毫秒数（默认 0）',
  'cli.opt.kms-sim.throttle':
    '每秒接受 N 个请求，其余的像华为 API 网关一样以 APIG.0308（HTTP 429）应答\n（默认：不限）',
  'cli.opt.kms-sim.rate-limit': '与 --throttle N/s 相同',
  'cli.opt.kms-sim.regions':
    '同时提供这些区域（副本组），每个区域有自己的项目、密钥和包装密钥，AK/SK 相同；\n通过 http://kms.REGION.localhost:PORT 访问（会打印出来）。\n使用 --state 时每个区域都保存在该文件中；重启后也会提供文件中的区域',
  'cli.opt.kms-sim.start-at':
    '模拟器时钟从 WHEN 开始：带时区的日期时间（2027-03-01T09:00:00Z）或从现在起的时长\n（+30d、+25h）；不得早于 --state 文件恢复到的时间',
  'cli.opt.kms-sim.clock-control':
    '允许 keyferry kms-sim advance 调快时钟（仅限本机，经环回接口），用于演练导入令牌的 24 小时\n或密钥材料到期时间',
  'cli.opt.kms-sim.json':
    '首先只打印一行 JSON，含 endpoint、region、projectId、ak、sk、now、offsetMs、clockControl 和 regions',
  'cli.opt.kms-sim-advance.endpoint': '模拟器打印的终端节点，例如 http://127.0.0.1:43117',
  'cli.opt.kms-sim-advance.by': '向前调整整数个 d、h、m 或 s：25h（超过导入令牌的 24 小时）、91d、1d12h',
  'cli.opt.kms-sim-advance.to': '向前调到此时间（带时区）：2027-03-01T09:00:00Z',
  'cli.opt.rehearse.out': '存放全部内容的新文件夹（默认 ./keyferry-rehearsal-<时间戳>；绝不覆盖）',
  'cli.opt.rehearse.specs': '密钥规格，以逗号分隔（默认全部：{specs}）',
  'cli.opt.rehearse.custody': '同时将密钥按 M-of-N 拆分到 DIR/custodian-<i>',
  'cli.opt.rehearse.custodian': '保管人姓名，每份一个（默认 custodian-1..N）',
  'cli.opt.wrap.wrapping-key': 'wrappingKey_<KeyID> / PublicKey.bin（DER）、PublicKey.b64 或 PEM',
  'cli.opt.wrap.key-spec': 'AES_256、RSA_2048、RSA_3072、RSA_4096、EC_P256 或 EC_P384',
  'cli.opt.wrap.material':
    '已有的密钥材料（AES：32 字节原始数据、十六进制或 base64；RSA/EC：私钥 PEM/DER）；\n不给出时在此生成新的密钥材料',
  'cli.opt.wrap.out': '输出文件夹（不存在时创建）；文件绝不覆盖',
  'cli.opt.wrap.no-backup':
    '在此生成密钥材料时必须给出：密钥材料包装后即被擦除，任何地方都不留副本（若 KMS 丢失它\n或它已过期，就再也无法导入）；给出 --material 可保留您自己的副本',
  'cli.opt.unjournaled.allow-network': '即使网络已连接也继续（仅用于演练；打印为警告，不记入任何日志）',
  'cli.opt.custody-split.shares-on-one-volume':
    '仅用于演练：接受位于同一卷、或与密钥材料文件位于同一卷的 --out 文件夹（打印为警告，不记入任何日志）',
  'cli.opt.custody-split.material': 'AES_256：32 字节原始数据、十六进制或 base64；RSA/EC：私钥 PEM/DER',
  'cli.opt.custody-split.key-spec': '密钥材料的密钥规格：AES_256、RSA_2048/3072/4096、EC_P256/P384',
  'cli.opt.custody-split.ceremony-id': '份额所属的仪式（打印在凭条上；恢复时会核对）',
  'cli.opt.custody-split.key-id': '密钥材料所属的 KMS 密钥（恢复时会核对）',
  'cli.opt.custody-split.m': '重建所需的份数（至少 2）',
  'cli.opt.custody-split.n': '分发的份数（M 到 16）',
  'cli.opt.custody-split.custodian': '第 i 份的保管人（按份额顺序重复 N 次）',
  'cli.opt.custody-split.out': '第 i 份的文件夹，位于保管人 i 自己的介质上（重复 N 次）',
  'cli.opt.restore.share': '一个份额文件（可重复）',
  'cli.opt.restore.typed': '根据打印凭条录入的一份份额，每张凭条一个文本文件（可重复）',
  'cli.opt.restore.backup':
    '托管集份额的 keyferry-backup-<仪式>-<托管集>.txt（默认：第一个 --share 旁边的副本），或根据打印件录入的备份；\n属于其他仪式、被改动或被截断的备份会被拒绝，并指出文件或行',
  'cli.opt.restore.bundle': '该密钥新的导入参数包（keyferry online params）',
  'cli.opt.restore.journal': '恢复日志（新建或续写）：谁出示了哪份份额、证明、包；绝不记录份额本身',
  'cli.opt.restore.presented-by':
    '第 I 份由 NAME 交出（默认：记录的保管人）。一人交出多份份额会被拒绝；NAME 不是该份额的保管人，或是操作员或见证人时，会发出警告并记入日志',
  'cli.opt.restore.one-person-several-shares': '因此原因准许一人交出多份份额（作为覆盖记入日志，并印在回执上）',
  'cli.opt.restore.allow-network': '即使网络已连接也继续（仅用于演练；打印为警告；只有带 --bundle 时才记入日志）',
  'cli.opt.restore.out': '把重建的明文写入这个新文件（在保存权限的卷上为权限 0600；托管集份额：一个新文件夹）',
  'cli.opt.restore.ceremony-id': '拒绝其他仪式的份额',
  'cli.opt.restore.key-id': '拒绝其他密钥的份额（托管集份额：只恢复这些密钥；可重复）',
  'cli.opt.restore.key-spec': '拒绝其他密钥规格的份额（单密钥份额）',
  'cli.opt.restore.hsm-module': '保存密钥材料的 HSM 的 PKCS#11 库（keyferry hsm info）',
  'cli.opt.restore.hsm-token': '令牌；其序列号必须与离线日志记录的一致',
  'cli.opt.restore.hsm-journal': '记录了 HSM 中密钥材料的离线日志（默认：--journal）；会校验其哈希链',
  'cli.opt.restore.wrap-bundle': '现为 --bundle',
  'cli.opt.restore.expires-at': '现为 --expires',
  'cli.opt.airgap.bundle': '来自联网工作站的导入参数包',
  'cli.opt.airgap.console-wrapping-key': '代替 --bundle：KMS 控制台给出的包装密钥文件',
  'cli.opt.airgap.key-id': '使用控制台文件时：这些文件所属的密钥；使用 --material 时：它所属的包中密钥',
  'cli.opt.airgap.spec': '使用控制台文件时：密钥规格',
  'cli.opt.airgap.import-token': '使用控制台文件时：导入令牌文件（ImportToken.b64）',
  'cli.opt.airgap.journal': '离线日志（新建或续写）',
  'cli.opt.airgap.material': '已有的密钥材料（否则在此生成新的密钥材料）',
  'cli.opt.airgap.custody': '将密钥按 M-of-N 拆分；每份写入一个 --custodian-folder（会检查：每卷一份）',
  'cli.opt.airgap.custodian':
    '一位保管人的姓名（可重复，每份一个，顺序与 --custodian-folder 选项相同；除非使用 --shares-on-one-volume，否则必填）',
  'cli.opt.airgap.custodian-folder': '保管人的文件夹，位于其自己的介质上（可重复，每份一个）',
  'cli.opt.airgap.shares-on-one-volume':
    '仅用于演练：接受位于同一个卷上的托管文件夹（不给 --custodian-folder 时：当前文件夹中的 custodian-<i>，\n绝不放在传输介质上 --out 的旁边）；记入日志并作为警告打印',
  'cli.opt.airgap.wrap-again':
    '此日志已完成的包装其包仍可导入（导入令牌仍有效）时：说明原因后仍再次包装（例如“介质丢失”）；\n作为覆盖记入日志并打印在回执上。这些令牌过期后无需此选项',
  'cli.opt.airgap.journal-lost':
    '导入参数包指定了先前包装所在的离线日志、而该日志已丢失或被销毁时：说明原因后改在 --journal 所给的\n日志中包装；作为覆盖记入日志并打印在回执上',
  'cli.opt.airgap.no-backup':
    '带 --expires 且不带 --custody 时：确认 AES 密钥材料不在任何地方保存，因此它在 KMS 中过期后\n再也无法导入（记入日志，打印在回执上）',
  'cli.opt.online-status.journal':
    '该仪式的联网日志（由 create-key 开始）；读取到的状态和所做的证明会追加到其中\n（无法写入时，status 仍会显示它们，并以 1 退出）',
  'cli.opt.online.journal': '仪式的联网日志（create-key 创建；后续步骤续写）',
  'cli.opt.online.config':
    '只有您可读（权限 600）的 JSON 文件，可包含："region"、"projectId"、"endpoint"、"caFile"，\n以及凭证 "ak" + "sk"（+ "securityToken"）或 "iamToken"',
  'cli.opt.online.region': '例如 cn-north-4',
  'cli.opt.online.project-id': '该区域的项目',
  'cli.opt.online.endpoint': '明确指定的 KMS 终端节点（https；仅本地模拟器可用 http）',
  'cli.opt.online.ca-file': '额外信任的 CA 证书（PEM）',
  'cli.opt.online.concurrency':
    '同时进行 KMS 调用的密钥数（默认 {default}，最多 {max}）；限流应答（APIG.0308）\n会等待后重新发送',
  'cli.opt.online-params.key-id':
    '只为此密钥获取参数（可重复；每个都必须在等待密钥材料）：密钥材料来自不同托管副本的密钥，各自放入一个参数包',
  'cli.opt.online-params.out': '移动存储介质上用于存放该包的新文件夹',
  'cli.opt.online-import.bundle': '来自离线工作站的已包装密钥材料包',
  'cli.opt.online-import.expect-digest':
    '必须给出：离线回执“封印”下的“已包装密钥材料包摘要”，照样录入（16 组，每组四位；引号可加可不加）。\n摘要不同的包会在向 KMS 发送任何内容之前被拒绝。',
  'cli.opt.online-import.accept-other-airgap-journal':
    '导入另一个离线日志（不同于本仪式的离线日志）的已包装密钥材料包，或未注明离线日志的\n格式版本 3 之前的包（作为覆盖记入日志并印在回执上）',
  'cli.opt.online-import.expires':
    '覆盖 AES 密钥的密钥材料到期时间：never、从现在起的时长（90d、36h、1d12h）或带时区的日期时间\n（记入日志；默认：按密钥取已包装密钥材料包请求的到期时间）',
  'cli.opt.create-key.plan': '仪式计划（JSON：title、operator、witnesses、keys、wrappingAlgorithm、materialExpiry）',
  'cli.opt.create-key.example-plan':
    '打印一份有效的示例计划（不做其他任何事）：keyferry online create-key --example-plan > plan.json，\n然后编辑它；演练写出的也是同样的格式',
  'cli.opt.create-key.alias': '不用计划时，由选项描述一个密钥：其别名',
  'cli.opt.create-key.spec': '密钥规格（AES_256、RSA_2048 ……）',
  'cli.opt.create-key.usage': 'ENCRYPT_DECRYPT 或 SIGN_VERIFY',
  'cli.opt.create-key.description': '密钥在 KMS 中的描述',
  'cli.opt.delete-material.key-id': '由 KMS 删除其已导入密钥材料的密钥',
  'cli.opt.delete-material.yes': '确认删除',
  'cli.opt.delete-material.acknowledge-loss':
    '您接受：若没有托管副本（包装时生成的 M-of-N 份额、保存它的 HSM 令牌或保留的密钥材料文件），密钥材料以及该密钥下的所有密文\n将永久丢失（记入日志，打印在回执上）',
  'cli.opt.delete-material.confirm-key-id':
    '再次输入的密钥 ID：当日志记录该材料未保留任何保管副本时必需\n（此时删除将使其永久销毁）',
};
