/** 离线端由谁制作已包装密钥材料包（清单中的 madeBy）：online import 打印并记入日志的内容、对其他人员或另一离线日志的拒绝，以及在同一离线日志中重新包装的建议。 */
import type { enAirGappedMakers } from '../en/air-gapped-makers';

export const zhCNAirGappedMakers: { readonly [K in keyof typeof enAirGappedMakers]: string } = {
  'bundle.madeBy':
    '在离线端由操作员 {operator} 与{count, plural, other {见证人}} {witnessList} {purpose, select, restore {通过托管恢复制作} other {包装}}，离线日志为 {journal}（首条记录 {firstEntry}）：此为包中所述。',
  'problem.WRAPPED_PEOPLE_DIFFER_FROM_JOURNAL':
    '此已包装密钥材料包是在离线端（日志 {airGapJournal}）由操作员 {madeOperator} 与见证人 {madeWitnessList} 包装的，而本仪式的联网日志记载的是操作员 {journalOperator}、见证人 {journalWitnessList}：{role, select, operator {操作员不同} other {见证人不同}}。任何人不得代他人行事，因此这份密钥材料并非由本仪式的人员制作。未向 KMS 发送任何内容。',
  'problem.WRAPPED_PEOPLE_DIFFER_FROM_JOURNAL.next':
    '{surface, select, app {请勿导入此包。请在离线工作站上由本仪式的人员（操作员 {journalOperator}，见证人 {journalWitnessList}）使用本仪式的离线日志重新包装（如导入令牌已过期，请先在此处通过“获取导入参数”步骤获取新的导入参数并写出参数包），然后在此处核对并导入那个包。} other {请勿导入此包。请在离线工作站上由本仪式的人员（操作员 {journalOperator}，见证人 {journalWitnessList}）使用本仪式的离线日志重新包装（如导入令牌已过期，请先用 keyferry online params 获取新参数），然后导入那个包。}}',
  'problem.WRAPPED_OTHER_AIRGAP_JOURNAL':
    '此已包装密钥材料包是在离线日志 {airGapJournal}（首条记录 {airGapJournalFirstEntry}）中包装的，但本联网日志在第 {earlierSeq} 条记录接受的包来自离线日志 {earlierAirGapJournal}（首条记录 {earlierAirGapJournalFirstEntry}）。在另一个日志中包装时看不到先前的包装：是否重新包装的询问被跳过，且本仪式可能另有一个无人被告知要销毁的托管集。未向 KMS 发送任何内容。',
  'problem.WRAPPED_OTHER_AIRGAP_JOURNAL.next':
    '{surface, select, app {请在离线工作站上使用日志 {earlierAirGapJournal} 重新包装（在“设置”的“仪式文件夹”中选择保存它的文件夹；如导入令牌已过期，请先在此处通过“获取导入参数”步骤获取新的导入参数并写出参数包），然后在此处核对并导入那个包。只有在该日志已丢失、且您知道此包为何在另一个日志中包装时，才可在此步骤问题下方的字段中键入该日志名并点击“核对并接受此包”：这会作为覆盖记入日志并印在回执上。{copies, select, shares {此包的密钥材料有自己的托管副本：{total} 份中任意 {threshold} 份，由 {custodianList} 持有{setTag, select, none {} other {，托管集 {setTag}（即份额文件名中的标记）}}。一旦这些密钥持有在 {earlierAirGapJournal} 中包装的密钥材料（“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”会显示），该副本和此包就不再备份任何密钥所持有的内容；届时再销毁这些份额和此包，不要提前。} other {}}} other {请在离线工作站上使用日志 {earlierAirGapJournal} 重新包装（如导入令牌已过期，请先用 keyferry online params 获取新参数），然后导入那个包。只有在该日志已丢失、且您知道此包为何在另一个日志中包装时，才可在同一条 online import 命令中加上 --accept-other-airgap-journal：这会作为覆盖记入日志并印在回执上。{copies, select, shares {此包的密钥材料有自己的托管副本：{total} 份中任意 {threshold} 份，由 {custodianList} 持有{setTag, select, none {} other {，托管集 {setTag}（即份额文件名中的标记）}}。一旦这些密钥持有在 {earlierAirGapJournal} 中包装的密钥材料（keyferry online status 会显示），该副本和此包就不再备份任何密钥所持有的内容；届时再销毁这些份额和此包，不要提前。} other {}}}}',
  'problem.WRAPPED_MADE_BY_MISSING':
    '此已包装密钥材料包未说明由谁包装、在哪个离线日志中包装（它由早于已包装密钥材料格式版本 3 的 Keyferry 写入），而本联网日志在第 {earlierSeq} 条记录接受的包来自离线日志 {earlierAirGapJournal}（首条记录 {earlierAirGapJournalFirstEntry}）。没有任何内容表明它是在该日志中包装的，即经过了该日志的是否重新包装的询问及其托管集。未向 KMS 发送任何内容。',
  'problem.WRAPPED_MADE_BY_MISSING.next':
    '{surface, select, app {请在离线工作站上用本版 Keyferry 使用日志 {earlierAirGapJournal} 重新包装（如导入令牌已过期，请先在此处通过“获取导入参数”步骤获取新的导入参数并写出参数包），然后在此处核对并导入那个包。只有在您知道此包在何处包装以及原因时，才可在此步骤问题下方的字段中键入该日志名并点击“核对并接受此包”：这会作为覆盖记入日志并印在回执上。} other {请在离线工作站上用本版 Keyferry 使用日志 {earlierAirGapJournal} 重新包装（如导入令牌已过期，请先用 keyferry online params 获取新参数），然后导入那个包。只有在您知道此包在何处包装以及原因时，才可在同一条 online import 命令中加上 --accept-other-airgap-journal：这会作为覆盖记入日志并印在回执上。}}',
  'problem.WRAPPED_OLDER_AIRGAP_JOURNAL_COPY':
    '此已包装密钥材料包是由离线日志 {airGapJournal}（首条记录 {airGapJournalFirstEntry}）的一份较旧副本包装的：{lists, select, no {它未列出该日志先前的包装（由早于已包装密钥材料格式版本 4 的 Keyferry 写入），因此没有任何内容表明它是在以下包装之后制作的：} other {该副本中没有}}始于其第 {missingSeq} 条记录（{missingAt, date, moment}）的包装，而本联网日志已在第 {takenSeq} 条记录接受了该包装的包。在那次包装之前复制的日志不知道它：是否重新包装的询问被跳过，且本仪式可能另有一个无人被告知要销毁的托管集。未向 KMS 发送任何内容。',
  'problem.WRAPPED_OLDER_AIRGAP_JOURNAL_COPY.next':
    '{surface, select, app {请勿导入此包；如该副本写出了托管集，请让其保管人销毁这些份额。请在离线工作站上用本版 Keyferry 在 {airGapJournal} 的最新副本（始于其第 {missingSeq} 条记录的那次包装已在其中完成、其后写有回执的那份；本版会拒绝旧副本）中重新包装（如导入令牌已过期，请先在此处通过“获取导入参数”步骤获取新的导入参数并写出参数包），然后在此处核对并导入那个包。较旧的副本不能凭您的确认接受；只有在最新副本已丢失时，才在新日志中包装（那里的应用无法越过参数所指定的日志：请在离线工作站上运行 keyferry airgap wrap 并加上 --journal-lost "原因"），然后在此处核对那个包，并用“核对并接受此包”接受它。} other {请勿导入此包；如该副本写出了托管集，请让其保管人销毁这些份额。请在离线工作站上用本版 Keyferry 在 {airGapJournal} 的最新副本（始于其第 {missingSeq} 条记录的那次包装已在其中完成、其后写有回执的那份；本版的 airgap wrap 会拒绝旧副本）中重新包装（如导入令牌已过期，请先用 keyferry online params 获取新参数），然后导入那个包。--accept-other-airgap-journal 不接受较旧的副本；只有在最新副本已丢失时，才在新日志中包装，并用该选项接受那个包。}}',
  'problem.WRAPPED_OVERRIDE_OTHER_BUNDLE':
    '您的确认是针对先前被拒绝的已包装密钥材料包（摘要 {refusedBundle}）给出的，但现在读取的是另一个包（摘要 {readBundle}）：拒绝之后文件夹或摘要已更改。未接受任何内容，也未向 KMS 发送任何内容。',
  'problem.WRAPPED_OVERRIDE_OTHER_BUNDLE.next':
    '请先核对此包。只有在它也因其离线日志被拒绝、且您知道它为何在那里包装时，才为它给出确认。',
  'online.next.same-airgap-journal':
    '{known, select, yes {请在与之前相同的离线日志 {journal}（首条记录 {firstEntry}）中包装，不要使用新日志} unproven {如果离线端已为本仪式包装过（本工作站见过的材料包均未能证明其是在哪个离线日志中包装的），请在那个相同的离线日志中包装，不要使用新日志：在 --journal 后填写其文件名} other {如果离线端已为本仪式包装过（本工作站尚未见过其任何材料包），请在那个相同的离线日志中包装，不要使用新日志：在 --journal 后填写其文件名}}。该日志知道先前的包装及其托管集；online import 会拒绝另一个离线日志的包。',
  'receipt.people.materialMadeBy':
    '条目 {seq}：所核对的已包装密钥材料包是在离线端由操作员 {operator} 与{count, plural, other {见证人}} {witnessList} {purpose, select, restore {通过托管恢复制作} other {包装}}的，离线日志为 {journal}（首条记录 {firstEntry}）',
  'check.other-journal.lead':
    '{missing, select, yes {此包未说明是在哪个离线日志中包装的} other {此包是在本仪式离线日志之外的另一个离线日志中包装的}}。只有在本仪式的日志 {journal} 已丢失、且您知道此包为何在别处制作时才可导入：您的确认会作为覆盖记入日志并印在回执上（命令行中为 --accept-other-airgap-journal）。',
  'check.other-journal.type': '请键入本仪式的离线日志 {journal} 以接受此包',
  'check.other-journal.button': '核对并接受此包',
  'check.other-journal.accepted': '已凭您的确认接受，而非在本仪式的离线日志中包装：已作为覆盖记入日志，并印在回执上。',
  'journal.event.wrapped-bundle.other-journal-accepted': '已接受另一离线日志的已包装密钥材料包',
} as const;
