/** 仪式安全：生成材料前的输出文件夹预检、被放弃或中断的会话、撤回的包、可能丢失的确认。 */
import type { enCeremonySafety } from '../en/ceremony-safety';

export const zhCNCeremonySafety: { readonly [K in keyof typeof enCeremonySafety]: string } = {
  'problem.PREFLIGHT_NOT_A_FOLDER':
    '{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {保管人 {index} 的文件夹} other {输出文件夹}} {folder} 已存在，但不是文件夹。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_NOT_A_FOLDER.next': '请改选一个文件夹路径，然后重新执行此步骤。',
  'problem.PREFLIGHT_FOLDER_NOT_EMPTY':
    '{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {保管人 {index} 的文件夹} other {输出文件夹}} {folder} 中已有 {count, plural, other {# 项}}，例如 {first}；Keyferry 只写入新的或空的文件夹。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_FOLDER_NOT_EMPTY.next':
    '请选择新的文件夹名称，然后重新执行此步骤。在弄清该文件夹中的内容之前不要清空它：{role, select, custodian {其中的保管份额文件（keyferry-share-…、keyferry-backup-…）可能是先前的托管集，是已导入密钥的唯一备份；其标签在文件名中，生成它的回执也注明了该标签。} other {其中的材料包（{surface, select, app {应用内无法检查这样的文件夹：可在本工作站上用 keyferry bundle verify FOLDER 查看是哪个} other {keyferry bundle verify FOLDER 可查看是哪个}}）可能仍需携带或导入。}}',
  'problem.PREFLIGHT_CUSTODIAN_LEFT_SET':
    '保管人 {index} 的文件夹 {folder} 中仍有托管集 {tag} 的 {count, plural, other {# 个文件}}（文件名中带有该标签）{others, plural, =0 {} other {，另有 # 项其他内容}}：该托管集的份额 {share} 在日志条目 {splitSeq} 交给了 {custodian}{found, select, other {} swapped {（在那里找到的份额文件是份额 {sharesFoundList}，而不是份额 {share}：各保管人的介质可能被调换了，请把每个介质交还给它的持有人）}}，属于本日志的第 {session} 个会话（自条目 {fromSeq} 起）；日志条目 {seq} {how, select, kept {记载该托管集被有意保留，未撤回} check {记载这些文件未撤回，删除任何内容之前须先核查} other {记载这些文件未撤回，须手动删除}}。Keyferry 只写入新的或空的文件夹。未生成任何内容。',
  'problem.PREFLIGHT_CUSTODIAN_LEFT_SET.next':
    '{how, select, kept {不要删除这些文件：该托管集作为其会话所包装材料的副本被保留，日志条目 {seq}（之后的每份回执都在偏差部分列出该条目）说明何时可以销毁。请为保管人 {index} 另选一个文件夹（换一个名称或另一介质），然后重新运行。} check {暂不要删除：如日志条目 {seq} 所述（之后的每份回执都在偏差部分列出该条目），该拆分可能已完成但未记入日志；只有在没有任何回执提到托管集 {tag} 时才可删除。在此之前，请为保管人 {index} 另选一个文件夹（换一个名称或另一介质），然后重新运行。} other {该托管集的会话未完成，其文件本应撤回：请按日志条目 {seq} 所述（该条目列出了这些文件，之后的每份回执都在偏差部分列出该条目），手动从该文件夹删除托管集 {tag} 的文件，以免有人将其作为份额保管或出示；然后重新运行。或为保管人 {index} 另选一个文件夹。}}{others, plural, =0 {} other {在弄清该文件夹中其他内容之前，不要删除它们。}}',
  'problem.PREFLIGHT_FILE_EXISTS':
    '{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {保管人 {index} 的文件夹} other {输出文件夹}} {folder} 中已有 {file}；Keyferry 从不覆盖文件。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_FILE_EXISTS.next': '请移走 {file} 或选择其他文件夹，然后重新执行此步骤。',
  'problem.PREFLIGHT_FOLDER_MISSING':
    '{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {保管人 {index} 的文件夹} other {输出文件夹}} {folder} 不存在。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_FOLDER_MISSING.next': '请插入介质并创建该文件夹，或选择一个已存在的文件夹。',
  'problem.PREFLIGHT_PARENT_MISSING':
    '无法创建{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {保管人 {index} 的文件夹} other {输出文件夹}} {folder}：其上级 {parent} 不是已存在的文件夹。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_PARENT_MISSING.next': '请插入介质，或选择上级文件夹已存在的路径。',
  'problem.PREFLIGHT_READ_ONLY':
    '无法写入{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {保管人 {index} 的文件夹} other {输出文件夹}} {folder}：介质为只读。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_READ_ONLY.next': '请使用可写介质（检查写保护开关）或选择其他文件夹，然后重新执行此步骤。',
  'problem.PREFLIGHT_MEDIA_FULL':
    '无法写入{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {保管人 {index} 的文件夹} other {输出文件夹}} {folder}：介质已满。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_MEDIA_FULL.next': '请释放该介质的空间或改用其他介质，然后重新执行此步骤。',
  'problem.PREFLIGHT_NOT_WRITABLE':
    '无法写入{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {保管人 {index} 的文件夹} other {输出文件夹}} {folder}：测试写入失败（{reason}）。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_NOT_WRITABLE.next': '请检查介质及其权限，或选择其他文件夹，然后重新执行此步骤。',
  'problem.PREFLIGHT_NO_ROOM':
    '{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {保管人 {index} 的文件夹} other {输出文件夹}} {folder} 所在卷仅剩 {freeKiB} KiB，但将{sharedWith, plural, =0 {} other {向此文件夹及该卷上另外给出的 # 个文件夹（{othersList}）共}}写入约 {neededKiB} KiB{bigBlocks, select, yes {（该卷为每个文件和文件夹至少分配 {blockKiB} KiB）} other {}}。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_NO_ROOM.next': '请释放该介质的空间或改用其他介质，然后重新执行此步骤。',
  'problem.PREFLIGHT_FOLDER_IN_OTHER':
    '{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {第 {index} 位保管人的文件夹} other {输出文件夹}} {folder} 位于{otherRole, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} custodian {第 {otherIndex} 位保管人的文件夹} other {输出文件夹}} {other} 之内，而该文件夹只应存放 Keyferry 写入的内容。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_FOLDER_IN_OTHER.next':
    '请为每项输出各选一个并列的文件夹，不要彼此嵌套（每位保管人的文件夹位于其自己的介质上），然后重新执行此步骤。',
  'problem.PREFLIGHT_IN_PARAMETERS_BUNDLE':
    '{role, select, bundle {已包装密钥材料包文件夹} receipt {回执文件夹} custodian {第 {index} 位保管人的文件夹} other {输出文件夹}} {folder} 位于正在读取的导入参数包 {bundle} 之内，或就是该文件夹：该参数包随后会含有其清单未列出的文件，将无法再通过验证。未写入任何内容。',
  'problem.PREFLIGHT_IN_PARAMETERS_BUNDLE.next':
    '{surface, select, app {请在预检步骤中{role, select, bundle {为已包装材料包在介质上参数包旁边另选一个文件夹} receipt {另选参数包之外的仪式文件夹（设置）} custodian {为每位保管人在其自己的介质上选择文件夹} other {另选参数包之外的文件夹}}，然后再次检查文件夹。} other {{role, select, bundle {请为已包装材料包在介质上参数包旁边另选一个文件夹（--out，托管恢复则为 --wrapped-out，如所打印的“下一步”命令所示：MEDIA/wrapped-material-…）} receipt {请为回执另选参数包之外的文件夹（--receipt-dir）} custodian {请为每位保管人在其自己的介质上选择文件夹（--custodian-folder）} other {请另选参数包之外的文件夹}}，或在应用的预检步骤中选择该文件夹；然后重新执行该命令（在应用中：重新预检）。}}',
  'problem.PREFLIGHT_SAME_FOLDER':
    '{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} custodian {保管人 {index} 的文件夹} other {输出文件夹}} {folder} 同时被用于另一用途{otherRole, select, bundle {：它与已包装密钥材料包文件夹 {other} 是同一个文件夹} parameters {：它与导入参数包文件夹 {other} 是同一个文件夹} receipt {：它与回执文件夹 {other} 是同一个文件夹} custodian {：它与保管人 {otherIndex} 的文件夹 {other} 是同一个文件夹} console {：它与输出文件夹 {other} 是同一个文件夹} other {}}。{role, select, parameters {未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_SAME_FOLDER.next': '请为每项输出指定各自的文件夹，然后重新执行此步骤。',
  'problem.OUTPUT_THROUGH_LINK':
    '{role, select, bundle {已包装密钥材料包文件夹} parameters {导入参数包文件夹} receipt {回执文件夹} onlineReceipt {回执文件夹} custodian {保管人 {index} 的文件夹} restored {恢复的密钥材料所写入的文件夹} other {输出文件夹}} {folder} {at, select, itself {是指向 {target} 的符号链接} other {经过符号链接 {link}，该链接指向 {target}}}：Keyferry 只写入所指定的文件夹本身，不经由链接写入（在移动存储介质上，链接可能把文件写到本工作站自己的磁盘上）。{role, select, parameters {未写入任何内容。} onlineReceipt {未导入任何内容。} restored {未写入任何内容。} other {未生成任何内容。}}',
  'problem.OUTPUT_THROUGH_LINK.next':
    '请指定介质上真实的文件夹，不要用链接，也不要用经由链接才能到达的文件夹，然后重新执行此步骤。如果这里没有人创建过链接 {link}，说明有人改动过该介质：在再次使用它之前请告知操作员和见证人。',
  'problem.OUTPUT_FOLDER_CHANGED':
    '文件夹 {folder} 已不再是 Keyferry 正在写入的那个文件夹：在写入文件期间，它被移动、改名或替换（包括被换成链接），或其介质被取出。已写入的内容不会被使用。',
  'problem.OUTPUT_FOLDER_CHANGED.next':
    '如果这里没有人移动过该文件夹或取出过其介质，说明本工作站上有程序在 Keyferry 写入期间改动了该介质：请停止操作，告知操作员和见证人，并保持该介质原样。然后使用一个无人触碰的介质上的文件夹重新执行此步骤。',
  'problem.PREFLIGHT_SAME_VOLUME':
    '{named, select, yes {保管人 {first}（{firstCustodian}）的文件夹 {firstFolder} 与保管人 {second}（{secondCustodian}）的文件夹 {secondFolder} } other {保管人 {first} 的文件夹（{firstFolder}）与保管人 {second} 的文件夹（{secondFolder}）}}位于同一卷：丢失或被复制一个驱动器就会泄露两份份额。{command, select, split {未读取也未写入任何内容。} other {未生成任何内容。}}',
  'problem.PREFLIGHT_SAME_VOLUME.next':
    '{surface, select, app {请为每位保管人的份额使用各自的移动存储介质，然后再次检查文件夹（仅限演练：勾选“演练：接受位于同一卷上的文件夹”可让它们共用一个卷）。} other {请为每位保管人的份额使用各自的移动存储介质（{command, select, split {仅限使用测试材料的演练：custody split --shares-on-one-volume} other {仅限演练：--shares-on-one-volume}}）。}}',
  // No longer raised: kept for the preflight.refused entries of journals written before.
  'problem.PREFLIGHT_ON_RECEIPT_VOLUME':
    '保管人 {index} 的文件夹（{folder}）与回执和日志（{receipts}）位于同一卷：该保管人的份额和完整备份会留在本工作站（或该介质）上、日志旁边。未挂载的保管人U盘会使其路径落在工作站自己的磁盘上。未生成任何内容。',
  'problem.PREFLIGHT_ON_RECEIPT_VOLUME.next':
    '{surface, select, app {请挂载每位保管人存放份额的移动存储介质并在其上选择文件夹，然后再次检查文件夹（仅限演练：勾选“演练：接受位于同一卷上的文件夹”可让它们共用一个卷）。} other {请挂载每位保管人存放份额的移动存储介质并在其上指定文件夹（--custodian-folder）；仅限演练：--shares-on-one-volume。}}',
  'problem.CUSTODIAN_ON_WORKSTATION_VOLUME':
    '{named, select, yes {保管人 {index}（{custodian}）的文件夹 {folder} } other {保管人 {index} 的文件夹（{folder}）}}与{on, select, material {密钥材料文件（{place}）位于同一卷：该份额和完整备份会与明文密钥材料放在一起，位于存放它的任何介质上} receipts {回执（{place}）位于同一卷：该份额和完整备份会留在回执旁边，位于本工作站或该介质上} journal {日志（{place}）位于同一卷：该份额和完整备份会留在本工作站上、日志旁边} cwd {本命令运行所在的文件夹（{place}）位于同一卷：该份额和完整备份会放在命令工作的地方，即工作站的磁盘上或命令运行所在的U盘上} home {主文件夹（{place}）位于同一卷：该份额和完整备份会留在本工作站上} temp {临时文件夹（{place}）位于同一卷：该份额和完整备份会留在本工作站上} memory {本工作站内存中的文件夹（{place}，并非U盘）位于同一卷：该份额和完整备份会留在本工作站的内存中，关机即丢失} boot {本工作站的启动卷（{place}，并非U盘）位于同一卷：该份额和完整备份会留在本工作站上} other {本工作站的系统文件夹 {place} 位于同一卷：该份额和完整备份会留在本工作站上}}。{on, select, memory {} other {未挂载的保管人U盘会使其文件夹路径落在工作站自己的磁盘上。}}{command, select, split {未读取也未写入任何内容。} other {未生成任何内容。}}',
  'problem.CUSTODIAN_ON_WORKSTATION_VOLUME.next':
    '{surface, select, app {请挂载每位保管人存放份额的移动存储介质并在其上选择一个不位于本工作站任何卷上的文件夹，然后再次检查文件夹（仅限演练：勾选“演练：接受位于同一卷上的文件夹”可让它们共用一个卷）。} other {请挂载每位保管人存放份额的移动存储介质并在其上指定一个文件夹（{command, select, split {--out} other {--custodian-folder}}），且不位于本工作站的任何卷上（系统卷、启动卷、/dev/shm 等内存文件夹所在卷、主文件夹所在卷、临时文件夹所在卷、工作文件夹所在卷{command, select, split {、密钥材料文件所在卷} other {、日志和回执所在卷}}），并从工作站上的文件夹（而非保管人的U盘）运行该命令；{command, select, split {仅限使用测试材料的演练：custody split --shares-on-one-volume} other {仅限演练：--shares-on-one-volume}}。}}',
  'problem.MATERIAL_ON_CUSTODIAN_VOLUME':
    '密钥材料文件 {file} 与预检时检查过的保管人 {index} 的文件夹（{folder}）位于同一卷：该保管人的份额和完整备份会写在明文密钥材料旁边，位于同一介质上。未读取该文件。',
  'problem.MATERIAL_ON_CUSTODIAN_VOLUME.next':
    '{surface, select, app {请将密钥材料文件复制到不包含任何保管人文件夹的介质上，然后重新选择该文件（或挂载每位保管人自己的介质，在其上选择文件夹，然后再次检查文件夹）。} other {请为 --material 指定一个位于不包含任何保管人文件夹的介质上的文件（或为每位保管人在其自己的介质上指定文件夹），然后重新运行该命令。}}',
  'problem.PREFLIGHT_ON_TRANSFER_MEDIA':
    '{named, select, yes {保管人 {index}（{custodian}）的文件夹 {folder} } other {保管人 {index} 的文件夹（{folder}）}}与将带往联网工作站的已包装密钥材料包（{bundle}）位于同一卷。未生成任何内容。',
  'problem.PREFLIGHT_ON_TRANSFER_MEDIA.next': '请将每位保管人的份额放在各自的移动存储介质上，而不是传输介质上。',
  'problem.BUNDLE_ABANDONED':
    '{dir} 来自一个在其包完整之前已被放弃的离线会话（见其中的 ABANDONED.txt）；没有任何有效回执记载它（为它写出的任何回执均已作废），因此不得导入。',
  'problem.BUNDLE_ABANDONED.next':
    '{surface, select, app {请勿导入。在离线工作站上重新包装到一个新文件夹（如导入令牌已过期，先在此处通过“获取导入参数”步骤获取新的导入参数并写出参数包），然后核对并导入其回执所记载的包。} other {请勿导入。在离线工作站上重新包装到一个新文件夹（如导入令牌已过期，先用 "keyferry online params" 获取新参数），然后导入其回执所记载的包。}}',
  'problem.WRAPPED_WITHDRAW_FAILED': '无法标记或停用 {dir} 中已放弃的已包装密钥材料包。',
  'problem.WRAPPED_WITHDRAW_FAILED.next': '在任何人将其带往联网工作站之前，请手动删除文件夹 {dir}。',
  'problem.CEREMONY_STOPPED': '仪式会话已停止：本会话中不再执行任何步骤，停止后产生的密钥材料会立即擦除。',
  'problem.CEREMONY_STOPPED.next': '请使用同一日志在新会话中重新执行此步骤。',
  'cli.preflight-passed':
    '预检：已包装密钥材料包文件夹（{bundle}，新建）和回执文件夹（{receipts}）{custodians, plural, =0 {} other {以及 # 个保管人文件夹}}均可写入且空间充足。',
  'cli.session-unfinished':
    '此日志的第 {session} 次会话（条目 {from}-{to}）{stopCut, select, yes {{interrupted, plural, =0 {正在被停止} other {已被停止（日志条目 {interrupted}）}}，但该停止本身在记入其结束之前被中断（程序崩溃或断电）：该停止已撤回的内容不再重复撤回} other {{interrupted, plural, =0 {{beforeManifest, select, yes {在写出回执之后、写出其包清单之前结束：程序崩溃或断电。该包在该会话放置它的位置并不完整，任何联网端都不会接受它} other {未经停止即已结束：程序崩溃或断电}}} other {在记入其结束之前被停止（日志条目 {interrupted}）}}}}。现已在日志中记为已放弃（回执在偏差中列出），本次会话开始前，{beforeManifest, select, yes {已撤回在原处找到的其包并作废其回执；其托管副本（份额或 HSM 令牌对象，如有）已保留，绝不删除：份额见下文} other {已撤回在原处找到的它写入的内容；未能撤回的内容在下面列出，请手动删除}}。',
  'cli.closing-resumed':
    '该会话的关闭（始于日志条目 {seq}）本身在完成之前被中断（程序崩溃或断电）：现已重新运行，并记入完成。它此前已撤回或保留的内容按日志所记在下面列出，不会重复执行或重复记入日志。',
  'cli.session-unrecorded': '日志条目 {seq}：{reason}：{keys}。回执在偏差中列出此事。',
  'cli.session-ended-unrecorded': '日志条目 {seq}：{reason}。回执在偏差中列出此事。',
  'cli.session-unrecorded-creates':
    '日志条目 {seq}：{reason}：{creates}。回执在偏差中列出此事。使用同一计划再次运行 online create-key 时，会先在 KMS 中查找：若在{count, plural, other {该}}别名下找到按本仪式的方式创建的密钥（外部来源、等待导入、创建于该次发送之后），则将其作为该次发送所创建的密钥记入日志，不再重复创建；KMS 中没有该别名的密钥则予以创建；该别名已被其他密钥使用则予以拒绝。',
  'cli.session-unrecorded.create':
    '{alias}{replica, select, yes {（区域 {region} 中的副本）} other {}}，发送于条目 {seq}',
  'cli.earlier-bundle-is-out':
    '本命令的 {option} 指定的正是那个已撤回的文件夹（{dir}），该文件夹保持原样：文件夹检查会拒绝它，本次会话不会生成任何内容。请用 {option} 指定一个新文件夹再次运行该命令。',
  'cli.resume-new-folder':
    '如需重试，请用 {option} 指定一个新文件夹（切勿使用 {dir}）再次运行同一命令：这是一个新会话，每位见证人都要重新确认。',
  'cli.receipt-voided':
    '回执 {file}（及其文本版）所记载的材料包从未完成：已改名为 {file}.void，其文本版同样改名（已记入日志）。请勿签署、打印它，也不要把它当作本次包装的记录保存。',
  'cli.bundle-withdrawn':
    '{dir} 中的已包装密钥材料包已撤回（它从未成为完整的包，没有任何有效回执记载它）：{how, select, marked {已标记 ABANDONED.txt。} manifestRemoved {介质连 ABANDONED.txt 都放不下，因此已删除其 manifest.json。} noManifest {介质连 ABANDONED.txt 都放不下；它没有 manifest.json，因此任何读取方都不会把它当作材料包。介质有空间后请删除该文件夹。} other {已标记 ABANDONED.txt，或者在介质放不下该文件时，已删除其 manifest.json（日志记录了是哪一种）。}}联网导入会拒绝它；请勿带过去。',
  'cli.bundle-delete-by-hand':
    '无法撤回 {dir} 中的已包装密钥材料包：在任何人将其带往联网工作站之前，请手动删除该文件夹。',
  'cli.custody-withdrawn':
    '本次尝试写入的保管文件（份额、托管凭条、备份）已从 {count, plural, other {# 个保管人文件夹}}（{folders}）中删除：它们所保管的密钥材料已擦除且永远不会被导入，因此它们恢复不了任何东西；各文件夹已恢复为预检时的状态。',
  'cli.custody-folders-removed':
    '本次尝试为份额创建的 {count, plural, other {# 个保管人文件夹}}在写入任何文件之前已再次删除：{foldersList}。{count, plural, =1 {该保管人} other {这些保管人}}的介质上未留下本次尝试的任何内容。',
  'cli.custody-folders-gone':
    '本次尝试为份额创建的 {count, plural, other {# 个保管人文件夹}}在写入任何文件之前已不在原路径，因此停止操作无法删除{count, plural, =1 {它} other {它们}}：{foldersList}。如果某位保管人的U盘被拔出，该空文件夹仍在U盘上：其中没有本次尝试的任何内容，无需删除（新的拆分可以写入其中；一旦其中存有份额，切勿删除）。',
  'cli.custody-folder-of': '{folder}（{known, select, no {日志未记录保管人} other {保管人 {custodian}}}）',
  'cli.custody-delete-by-hand':
    '本次已停止尝试的保管文件无法删除，或已不在写入的位置（其文件夹被移动，或其介质被取出）：在任何人将其作为份额带走之前，请在它们现在所在之处手动删除（{files}）。',
  'cli.hsm-objects-destroyed':
    '本次尝试在 HSM 令牌 "{token}"（序列号 {serial}）中生成的 {count} 个令牌对象已销毁，因为其中的密钥材料永远不会被导入：{objects}。',
  'cli.hsm-objects-left':
    '{cause, select, crash {该会话} other {本次尝试}}在 HSM 令牌 "{token}"（序列号 {serial}）中生成的 {count} 个令牌对象仍在令牌中，其中的密钥材料永远不会被导入。{cause, select, crash {该会话未经停止即已结束，没有销毁它们。在此日志上带 HSM 选项运行时，登录后会销毁其中校验值或公钥与该会话日志记录相符的每个对象（绝不销毁已完成会话在同一标签下的对象）；在此之前，或对于无法证实的对象，请在为此仪式再次生成密钥材料之前手动删除它们（每条命令都会询问用户 PIN）：} other {销毁失败：{reason}在为此仪式再次生成密钥材料之前，请手动删除它们（每条命令都会询问用户 PIN）：}}',
  'cli.hsm-crashed-objects-destroyed':
    '已登录 HSM 令牌 "{token}"（序列号 {serial}）：一个未经停止即已结束的会话在其中留下的 {count} 个令牌对象已销毁，每个都已由该会话记入日志的校验值或公钥证实（日志条目 {entries}：hsm.objects-destroyed）：{objects}{more, plural, =0 {} other {，另有 # 个}}。',
  'cli.hsm-object-command': '  {command}',
  'hsm.object':
    '"{label}"（{objectClass, select, CKO_SECRET_KEY {对称密钥} CKO_PRIVATE_KEY {私钥} CKO_PUBLIC_KEY {公钥} other {{objectClass}}}，CKA_ID {objectId}）',
  'cli.earlier-receipt-voided':
    '该会话打印{journaled, select, yes {} other {但从未记入日志}}的回执（{files}）已作废，并重命名为 NAME.void：它所注明的包{custody, select, withdrawn {和托管集}other {}}刚刚已被撤回。请勿签署或带走该回执；请保留它以备审计。',
  'cli.earlier-custody-withdrawn':
    '该会话写入的保管文件（份额、托管凭条、备份）已从 {count, plural, other {# 个保管人文件夹}}（{folders}）中删除：它们所保管的密钥材料已擦除且永远不会被导入，因此它们恢复不了任何东西；各文件夹已恢复为该会话预检时的状态。',
  'cli.earlier-custody-not-withdrawn':
    '该会话的保管文件未撤回（无法读取某个保管人文件夹，或在那里找不到或无法删除这些文件）：无论这些介质现在在哪里，请手动删除，以免有人将其作为份额保留或出示（{files}）。',
  'cli.wrap-repeated': '此日志已完成本仪式的 {count, plural, other {# 次包装}}：',
  'cli.wrap-repeated.earlier':
    '  第 {session} 次会话：已包装密钥材料包 {folder}，摘要 {digest}{receipt, select, none {} other {，回执 {receipt}}}{tokens, select, live {，导入令牌有效至 {until}（除非其密钥已持有密钥材料）} expired {，导入令牌已于 {until} 过期} other {，导入令牌由控制台保管（按可导入计）}}{backup, select, none {，无托管集} hsm {；托管副本：生成其密钥材料的 HSM 令牌对象（请保留）} other {；托管集备份摘要 {backup}，由 {custodians} 保管}}',
  'cli.journal-lost-warning':
    '警告：正在 {journal} 中包装，而不是在{source, select, media {介质上的材料包 {folder} 所属的先前包装所在日志} other {这些参数指定的先前包装所在日志}} {named}（首条记录 {namedFirstEntry}）中（--journal-lost：“{reason}”）。本日志不知道那些包装：它们的材料包绝不可导入；之后哪些托管副本可以销毁，由联网端导入时说明（某个副本可能仍在备份此前已导入的密钥）。这会作为覆盖记入日志并印在回执上；{source, select, media {如果联网端曾接收过该日志的材料包，}other {}}联网端导入本次包装前会要求其官员的确认（--accept-other-airgap-journal）。',
  'cli.wrap-again-chosen':
    '警告：再次包装（--wrap-again：“{reason}”）：{fresh, select, no {本次会话包装已存在的密钥材料（在 HSM 令牌中，或所给文件中），而不是新的密钥材料} other {本次会话将生成新的密钥材料}}；联网侧只能导入其中一个已包装密钥材料包。生成密钥材料时将连同原因作为覆盖记入日志（wrap.repeated），并列在回执上。',
  'cli.wrap-repeated.grounds':
    '{grounds, select, boundMaterial {这些参数中的每个密钥只接受 KMS 已持有的密钥材料（在其导入时绑定）：本次包装不会产生新的密钥材料，因此无需 --wrap-again。} other {{count, plural, other {这些包}}的导入令牌均已过期，已无法再导入，因此无需 --wrap-again。{fresh, select, no {本次会话包装已存在的密钥材料（已在 HSM 令牌中，或从文件加载），而不是新的密钥材料。} other {本次会话将生成新的密钥材料。}}}}生成密钥材料时将作为覆盖记入日志（wrap.repeated），并列在回执上。',
  'problem.WRAP_AGAIN_NOT_CHOSEN':
    '此日志已完成本仪式的 {count, plural, other {# 次包装}}（最近一次为离线侧第 {last} 次会话），其已包装密钥材料包仍可导入（{known, select, no {有导入令牌由控制台保管，有效期未知} other {按本机时钟，导入令牌有效期至 {until, date, moment}}}）。再次包装会在其之外生成新的密钥材料{part, select, some {，且只为离线侧第 {partOf} 次会话的材料包所含 {held} 个密钥中的 {covered} 个生成：{coveredList}（此处读取的导入参数包不含其中其他密钥）} other {}}。未生成任何内容。',
  'problem.WRAP_AGAIN_NOT_CHOSEN.next':
    '{surface, select, app {如果先前的包不会被导入（其介质丢失或损坏，或不得使用），请在预检步骤中勾选“再次包装：在上述包之外生成新的密钥材料”，在“原因（记入日志，列在回执上）”中说明原因，然后再次检查文件夹。将记入日志并列在回执上。否则请导入其回执所列的先前的包；其导入令牌过期后无需说明原因。} other {如果先前的包不会被导入（其介质丢失或损坏，或不得使用），请再次包装并说明原因：--wrap-again "原因"（在应用中：预检步骤上的“再次包装”，并填写原因）。将记入日志并列在回执上。否则请导入其回执所列的先前的包；其导入令牌过期后无需说明原因。}}如果 KMS 已以导入令牌过期（KMS.2601）拒绝导入该包，则无论本机时钟如何，包装该包所用的导入参数都已无法再导入：不要再次包装它们；请在联网工作站获取新的导入参数（其状态会提示），然后包装新的参数。',
  'problem.WRAP_AGAIN_REASON_INVALID': '再次包装的原因必须是一行文字，1 至 {max} 个字符，不含控制字符。',
  'problem.WRAP_AGAIN_REASON_INVALID.next':
    '{surface, select, app {请在“原因（记入日志，列在回执上）”中简要说明先前的包为何不会被导入，例如：存放第一个包的介质丢失，然后再次检查文件夹。} other {请简要说明先前的包不会被导入的原因，例如 --wrap-again "存放第一个包的介质丢失"。}}',
  'cli.wrap-repeated.after':
    '{fresh, select, no {{cover, select, some {对本次会话包装的每个密钥，只导入一个包。若此密钥材料就是先前各包所持有的（同一令牌对象或同一文件：其回执上的密钥校验值和公钥指纹一致），则无需销毁任何托管集。只有当托管集所备份的每个密钥都持有另一个包的密钥材料时，该托管集才不再备份任何材料，其保管人才可销毁其份额：下面列为须保留的先前托管集还备份本次会话未包装其密钥材料的密钥，KMS 可能持有这些密钥来自先前包的密钥材料。} other {只导入一个包。若此密钥材料就是先前各包所持有的（同一令牌对象或同一文件：其回执上的密钥校验值和公钥指纹一致），则无需销毁任何托管集；若不是，则导入此包后，先前各包的托管集所保管的密钥材料 KMS 永远不会接受：请其保管人销毁这些份额。}}} other {{custody, select, none {只导入一个包：其他包的密钥材料 KMS 此后永远不会接受。这些包装都没有写出托管集，因此没有需要销毁的份额。} other {{cover, select, some {对本次会话包装的每个密钥，只导入一个包。只有当托管集所备份的每个密钥都持有另一个包的密钥材料时，该托管集才不再备份任何材料，其保管人才可销毁其份额：下面列为须保留的先前托管集还备份本次会话未生成新密钥材料的密钥，KMS 可能持有这些密钥来自先前包的密钥材料。} other {只导入一个包。导入之后，其他包（上面所列或本次会话的）的托管集所保管的密钥材料 KMS 永远不会接受：请其保管人销毁这些份额，使多年后的恢复只会找到一个托管集。}}}}}}',
  'cli.wrap-repeated.keep-earlier':
    '请保留先前的 {count, plural, other {# 个托管集}}（备份摘要 {backups}）：{named, select, no {本日志未记录它们所备份的密钥（由较早版本拆分），KMS 可能持有它们来自先前包的密钥材料} other {它们还备份本次会话未生成新密钥材料的密钥（{keys}），KMS 可能持有这些密钥来自先前包的密钥材料}}。即使本次会话的包已导入，也不要销毁这些份额；托管集何时不再备份任何材料，由联网工作站说明。回执上也写明了这一点。',
  'cli.wrap-repeated.destroy-earlier':
    '联网工作站显示密钥持有本次会话的材料后（其导入已完成、其状态已读取），先前 {count, plural, other {# 个托管集}}（备份摘要 {backups}）的保管人应销毁这些份额：先前的密钥材料此后永远无法再导入这些密钥。在此之前请保留这些份额：如果某个密钥已持有先前材料包的材料，KMS 会拒绝本次的材料，先前的托管集仍是它的备份。回执上也写明了这一点。',
  'cli.stopped':
    '已由 {signal, select, SIGINT {Ctrl-C（SIGINT）} other {{signal} }}{step, select, none {在“{statePhrase}”步骤停止} other {在“{stepPhrase}”步骤（日志条目 {seq}，由 {actor} 记录）之后停止}}：{wiped, plural, =0 {{underWay, select, generating {当时未持有已完成的密钥材料（正在生成的密钥会被丢弃）} rebuilding {当时未持有已重建的密钥材料（已出示的份额已擦除，正在用它们重建的材料会被丢弃）} wrapping {当时未持有未包装的密钥材料（包装步骤在包装每个密钥后立即擦除其材料，并记为 material.wiped）} other {当时尚未持有任何密钥材料}}} other {所持有的密钥材料（{keys, plural, other {# 个密钥}}{materials, plural, =0 {} other {，共 # 份密钥材料：副本组的密钥共用一份}}）已擦除}}；{withdrawn, select, none {本次尝试没有任何包或回执被视为已写出} other {没有回执的包 {withdrawn} 已撤回}}{handDelete, select, none {} other {（请手动删除 {handDelete}：无法撤回）}}；停止已记入日志，日志锁已释放。如需继续，请使用 --journal {journal} {withdrawn, select, none {} other {并用 {outOption} 指定一个新文件夹（切勿使用 {withdrawn}）}}再次运行同一命令（本次尝试将显示为已放弃）。',
  'cli.stopped-finished':
    '已由 {signal, select, SIGINT {Ctrl-C（SIGINT）} other {{signal} }}在仪式完成后停止：包和回执均已完整；日志 {journal} 已关闭。',
  'cli.stopped-params-written':
    '已由 {signal, select, SIGINT {Ctrl-C（SIGINT）} other {{signal} }}在导入参数包写出后停止：{dir} 完整且已验证，其摘要和下一步已打印在上方，日志 {journal} 已关闭。请勿为此再次运行 online params：重新获取会取代这些参数。请将此参数包带到离线工作站。',
  'cli.stopped-journaled':
    '已由 {signal, select, SIGINT {Ctrl-C（SIGINT）} other {{signal} }}停止：停止已记入日志 {journal}，其锁已释放；日志所记录的步骤均已完成（停止时仍在运行的步骤若已完成，会记在停止之后）。{side, select, airGapped {当时尚未生成任何密钥材料：下次运行会重新开始该会话。} other {正在进行的 KMS 调用仍可能已生效而未记入日志：下次运行会先向 KMS 查询已生效的操作，然后才会再次发送。}}{above, select, yes {请运行上面列出的命令以继续。} other {请使用 --journal {journal} 再次运行该命令以继续。}}',
  'cli.stopped-outside-ceremony':
    '已由 {signal, select, SIGINT {Ctrl-C（SIGINT）} other {{signal} }}在命令完成前停止：其正在进行的操作均不算完成。请再次运行该命令重新开始。',
  'problem.NO_BACKUP_NOT_ACKNOWLEDGED':
    '{count, plural, other {# 个密钥}}的 AES 密钥材料将于 {expiresAt, date, moment} 在 KMS 中过期，且没有保管副本：此后将永远无法再次导入，该密钥下的所有密文都将无法解密。未生成任何内容。',
  'problem.NO_BACKUP_NOT_ACKNOWLEDGED.next':
    '请使用 --custody M/N 并为每位保管人各给出一次 --custodian NAME --custodian-folder DIR 保留副本，或选择 --expires never，或使用 --no-backup 确认此损失（将记入日志并打印在回执上）。',
  'problem.WRAP_NO_BACKUP_NOT_ACKNOWLEDGED':
    '{spec} 密钥材料将在此生成、包装后擦除：不会留下任何副本，若 KMS 丢失它（过期、删除），将永远无法再次导入。未生成任何内容。',
  'problem.WRAP_NO_BACKUP_NOT_ACKNOWLEDGED.next':
    '请用 --material FILE 包装您自行保管的密钥材料（或使用 "keyferry airgap wrap --custody M/N"），或使用 --no-backup 确认此损失。',
  'problem.LOSS_NOT_ACKNOWLEDGED':
    '{custody, select, shares {删除密钥 {keyId} 已导入的密钥材料无法由 KMS 撤销：KMS 只接受相同的密钥材料再次导入。联网日志条目 {seq} 记录了其保管副本：{total} 份中任意 {threshold} 份保管份额，由 {custodiansList} 保管{set, select, named {，托管集 {setTag}（即其份额文件名中的标记）} other {}}；没有其中 {threshold} 份，该密钥下的所有密文将永远无法解密。} hsmToken {删除密钥 {keyId} 已导入的密钥材料无法由 KMS 撤销：KMS 只接受相同的密钥材料再次导入。联网日志条目 {seq} 记录了其保管副本：HSM 令牌“{token}”；没有该令牌，该密钥下的所有密文将永远无法解密。} materialFiles {删除密钥 {keyId} 已导入的密钥材料无法由 KMS 撤销：KMS 只接受相同的密钥材料再次导入。联网日志条目 {seq} 记录了其保管副本：在离线工作站上载入的材料文件；没有这些文件，该密钥下的所有密文将永远无法解密。} other {删除密钥 {keyId} 已导入的密钥材料无法由 KMS 撤销：除非存在同一材料的保管份额，否则该密钥下的所有密文将永远无法解密。}}未删除任何内容。',
  'problem.LOSS_NOT_ACKNOWLEDGED.next':
    '{custody, select, shares {请确认上述保管人中至少 {threshold} 人仍持有其保管份额；} hsmToken {请确认该令牌仍保存着该密钥材料；} materialFiles {请确认这些文件仍被保管；} other {请确认该密钥的保管份额存在（离线回执会列出）；}}然后{where, select, app {勾选确认丢失的复选框} other {添加 --acknowledge-loss}}（将记入日志并打印在回执上）。',
  'problem.NO_CUSTODY_COPY_DELETE':
    '密钥 {keyId} 没有任何保管副本（联网日志条目 {seq}：离线工作站未保留副本{acknowledged, select, yes {，并已在那里确认} other {}}）。删除其已导入的密钥材料将使其永久销毁：KMS 只接受相同的密钥材料再次导入，而任何地方都没有副本，因此该密钥下的所有密文都将无法解密。未删除任何内容。',
  'problem.NO_CUSTODY_COPY_DELETE.next':
    '如仍要销毁，请{where, select, app {勾选确认丢失的复选框，并在其旁边的字段中再次输入密钥 ID（{keyId}）} other {添加 --acknowledge-loss，以及 --confirm-key-id 后跟再次输入的密钥 ID（{keyId}）}}；两者都会记入日志并打印在回执上。如只是不再使用该密钥而不丢失它，请改为禁用该密钥。',
  'problem.DELETE_KEY_ID_MISTYPED':
    '为确认而输入的密钥 ID（{typed}）不是将被删除密钥材料的密钥（{keyId}）。未删除任何内容。',
  'problem.DELETE_KEY_ID_MISTYPED.next':
    '{caseOnly, select, yes {只有字母大小写不同：请以小写输入密钥 ID：{keyId}。} other {请按{where, select, app {密钥列表显示的} other {--key-id 给出的}}密钥 ID 原样输入要删除的密钥：{keyId}。}}',
  'cli.expiry-plan-overridden':
    '警告：已包装密钥材料包将为 {count, plural, other {# 个密钥}}请求 AES 密钥材料到期时间 {requested}，而不是仪式计划（导入参数包中所载）的 {planned}。{passed, select, computer {计划的到期时间按本计算机的时钟已过，无法保持：已在本端作为覆盖记入日志（离线回执会列出）；联网导入将以此到期时间取代它。} kms {计划的到期时间按参数包导入令牌所示的 KMS 时间 {kmsNow, date, moment} 已过（按本计算机的时钟尚未过），无法保持：已在本端作为覆盖记入日志（离线回执会列出）；联网导入将以此到期时间取代它。} other {已作为覆盖记入日志：两份回执都会列出，联网导入时也会再次指出。如要保持计划的到期时间，请不要提供 --expires。}}',
  'cli.no-backup-acknowledged':
    '已通过 --no-backup 确认（已记入日志）：{count, plural, other {# 个密钥}}的 AES 密钥材料没有任何副本；{expiresAt} 之后将永远无法再次导入。',
  'cli.wrap-no-backup-acknowledged':
    '已通过 --no-backup 确认：{spec} 密钥材料在包装后已擦除，没有留下副本；请在导入成功前保留这些文件。',
  'cli.material-produced':
    '{how, select, loaded {已加载} other {已生成}}密钥 {keyId} 的 {spec} 密钥材料（{check}）{replicas, plural, =0 {} other {；同一份密钥材料也供其副本组的 # 个副本使用（{replicaIds}）}}。',
  'cli.material-check': '{kind, select, publicKey {公钥 SHA-256 {hex}} other {KCV {hex}}}',
  'cli.status-material-deleted':
    '{custody, select, none {已按请求删除密钥材料：{alias}（{spec}，密钥 {keyId}{replica, select, yes {，区域 {region} 中的副本} other {}}）处于“等待导入”状态，其密钥材料已永久丢失：它没有任何保管副本（联网日志条目 {seq}：离线工作站未保留副本）。该密钥下的所有密文都无法解密。} shares {已按请求删除密钥材料：{alias}（{spec}，密钥 {keyId}{replica, select, yes {，区域 {region} 中的副本} other {}}）处于“等待导入”状态，只接受相同的密钥材料。其保管副本可以将其恢复：{total} 份中任意 {threshold} 份保管份额，由 {custodiansList} 保管{set, select, named {，托管集 {setTag}} other {}}（联网日志条目 {seq}）{round, select, parameters {；请先运行 keyferry online params，再在离线工作站上运行 keyferry custody restore} other {}}。没有其中 {threshold} 份，材料将永久丢失。} hsmToken {已按请求删除密钥材料：{alias}（{spec}，密钥 {keyId}{replica, select, yes {，区域 {region} 中的副本} other {}}）处于“等待导入”状态，只接受相同的密钥材料。其保管副本可以将其恢复：保存该材料的 HSM 令牌“{token}”（联网日志条目 {seq}）{round, select, parameters {；请先运行 keyferry online params，再在离线工作站上用该令牌运行 keyferry custody restore --hsm-module} other {}}。没有该令牌，材料将永久丢失。} materialFiles {已按请求删除密钥材料：{alias}（{spec}，密钥 {keyId}{replica, select, yes {，区域 {region} 中的副本} other {}}）处于“等待导入”状态，只接受相同的密钥材料。其唯一副本是包装时在离线工作站上加载的密钥材料文件（联网日志条目 {seq}）{round, select, parameters {；请先运行 keyferry online params，再在离线工作站上用该文件运行 keyferry airgap wrap --material} other {}}。没有该文件，材料将永久丢失。} other {已按请求删除密钥材料：{alias}（{spec}，密钥 {keyId}{replica, select, yes {，区域 {region} 中的副本} other {}}）处于“等待导入”状态，只接受相同的密钥材料。只有包装时制作的保管份额才能将其恢复{round, select, parameters {（先 keyferry online params，再在离线工作站上 keyferry custody restore）} other {}}；离线回执会说明是否制作过份额。没有份额，材料将永久丢失。}}',
};
