/** 应用主进程：IPC 通道（契约拒绝的请求、未知通道）、模式防护、仪式会话的拒绝、界面传入的路径、回执、记住的凭证、打印，以及桌面本身的文字。 */
import type { enMainProcess } from '../en/main-process';

const pathRole =
  '{what, select, ceremonyFolder {仪式文件夹} parametersBundle {导入参数包文件夹} parametersTarget {存放导入参数包的文件夹} materialFile {密钥材料文件} airGapJournal {离线端日志} receiptPdf {存放回执 PDF 的文件夹} shareFile {份额文件} backupFile {托管备份文件} planFile {仪式计划文件} other {文件}}';
const side = '{side, select, online {联网端} restore {托管恢复} other {离线端}}';

export const zhCNMainProcess: { readonly [K in keyof typeof enMainProcess]: string } = {
  'problem.IPC_BAD_REQUEST': `对 {channel} 的请求无效：{field, select, none {该请求} other {字段 {field} }}{rule, select, missing {缺失} wrongType {的值类型不对} tooShort {短于 {limit, number}} tooLong {长于 {limit, number}} tooSmall {小于 {limit, number}} tooLarge {大于 {limit, number}} badFormat {的格式不符合要求} notOneOf {不是可接受的选项之一} unknownField {包含 Keyferry 不认识的字段} absolutePath {必须是完整路径（以 / 或盘符开头）} controlCharacters {不得包含控制字符} pkcs11Library {必须是 PKCS#11 共享库（.so、.dll 或 .dylib）} shareOrTyped {只能给出份额文件或手工输入的凭条内容之一，不能两者都给} custodyCounts {要求的份额数不得超过保管人数（N 份中任意 M 份，每份一位保管人和一个文件夹）} hsmCustody {不能把 HSM 中的密钥材料拆分为保管份额} other {不被接受}}{more, plural, =0 {} other {（另有 # 个问题）}}。`,
  'problem.IPC_BAD_REQUEST.next': '请检查输入的内容，然后重试。',
  'problem.IPC_UNKNOWN_CHANNEL': '应用请求了一个不存在的操作。',
  'problem.IPC_UNKNOWN_CHANNEL.next': '请重新启动 Keyferry；如果再次发生，请连同运行日志一起报告。',
  'problem.IPC_BAD_RESPONSE': 'Keyferry 为 {channel} 生成的应答与其契约不符，已被丢弃。',
  'problem.IPC_BAD_RESPONSE.next': '没有任何步骤被标记为已完成。请重试；如果再次失败，请保留运行日志并报告。',
  'problem.IPC_UNAVAILABLE': 'Keyferry 主进程没有应答 {channel}。',
  'problem.IPC_UNAVAILABLE.next': '请重新启动 Keyferry；如果再次发生，请保留运行日志并报告。',
  'problem.IPC_UNTRUSTED_SENDER': '此页面无权与 Keyferry 通信。',
  'problem.IPC_UNTRUSTED_SENDER.next': '请使用 Keyferry 窗口本身；未执行任何操作。',

  'problem.MODE_LOCKED': '在本次会话结束前，Keyferry 一直处于离线模式。',
  'problem.MODE_LOCKED.next': '请关闭 Keyferry 并重新启动，以选择其他模式。',
  'problem.STEP_RUNNING': '仪式的另一个步骤仍在运行，而每次只能运行一个步骤：本步骤未开始，也未做任何更改。',
  'problem.STEP_RUNNING.next': '请等待该步骤完成，然后查看仪式当前所处的位置，再继续。',
  'problem.MODE_CEREMONY_STARTED':
    '本次会话中已有一个仪式以{mode, select, online {联网} rehearsal {演练} other {离线}}模式开始：其步骤保持开始时的模式（演练的捷径、网络防护），因此模式未改变。',
  'problem.MODE_CEREMONY_STARTED.next':
    '请在此完成或离开该仪式，然后关闭 Keyferry 并重新启动以选择其他模式；其日志保留已完成的内容。',
  'problem.REHEARSAL_BUNDLE_NOT_ITS_OWN':
    '这是一次演练：其离线端只接受本演练的联网端从内置模拟器获取的导入参数（{own, select, none {本次运行中其联网端尚未启动} other {仪式 {own}}}）。{source, select, console {控制台文件指定的密钥 {other} 不是其中的密钥，可能是真实密钥。} other {{dir} 中的包属于仪式 {other}，可能是一次真实仪式。}}演练允许联网、保管份额位于同一卷以及真实仪式会拒绝的其他捷径，而其包装结果到达真实的联网端时会被当作真实包装。未读取任何内容。',
  'problem.REHEARSAL_BUNDLE_NOT_ITS_OWN.next':
    '要包装真实仪式的参数，请在离线工作站（无网络）上关闭 Keyferry，重新启动并选择“离线工作站”。要进行演练，请{own, select, none {先启动本演练的联网端，然后} other {}}提供本演练联网端写出的内容。',
  'problem.MODE_GUARD_FAILED': `无法启用{mode, select, online {联网} rehearsal {演练} other {离线}}模式的网络防护，因此模式未改变。`,
  'problem.MODE_GUARD_FAILED.next': '请关闭 Keyferry 并重新启动；如果再次发生，请保留运行日志并报告。',
  'problem.MODE_NOT_CHOSEN': '尚未选择模式。',
  'problem.MODE_NOT_CHOSEN.next': '请在开始页面选择模式。',
  'problem.MODE_WRONG': `此步骤只能在{first, select, online {联网} rehearsal {演练} other {离线}}{second, select, none {} online {或联网} rehearsal {或演练} other {或离线}}模式下执行；Keyferry 当前处于{mode, select, online {联网} rehearsal {演练} other {离线}}模式。`,
  'problem.MODE_WRONG.next': '请使用为此步骤准备的工作站，或重新启动 Keyferry 并选择正确的模式。',

  'problem.CEREMONY_NOT_SET_UP': '仪式尚未填写标题、操作员和见证人。',
  'problem.CEREMONY_NOT_SET_UP.next': '请先完成仪式设置。',
  'problem.KMS_NOT_CONNECTED': 'Keyferry 尚未连接到 KMS。',
  'problem.KMS_NOT_CONNECTED.next': '请先填写连接设置并点击“测试连接”（演练中：先启动模拟器）。',
  'problem.AIRGAP_NOT_STARTED': '离线端尚未开始。',
  'problem.AIRGAP_NOT_STARTED.next': '请先检查网络。',
  'problem.RESTORE_NOT_STARTED': '托管恢复仪式尚未开始。',
  'problem.RESTORE_NOT_STARTED.next': '请先检查网络；这会开始恢复仪式。',
  'problem.RESTORE_ABANDONED': '恢复仪式已放弃；其份额和密钥材料已被擦除。',
  'problem.RESTORE_ABANDONED.next': '请检查网络以开始新的恢复仪式。',
  'problem.CEREMONY_ALREADY_STARTED': '此仪式已经开始；其人员和文件夹已固定记录在日志中。',
  'problem.CEREMONY_ALREADY_STARTED.next': '请完成此仪式，或关闭 Keyferry 后重新启动以进行另一场仪式。',
  'problem.CEREMONY_FOLDER_MISSING': '尚未选择仪式文件夹。',
  'problem.CEREMONY_FOLDER_MISSING.next': '请选择保存本次仪式日志和回执的文件夹。',

  'problem.PATH_NOT_ABSOLUTE': `${pathRole}“{path}”不是完整路径。`,
  'problem.PATH_NOT_ABSOLUTE.next': '请用“浏览…”选择文件夹，或输入完整路径（以 / 或盘符开头）。',
  'problem.FOLDER_READ_ONLY': 'Keyferry 无法写入 {dir}（只读介质或没有权限）。',
  'problem.FOLDER_READ_ONLY.next': '请解除介质的写保护，或选择其他文件夹。',
  'problem.FOLDER_CROWDED': '{dir} 中已有 99 个名为 {name} 的文件夹。',
  'problem.FOLDER_CROWDED.next': '请选择其他文件夹，或清理以前尝试留下的文件夹。',
  'problem.DESKTOP_UNAVAILABLE':
    '{action, select, print {打印需要 Keyferry 桌面窗口，此处不可用。} pdf {保存 PDF 需要 Keyferry 桌面窗口，此处不可用。} other {此处没有可用的文件对话框。}}',
  'problem.DESKTOP_UNAVAILABLE.next':
    '{action, select, print {请在浏览器中打开 {file} 并从那里打印。} pdf {请在浏览器中打开 {file} 并从那里打印。} other {请直接在输入框中输入完整路径。}}',

  'problem.RECEIPT_CHANGED': '回执 {file} 在写入之后被改动过。',
  'problem.RECEIPT_CHANGED.next': '请保留该介质作为证据，并把回执重新写入另一个文件夹。',
  'problem.RECEIPT_NOT_WRITTEN': `本次会话尚未写入${side}回执。`,
  'problem.RECEIPT_NOT_WRITTEN.next': '请先写入回执（仪式的最后一步）。',
  'problem.PRINT_FAILED': '回执未打印（{reason}）。',
  'problem.PRINT_FAILED.next': '请检查打印机后重新打印，或把回执保存为 PDF。',
  'problem.RECEIPT_NAME_INVALID': '“{name}”不是普通的 PDF 文件名。',
  'problem.RECEIPT_NAME_INVALID.next': '请使用类似 receipt.pdf 的名称。',

  'problem.CREDENTIALS_CHOICE_UNCLEAR': '同一次连接同时提供了手工输入的凭证和记住的凭证。',
  'problem.CREDENTIALS_CHOICE_UNCLEAR.next':
    '请使用记住的凭证连接，或输入新的凭证（并勾选“在本机记住这些凭证”以替换旧的）。',
  'problem.CREDENTIALS_REMEMBER_NEEDS_ENTRY': '只有本次输入的凭证才能被记住。',
  'problem.CREDENTIALS_REMEMBER_NEEDS_ENTRY.next':
    '请输入访问密钥（AK）和私有访问密钥（SK），勾选“在本机记住这些凭证”，然后测试连接。',
  'problem.CREDENTIALS_REMEMBER_FAILED': '已连接到 KMS，但凭证未被记住：{cause}',
  'problem.CREDENTIALS_REMEMBER_FAILED.next':
    '请继续本次会话（凭证会保留到 Keyferry 关闭为止），或稍后再尝试记住凭证。',
  'problem.CREDENTIALS_NOT_REMEMBERED': '本机没有记住任何凭证（配置“{profile}”）。',
  'problem.CREDENTIALS_NOT_REMEMBERED.next': '请输入访问密钥（AK）和私有访问密钥（SK），然后测试连接。',
  'problem.CREDENTIALS_PROFILE_INVALID': '记住的凭证的配置名称须为 1-64 个 a-z、0-9 和 - 字符。',
  'problem.CREDENTIALS_PROFILE_INVALID.next': '请使用配置“default”。',
  'problem.CREDENTIALS_NOT_SAVED': '无法替换记住的凭证（{errno}）。',
  'problem.CREDENTIALS_NOT_SAVED.next': '请确认 Keyferry 可以写入其设置文件夹，然后重试。',
  'problem.CREDENTIALS_UNREADABLE': '无法在本机读回记住的凭证。',
  'problem.CREDENTIALS_UNREADABLE.next': '请清除记住的凭证，然后重新输入。',
  'problem.CREDENTIALS_INVALID':
    '{field, select, accessKeyId {访问密钥（AK）不是 8-128 个字母和数字} secretAccessKey {私有访问密钥（SK）不是 8-256 个不含空格的字符} securityToken {安全令牌不是 1-16384 个不含空格的字符} region {区域为空或超过 64 个字符} projectId {项目 ID 为空或超过 64 个字符} endpoint {终端节点为空或超过 2048 个字符} other {凭证的格式不符合要求}}，因此未记住这些凭证。',
  'problem.CREDENTIALS_INVALID.next': '请从云控制台重新复制访问密钥（AK）和私有访问密钥（SK）。',
  'problem.CREDENTIALS_ENCRYPTION_UNAVAILABLE': '本机不提供操作系统密钥库加密，因此 Keyferry 不会在本机保存凭证。',
  'problem.CREDENTIALS_ENCRYPTION_UNAVAILABLE.next': '请仅在本次会话中使用这些凭证；Keyferry 关闭后即被遗忘。',
  'problem.CREDENTIALS_VAULT_UNAVAILABLE':
    '{reason, select, noDesktop {记住凭证需要桌面应用的操作系统密钥库，此处不可用。} other {本机不提供用于记住凭证的操作系统密钥库加密。}}',
  'problem.CREDENTIALS_VAULT_UNAVAILABLE.next': '请仅在本次会话中使用这些凭证；Keyferry 关闭后即被遗忘。',

  'dialog.pick.ceremony-folder': '选择仪式文件夹',
  'dialog.pick.read-bundle': '选择移动存储介质上的包文件夹',
  'dialog.pick.write-bundle': '选择写入包的位置（会在其中新建一个文件夹）',
  'dialog.pick.save-receipt': '选择保存回执 PDF 的位置',
  'dialog.pick.custody-folder': '选择写入保管份额的位置',
  'dialog.pick.material-file': '选择密钥材料文件',
  'dialog.pick.share-file': '选择保管份额文件',
  'dialog.pick.backup-file': '选择托管备份文件',
  'dialog.pick.console-file': '选择从云控制台下载的文件',
  'dialog.pick.journal-file': '选择日志文件（.jsonl）',
  'dialog.pick.plan-file': '选择仪式计划文件（.json）',
  'dialog.pick.hsm-module': '选择 HSM 厂商的 PKCS#11 库（.so、.dll、.dylib）',
  'menu.file': '文件',
  'menu.edit': '编辑',
  'menu.window': '窗口',
  'menu.help': '帮助',
  'dialog.pick.button': '选择',
};
