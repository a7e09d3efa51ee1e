/**
 * 命令行自身的拒绝：选项、日志、配置文件、凭证、输出。英文原文见 ../en/cli-problems.ts。
 * Chinese wording by the i18n engineer, not yet reviewed by a native-speaking security officer.
 */
import type { enCliProblems } from '../en/cli-problems';

const WHERE = '{where, select, environment {环境变量（KEYFERRY_AK、KEYFERRY_SK、KEYFERRY_IAM_TOKEN）} other {{where}}}';
const REPORT = '请向 Keyferry 维护者报告。';

export const zhCNCliProblems: { readonly [K in keyof typeof enCliProblems]: string } = {
  'problem.CLI_MISSING_OPTION':
    '{reason, select, empty {选项 {option} 的值为空（是否用了未设置的 shell 变量？）。} option {必须提供选项 {option}。} withBundle {使用 --bundle 时必须提供选项 {option}。} journal {必须提供选项 --journal FILE：仪式的每一步都记入日志。} journalExisting {必须提供选项 --journal FILE：此步骤根据日志继续一个仪式。} witness {没有写明见证人。} parameters {没有给出导入参数。} materialKeyId {该包含有多个密钥：--material 需要 --key-id。} noKeys {没有要创建的密钥。} consoleFiles {控制台文件还需要 {optionsList}。} region {没有设置 KMS 区域。} shares {没有给出份额。} other {没有设置项目 ID。}}',
  'problem.CLI_MISSING_OPTION.next':
    '{reason, select, empty {请为 {option} 给出一个文件夹，或省略该选项以使用默认值（日志所在的文件夹）。} journal {请给出 --journal FILE（不存在则创建，存在则继续）。} journalExisting {请给出 --journal FILE：仪式此前各步骤写下的日志（此步骤不会开始新仪式）。} witness {请用 --witness NAME 写明每位见证人。} parameters {请给出 --bundle DIR（或控制台文件：--console-wrapping-key、--key-id、--spec、--import-token）。} materialKeyId {请用 --key-id 指明该密钥材料属于哪个密钥。} noKeys {请给出 --plan FILE，或 --alias A --spec S 以及 --operator 和 --witness。} consoleFiles {请给出包装密钥文件、密钥 ID、密钥规格和导入令牌文件（ImportToken.b64）。} region {请给出 --region（例如 cn-north-4），或在配置文件中写 "region"。} projectId {请给出 --project-id，或在配置文件中写 "projectId"。} shares {请用 --share FILE（份额文件）和/或 --typed FILE（录入的凭条）给出份额。} other {运行 “keyferry {command} --help” 查看用法。}}',
  'problem.JOURNAL_FOLDER_MISSING': '无法创建日志 {file}：其所在文件夹 {folder} 不存在。未写入任何内容。',
  'problem.JOURNAL_FOLDER_MISSING.next': '请检查 --journal 是否有输入错误，或先创建该文件夹（或插入保存它的介质）。',
  'problem.JOURNAL_MISSING':
    '{option, select, hsmJournal {离线日志 {file}（--hsm-journal）不存在，因此无法据此核对令牌中的密钥材料。未开始任何操作。} verify {日志 {file} 不存在。} other {日志 {file} 不存在，因此没有可继续的仪式。}}{count, plural, =0 {} other {其所在文件夹中有 # 个日志文件（.jsonl）：{namesList}。}}',
  'problem.JOURNAL_MISSING.next':
    '{option, select, hsmJournal {请为 --hsm-journal 给出其包装在令牌中生成该密钥材料的离线日志的路径（相对路径从执行命令的文件夹读取）。} verify {请给出要核验的日志的路径（回执上的核验命令写有其文件名；请在该日志所在的文件夹中运行）。} other {{count, plural, =0 {请用 “keyferry online create-key” 开始仪式，或给出该仪式日志的路径。} other {请给出该仪式日志的路径（如果是名称输入有误，即上面所列文件之一）；只有新的仪式才用 “keyferry online create-key” 开始。}}}}',
  'problem.CUSTODY_FOLDERS_MISSING': '托管需要 {n} 个 --custodian-folder 选项，每位保管人一个，各在自己的介质上。',
  'problem.CUSTODY_FOLDERS_MISSING.next':
    '请为每位保管人给出一个 --custodian-folder（应用会检查它们位于不同的卷上）；仅限演练时，--shares-on-one-volume 会把它们写入当前文件夹中的 custodian-1、custodian-2 ……（绝不放在传输介质上 --out 的旁边）。',
  'problem.CUSTODIANS_NOT_NAMED':
    '--custody {m}/{n} 为 {n} 位保管人各写一份份额，但没有给出任何保管人姓名：每张凭条、备份和回执都要写明谁持有哪一份份额，恢复时也要写明由谁出示。未生成任何内容。',
  'problem.CUSTODIANS_NOT_NAMED.next':
    '请按 --custodian-folder 选项的顺序，每份份额给出一次 --custodian NAME（第一个姓名持有写入第一个文件夹的份额）。只有使用 --shares-on-one-volume 的演练可以不写姓名（custodian-1、custodian-2 ……）。',
  'problem.OUTPUT_EXISTS':
    '{what, select, inFolder {输出文件夹中已有 {path}；Keyferry 从不覆盖文件。} outFile {{path} 已存在；Keyferry 从不覆盖文件。} notFolder {输出 {path} 已存在且不是文件夹。} other {{path} 已存在；Keyferry 从不覆盖。}}',
  'problem.OUTPUT_EXISTS.next':
    '{what, select, inFolder {请选择一个新的空输出文件夹。} outFile {请为 --out 选择新的文件名。} notFolder {请为 --out 选择新的文件夹。} other {请为 --wrapped-out 选择新的文件夹。}}',
  'problem.CONFIRMATION_REQUIRED':
    '删除密钥 {keyId} 的密钥材料后，用它加密的所有密文都将无法解密，直到再次导入相同的密钥材料。',
  'problem.CONFIRMATION_REQUIRED.next':
    '请加上 --yes 以确认；在读过加上 --yes 运行时所说的将会失去的内容（日志为该密钥记录的托管副本；若日志未记录任何副本，还需用 --confirm-key-id 再次输入密钥 ID）之后，再加上 --acknowledge-loss。未删除任何内容。',
  'problem.CONFIG_INVALID':
    '配置文件 {file} {why, select, unreadable {无法读取} notSmallFile {不是小的普通文件} notJson {不是有效的 JSON} other {{fieldCount, plural, other {的字段 {fieldsList} 无效}}}}。',
  'problem.CONFIG_INVALID.next':
    '请修正配置文件（JSON，包含 region、projectId、endpoint、caFile、ak、sk、securityToken 或 iamToken）。',
  'problem.CONFIG_TOO_OPEN': '配置文件 {file} 可被其他用户读取（权限 {mode}）；它可能含有凭证。',
  'problem.CONFIG_TOO_OPEN.next': '请将其限制为仅所有者可读：chmod 600 {file}',
  'problem.CREDENTIALS_AMBIGUOUS': `${WHERE}中同时设置了 AK/SK 和 IAM 令牌。`,
  'problem.CREDENTIALS_AMBIGUOUS.next': '请只保留一种凭证。',
  'problem.CREDENTIALS_INCOMPLETE': `${WHERE}中只设置了 AK/SK 中的一个。`,
  'problem.CREDENTIALS_INCOMPLETE.next': '请同时设置访问密钥 ID（AK）和私有访问密钥（SK）。',
  'problem.CREDENTIALS_MISSING': '{where, select, app {本次会话没有输入访问密钥。} other {没有给出 KMS 凭证。}}',
  'problem.CREDENTIALS_MISSING.next':
    '{where, select, app {请输入访问密钥 ID 和私有访问密钥，然后测试连接。} other {请设置 KEYFERRY_AK 和 KEYFERRY_SK（临时凭证另加 KEYFERRY_SECURITY_TOKEN）或 KEYFERRY_IAM_TOKEN，或给出 --config FILE。凭证从不从命令行读取。}}',
  'problem.CA_FILE_UNREADABLE': '无法读取 CA 文件 {file}。',
  'problem.CA_FILE_UNREADABLE.next': '请给出包含 CA 证书的 PEM 文件。',
  'problem.CA_FILE_NOT_PEM': 'CA 文件 {file} 中没有 PEM 证书。',
  'problem.CA_FILE_NOT_PEM.next':
    '{where, select, app {请选择包含 CA 证书的 PEM 文件，或将此栏留空。} other {请给出包含 CA 证书的 PEM 文件。}}',
  'problem.CLI_COMMAND_MISSING': '命令 “{name}” 已列出，但其模块没有提供它。',
  'problem.CLI_COMMAND_MISSING.next': REPORT,
  'problem.CLI_COMMAND_MISMATCH': '命令 “{listed}” 加载后成了 “{loaded}”。',
  'problem.CLI_COMMAND_MISMATCH.next': REPORT,
};
