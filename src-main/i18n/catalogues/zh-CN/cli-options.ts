/** CLI option problems shared by several commands (twin of ../en/cli-options.ts). */
import type { enCliOptions } from '../en/cli-options';

export const zhCNCliOptions: { readonly [K in keyof typeof enCliOptions]: string } = {
  'problem.CLI_BAD_NUMBER': '{option} 的值“{text}”不是 {min} 到 {max} 之间的整数。',
  'problem.CLI_BAD_NUMBER.next': '请为 {option} 指定 {min} 到 {max} 之间的整数。',
  'problem.CLI_BAD_DURATION': '{option} 的值“{text}”不是 {min} 毫秒到 {max} 毫秒之间的时长。',
  'problem.CLI_BAD_DURATION.next': '请为 {option} 指定整数毫秒数，例如 60ms（或秒数，例如 2s）。',
  'problem.CLI_BAD_RATE': '{option} 的值“{text}”不是每秒 {min} 到 {max} 个请求之间的速率。',
  'problem.CLI_BAD_RATE.next': '请为 {option} 指定每秒请求数（整数），例如 20/s。',
  'problem.CLI_OPTION_UNKNOWN': '此命令没有选项 {option}。{match, select, near {您是否想输入 {meant}？} other {}}',
  'problem.CLI_OPTION_UNKNOWN.next': '运行“keyferry {command} --help”查看其选项。',
  'problem.CLI_MEDIA_NOT_REPLACED':
    '{value} 仍以 MEDIA 开头，这是所打印的“下一步”命令中代表移动存储介质文件夹的占位符。未执行任何操作。',
  'problem.CLI_MEDIA_NOT_REPLACED.next':
    '请将 MEDIA 替换为本工作站挂载该介质的文件夹（例如 /media/usb），然后重新执行该命令（若此处确有名为 MEDIA 的文件夹，请写成 ./MEDIA/…）。',
  'problem.CLI_SHARE_NOT_REPLACED': '{value} 是所打印的“下一步”命令中代表保管人份额文件的占位符。未执行任何操作。',
  'problem.CLI_SHARE_NOT_REPLACED.next':
    '请将 SHARE-1、SHARE-2 … 逐一替换为保管人带来的份额文件的路径（其介质上的 keyferry-share-….json），然后重新执行该命令（若此处确有名为 {value} 的文件，请写成 ./{value}）。',
  'problem.CLI_EXPIRY_NOT_REPLACED':
    '--expires EXPIRY 是所打印的“下一步”命令中代表{of, select, restore {恢复后密钥的} wrap {本次包装所生成密钥的} other {本次导入的}}密钥材料到期时间的占位符。未执行任何操作。',
  'problem.CLI_EXPIRY_NOT_REPLACED.next':
    '请将 EXPIRY 替换为{of, select, restore { original（各密钥沿用原到期时间，仅当其仍在未来时可用：打印的那一行会说明是否已过）、never、从现在起的时长（如 90d）} wrap { never、时长（如 90d，从参数包的导入令牌所示的 KMS 时间起算）} other { never、从现在起的时长（如 90d）}}或带时区的日期时间（如 2030-01-31T00:00:00Z），然后重新执行该命令。',
  'problem.CLI_MODULE_NOT_REPLACED':
    'PKCS11-MODULE 是所打印的“下一步”命令中代表 HSM 的 PKCS#11 库的占位符。未执行任何操作。',
  'problem.CLI_MODULE_NOT_REPLACED.next':
    '请将 PKCS11-MODULE 替换为本工作站上 HSM 厂商 PKCS#11 库的路径（可用 keyferry hsm info --hsm-module FILE 检查；例如 /usr/lib/softhsm/libsofthsm2.so），然后重新执行该命令（若此处确有同名文件，请写成 ./PKCS11-MODULE）。',
  'problem.CLI_DIGEST_NOT_REPLACED':
    '--expect-digest DIGEST 是所打印的“下一步”命令中代表材料包摘要的占位符。未执行任何操作。',
  'problem.CLI_DIGEST_NOT_REPLACED.next':
    '请将 DIGEST 替换为离线回执“封印”下的“已包装密钥材料包摘要”，照样录入（16 组，每组四位），然后重新执行该命令。',
  'problem.CLI_CUSTODY_NOT_REPLACED':
    '{valuesList} 是所打印的“下一步”命令中代表托管拆分的{count, plural, other {占位符}}{custodians, plural, =0 {} other {，留在第 {custodiansList} 位保管人处}}。未执行任何操作。',
  'problem.CLI_CUSTODY_NOT_REPLACED.next':
    '{split, select, yes {请将 M/N 替换为所需份额数与制作份额数（如 2/3），并为 N 位保管人各给出一次 --custodian NAME --custodian-folder DIR，填入其姓名和其自己介质的文件夹} other {请将 NAME 替换为保管人的姓名，将 DIR 替换为其自己介质的文件夹}}（若确有名为 DIR 的文件夹，请写成 ./DIR）；然后重新执行该命令。如不保留托管副本，请省略这些选项：对会到期的 AES 密钥材料，包装时会要求 --no-backup 或 --expires never。',
  'problem.CLI_PLACEHOLDERS_NOT_REPLACED':
    '该命令中仍有 {count} 个所打印的“下一步”命令中的占位符：{valuesList}。未执行任何操作。',
  'problem.CLI_PLACEHOLDERS_NOT_REPLACED.next':
    '{media, select, yes {请将 MEDIA 替换为本工作站挂载该介质的文件夹（例如 /media/usb）。} other {}}{share, select, yes {请将 SHARE-1、SHARE-2 … 逐一替换为保管人带来的份额文件的路径（其介质上的 keyferry-share-….json）。} other {}}{module, select, yes {请将 PKCS11-MODULE 替换为本工作站上 HSM 厂商 PKCS#11 库的路径。} other {}}{digest, select, yes {请将 DIGEST 替换为离线回执“封印”下的“已包装密钥材料包摘要”。} other {}}{custody, select, yes {请将 M/N 替换为所需并制作的份额数（如 2/3），并为每位保管人各给出一次 --custodian NAME --custodian-folder DIR，填入其姓名和其自己介质的文件夹（或省略这三个选项，不保留托管副本）。} people {请将 NAME 替换为保管人的姓名，将 DIR 替换为其自己介质的文件夹。} other {}}{expiry, select, yes {请将 EXPIRY 替换为 original（各密钥沿用原到期时间，仅当其仍在未来时可用：打印的那一行会说明是否已过）、never、从现在起的时长（如 90d）或带时区的日期时间（如 2030-01-31T00:00:00Z）。} import {请将 EXPIRY 替换为 never、从现在起的时长（如 90d）或带时区的日期时间（如 2030-01-31T00:00:00Z）。} wrap {请将 EXPIRY 替换为 never、时长（如 90d，从参数包的导入令牌所示的 KMS 时间起算）或带时区的日期时间（如 2030-01-31T00:00:00Z）。} other {}}然后重新执行该命令（若此处确有同名的文件或文件夹，请在其名称前写上 ./）。',
  'problem.CLI_OPTION_VALUE_MISSING': '选项 {option} 需要一个值。',
  'problem.CLI_OPTION_VALUE_MISSING.next':
    '请写成 {option} 值（值以“--”开头时写成 {option}=值）；“keyferry {command} --help”说明它接受什么。',
  'problem.CLI_OPTION_TAKES_NO_VALUE': '选项 {option} 不接受值。',
  'problem.CLI_OPTION_TAKES_NO_VALUE.next': '单独给出 {option}（见“keyferry {command} --help”）。',
  'problem.CLI_OPTION_REPEATED': '选项 {option} 给出了不止一次；它只接受一个值。',
  'problem.CLI_OPTION_REPEATED.next': '只给出一次 {option}（见“keyferry {command} --help”）。',
  'problem.CLI_ARGUMENT_UNEXPECTED': '此命令在此处不接受“{value}”。',
  'problem.CLI_ARGUMENT_UNEXPECTED.next':
    '{hexGroup, select, yes {这看起来像是带空格输入的摘要中的一组：请把整个值放在其选项之后的引号中，例如 "1A2B 3C4D …"。} other {}}{afterFlag, select, none {} other {它跟在不接受值的 {afterFlag} 之后：请去掉该值（{afterFlag} 的作用见 --help）。}}对照“keyferry {command} --help”检查命令行（值前面可能漏了选项名）。',
  'problem.CLI_ARGUMENT_MISSING': '此命令需要 {arg}。',
  'problem.CLI_ARGUMENT_MISSING.next': '给出恰好一个 {arg}（见“keyferry {command} --help”）。',
  'problem.CLI_OPTION_VALUE_INVALID':
    '{option} 的值“{value}”{expected, select, specList {未指定任何密钥规格} specOnce {两次指定了同一规格} presentedBy {不是 INDEX=NAME 的形式（例如 3=张伟）} presentedByOnce {两次指定了同一份额} other {无效}}。',
  'problem.CLI_OPTION_VALUE_INVALID.next':
    '{expected, select, specList {请给出以逗号分隔的密钥规格列表，例如 AES_256,RSA_2048。} specOnce {每个规格只指定一次。} presentedBy {请按 --presented-by INDEX=NAME 给出，每份一次。} presentedByOnce {每份份额只指定一次。} other {请更正 {option}。}}',
  'problem.CLI_OPTION_NEEDS': '给出了 {option}，却没有给出 {needs}。',
  'problem.CLI_OPTION_NEEDS.next': '请加上 {needs}，或去掉 {option}。',
  'problem.CLI_SHARE_GIVEN_TWICE':
    '保管人 {custodian} 的份额 {index} 被给出了两次：{first} 和 {second}（同一份额或其副本）。无论有多少副本，一个份额只计一次。未出示也未重建任何内容。',
  'problem.CLI_SHARE_GIVEN_TWICE.next':
    '每个份额只给出一次，并用另一位保管人的份额代替该副本（文件名和凭条会说明份额属于谁及其序号：…-2of3 即份额 2）。',
  'problem.CLI_PRESENTED_BY_NOT_GIVEN':
    '--presented-by {index}={name} 指的是份额 {index}，但{count, plural, =0 {没有给出任何份额（用 --share 或 --typed）} other {只给出了份额 {givenList}（用 --share 或 --typed）}}。未出示也未重建任何内容。',
  'problem.CLI_PRESENTED_BY_NOT_GIVEN.next':
    '--presented-by INDEX=NAME 只能用于以 --share 或 --typed 给出的份额：INDEX 是份额的序号，见其文件名和凭条（…-2of3 即份额 2）。请检查您所指的份额 {index} 是否已给出。',
  'problem.CLI_OPTIONS_CONFLICT':
    '{option} 不能与 {other} 一起使用{reason, select, restoreCeremony {：恢复仪式不写出明文，且包中已指明密钥} plan {：计划文件已写明仪式的人员、密钥和设置，与之同时给出的选项会被忽略} other {}}。',
  'problem.CLI_OPTIONS_CONFLICT.next':
    '{reason, select, restoreCeremony {举行恢复仪式时去掉 {option}；若只重建并证明，则去掉 {other}。} plan {请改为写入计划文件（keyferry online create-key --help 列出其字段）并去掉 {other}；或者去掉 {option}，用 --alias 和 --spec 给出密钥。} other {{option} 和 {other} 只给出其一。}}',
  'problem.CLI_OPTION_REPLACED': '选项 {option} 现已改为 {replacement}。',
  'problem.CLI_OPTION_REPLACED.next':
    '请改用 {replacement}（“keyferry {command} --help”有说明）；带 --bundle 时，恢复是记入日志的仪式（需 --wrapped-out、--journal、--operator 和 --witness）。',
  'problem.CLI_OPTION_FOR_SHARES':
    '{shares, select, set {{option} 用于仪式托管集的份额（格式 2），不用于单密钥份额。} other {{option} 用于单密钥份额（格式 1）；托管备份已记录每个密钥的规格。}}',
  'problem.CLI_OPTION_FOR_SHARES.next': '请去掉 {option}。',
  'problem.CLI_SHARE_COUNT':
    '{what, select, custodians {指定了 {given} 位保管人} folders {给出了 {given} 个保管人文件夹} other {给出了 {given} 个 --out 文件夹}}，但份额为 {n} 份。',
  'problem.CLI_SHARE_COUNT.next':
    '{what, select, custodians {请恰好指定 {n} 位保管人（--custodian），每份份额一位：为每位保管人重复一次 --custodian 姓名及其 --custodian-folder 文件夹（所打印的命令只用一组代表全部保管人）。} folders {请恰好给出 {n} 个 --custodian-folder，或一个也不给。} other {每份给出一个 --out，各自位于其保管人自己的介质上。}}',
  'problem.SHARE_FILE_REFUSED': '{file}：{cause}',
  'problem.SHARE_FILE_REFUSED.next':
    '请更正该文件（份额文件，或严格按打印内容录入的凭条），或将其去掉；未恢复任何内容，已读取的份额已从内存中擦除。',
  'problem.FILES_LEFT_BEHIND':
    '{cause}{left, plural, =0 {} other {无法删除 {filesList}：请手动删除，{plain, select, yes {它含有明文形式的密钥材料。} other {它不完整。}}}}{moved, plural, =0 {} other {不在写入的位置（在 Keyferry 写入期间，该文件夹被移动、改名、替换或删除，或其介质被取出）：{movedList}；{plain, select, yes {其中含有明文形式的密钥材料。} other {这些文件不完整。}}}}',
  'problem.FILES_LEFT_BEHIND.next':
    '{moved, plural, =0 {请删除 {filesList}，更正失败的原因，然后重新运行该命令。} other {请在该文件夹现在所在之处找到这些文件并{plain, select, yes {立即销毁} other {删除}}{left, plural, =0 {} other {，并删除 {filesList}}}。如果这里没有人这样做过，说明本工作站上有程序改动了该介质：在再次使用它之前请告知操作员和见证人。然后使用一个无人触碰的介质上的文件夹重新运行该命令。}}',
  'problem.TITLE_DIFFERS_FROM_BUNDLE':
    '导入参数包中本次仪式的标题为“{bundle}”，但{where, select, app {仪式设置中} other { --title }}给出的是“{given}”：同一仪式的两份回执将出现不同的标题。{where, select, app {参数包中的内容均未使用，也无人键入任何内容。} other {}}',
  'problem.TITLE_DIFFERS_FROM_BUNDLE.next':
    '{where, select, app {请离开本次仪式，并以与参数包完全相同的标题重新设置} other {请省略 --title（将使用参数包中的标题），或给出与参数包完全相同的标题}}；如需更改标题，请在联网工作站上重新开始仪式。',
  'problem.PLAN_INVALID':
    '{source, select, options {所给选项不能构成有效的仪式计划：} other {仪式计划无效：}}{issuesPhrases}{more, plural, =0 {} other {；另有 # 处问题}}。',
  'problem.PLAN_INVALID.next':
    '{source, select, options {请更正所指的每个选项（选项后给出格式的，按该格式填写）；keyferry online create-key --help 列出每个选项，也可改用 --plan FILE 给出计划文件（--example-plan 会打印一份供参考）。} other {{surface, select, app {请更正计划文件中所指的每个字段（字段后给出格式的，按该格式填写），然后再次点击“读取计划文件”。应用中没有示例计划：在任一装有 Keyferry 的工作站上，keyferry online create-key --example-plan 会打印一份有效的计划供参考。} other {请更正计划文件中所指的每个字段（字段后给出格式的，按该格式填写）；keyferry online create-key --example-plan 会打印一份有效的计划供参考，--help 列出每个字段。}}}}',
};
